import type { Tx } from '#server/db.ts';
import { partnersOfRegion } from '#server/modules/network/network.public.ts';
import { berlinDate } from '#server/time.ts';
import { recipientKey } from './consents.policy.ts';
import { consentCoversPerson } from './consents.service.ts';
import { addDays } from './plans.policy.ts';
import * as p from './plans.queries.ts';
import { referralInputErrors } from './referrals.policy.ts';
import * as r from './referrals.queries.ts';

/**
 * Demo referrals (fictional): in every region the first household's head was referred to the
 * Jobcenter two weeks ago, which accepted (follow-up in three days, on the social worker's
 * worklist), and the third household's spouse to the psychosocial counselling service the day
 * before yesterday (sent, follow-up tomorrow). Each covered by the demo consent for that partner
 * (demo.consents.ts), checked with the rule the API applies at the moment it was sent.
 */
interface ReferralTemplate {
  household: number;
  who: 'head' | 'spouse';
  partner: string;
  purpose: string;
  sentIn: number;
  followUpIn: number;
  state: 'sent' | 'accepted';
}

const REFERRALS: readonly ReferralTemplate[] = [
  { household: 0, who: 'head', partner: 'Jobcenter Dresden', purpose: 'Beratung zur Arbeitsaufnahme und Anerkennung des Berufsabschlusses', sentIn: -14, followUpIn: 3, state: 'accepted' },
  { household: 2, who: 'spouse', partner: 'Psychosoziale Beratungsstelle', purpose: 'Erstgespräch nach belastender Flucht', sentIn: -2, followUpIn: 1, state: 'sent' },
];

export async function seedDemoReferrals(tx: Tx, now: Date, providers: readonly { organisationId: string; regionCode: string; socialWorkerId: string | null }[]): Promise<number> {
  const today = berlinDate(now);
  let count = 0;
  for (const provider of providers) {
    const files = await p.demoCaseFilesOf(tx, provider.organisationId);
    const partners = (await partnersOfRegion(tx, provider.regionCode)).filter((x) => x.organisationId === provider.organisationId);
    for (const t of REFERRALS) {
      const file = files[t.household];
      const partner = partners.find((x) => recipientKey(x.name) === recipientKey(t.partner));
      if (!file || !partner) continue;
      const head = file.people.find((x) => x.relationship === 'head') ?? file.people[0];
      const person = t.who === 'head' ? head : (file.people.find((x) => x.relationship === 'spouse' || x.relationship === 'partner') ?? head);
      if (!person) continue;
      const sentOn = addDays(today, t.sentIn);
      const at = new Date(`${sentOn}T10:00:00Z`);
      const followUpOn = addDays(today, t.followUpIn);
      const answer = await consentCoversPerson(tx, { personId: person.id, purpose: 'referral', recipient: { kind: 'partner', name: partner.name }, at });
      if (!answer.covers || referralInputErrors({ purpose: t.purpose, followUpOn }, sentOn).length) throw new Error(`demo referral to ${t.partner} breaks the rules`);
      const changedAt = t.state === 'sent' ? at : new Date(at.getTime() + 2 * 86_400_000);
      await r.insertReferral(tx, {
        organisationId: provider.organisationId,
        householdId: file.householdId,
        personId: person.id,
        partnerId: partner.id,
        consentId: answer.consent.id,
        purpose: t.purpose,
        state: t.state,
        sentOn,
        followUpOn,
        createdBy: provider.socialWorkerId,
        stateChangedAt: changedAt,
        version: t.state === 'sent' ? 1 : 2,
        createdAt: at,
        updatedAt: changedAt,
      });
      count += 1;
    }
  }
  return count;
}
