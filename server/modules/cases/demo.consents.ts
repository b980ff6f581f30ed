import type { Tx } from '#server/db.ts';
import { berlinDate } from '#server/time.ts';
import { consentInputErrors } from './consents.policy.ts';
import * as k from './consents.queries.ts';
import { addDays } from './plans.policy.ts';
import * as p from './plans.queries.ts';

/**
 * Demo consents (fictional): the first households of every provider show what a case file's
 * consents look like — a signed release for the Jobcenter valid for a year, a verbal one with the
 * interpreter as witness for the children's Kita, one that ran out last month and one withdrawn
 * last week (a withdrawal takes effect at once). Each checked by the rules the API applies.
 */

type Who = 'head' | 'spouse';
interface ConsentTemplate {
  who: Who;
  purpose: 'referral' | 'transfer' | 'exchange';
  recipient: string;
  givenIn: number;
  method: 'signed_paper' | 'verbal_witnessed';
  witnessName?: string;
  validFor?: number;
  withdrawnIn?: number;
}

const HOUSEHOLDS: readonly (readonly ConsentTemplate[])[] = [
  [
    { who: 'head', purpose: 'referral', recipient: 'Jobcenter Dresden', givenIn: -21, method: 'signed_paper', validFor: 365 },
    { who: 'spouse', purpose: 'exchange', recipient: 'Kita Regenbogen', givenIn: -9, method: 'verbal_witnessed', witnessName: 'Samira Haddad (Dolmetscherin)' },
  ],
  [
    { who: 'head', purpose: 'referral', recipient: 'Volkshochschule Dresden, Integrationskurse', givenIn: -60, method: 'signed_paper', validFor: 30 },
    { who: 'head', purpose: 'exchange', recipient: 'Ausländerbehörde Dresden', givenIn: -40, method: 'verbal_witnessed', witnessName: 'Olena Kovalenko (Kollegin)', withdrawnIn: -7 },
  ],
  [{ who: 'spouse', purpose: 'referral', recipient: 'Psychosoziale Beratungsstelle', givenIn: -3, method: 'signed_paper', validFor: 180 }],
];

export async function seedDemoConsents(tx: Tx, now: Date, providers: readonly { organisationId: string; socialWorkerId: string | null }[]): Promise<number> {
  const today = berlinDate(now);
  let count = 0;
  for (const provider of providers) {
    const files = await p.demoCaseFilesOf(tx, provider.organisationId);
    for (const [i, templates] of HOUSEHOLDS.entries()) {
      const file = files[i];
      if (!file) continue;
      const head = file.people.find((x) => x.relationship === 'head') ?? file.people[0];
      const spouse = file.people.find((x) => x.relationship === 'spouse' || x.relationship === 'partner') ?? head;
      for (const t of templates) {
        const person = t.who === 'head' ? head : spouse;
        if (!person) continue;
        const givenOn = addDays(today, t.givenIn);
        const input = { recipient: t.recipient, method: t.method, witnessName: t.witnessName ?? '', givenOn, validUntil: t.validFor === undefined ? null : addDays(givenOn, t.validFor) };
        if (consentInputErrors(input, today).length) throw new Error(`demo consent for ${t.recipient} breaks the rules`);
        const withdrawnAt = t.withdrawnIn === undefined ? null : new Date(now.getTime() + t.withdrawnIn * 86_400_000);
        const at = new Date(`${givenOn}T10:00:00Z`);
        await k.insertConsent(tx, {
          organisationId: provider.organisationId,
          householdId: file.householdId,
          personId: person.id,
          purpose: t.purpose,
          recipientKind: 'partner',
          ...input,
          recordedBy: provider.socialWorkerId,
          withdrawnAt,
          withdrawnBy: withdrawnAt ? provider.socialWorkerId : null,
          version: withdrawnAt ? 2 : 1,
          createdAt: at,
          updatedAt: withdrawnAt ?? at,
        });
        count += 1;
      }
    }
  }
  return count;
}
