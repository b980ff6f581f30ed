import { randomUUID } from 'node:crypto';
import type { Tx } from '#server/db.ts';
import type { KeyRing } from '#server/keyring.ts';
import { berlinDate } from '#server/time.ts';
import * as q from './cases.queries.ts';
import { consentInputErrors } from './consents.policy.ts';
import * as k from './consents.queries.ts';
import { addDays } from './plans.policy.ts';
import * as p from './plans.queries.ts';
import { transferPackageContext } from './transfers.policy.ts';
import * as t from './transfers.queries.ts';
import { assemble } from './transfers.service.ts';

/**
 * Demo transfers (fictional): every region's provider has one household coming in, pending — the
 * fourth household of the provider of the region before it moves (Nord → West → Mitte → Süd →
 * Nord). Every person of it gave a signed consent to the transfer to the receiving provider a few
 * days ago, valid for a year; the package is what the API would send (same assembly, sealed bound
 * to the row), and the consents cover it by the rules the API applies.
 */

const HOUSEHOLD_INDEX = 3;

export async function seedDemoTransfers(tx: Tx, keys: KeyRing, now: Date, providers: readonly { organisationId: string; regionCode: string; socialWorkerId: string | null }[]): Promise<number> {
  const today = berlinDate(now);
  let count = 0;
  for (const [i, receiver] of providers.entries()) {
    const sender = providers[(i + providers.length - 1) % providers.length];
    if (!sender || sender.organisationId === receiver.organisationId) continue;
    const file = (await p.demoCaseFilesOf(tx, sender.organisationId))[HOUSEHOLD_INDEX];
    const household = file ? await q.findHousehold(tx, file.householdId) : undefined;
    if (!file || !household) continue;
    const members = await q.membersOf(tx, household.id);
    const { regions } = await assemble(keys, tx, sender.organisationId, household, members, null, now);
    const target = regions.find((r) => r.regionCode === receiver.regionCode);
    if (!target) throw new Error(`demo: no provider holds region ${receiver.regionCode}`);
    const givenOn = addDays(today, -4);
    for (const m of members) {
      const input = { recipient: target.providerName, method: 'signed_paper' as const, witnessName: '', givenOn, validUntil: addDays(givenOn, 365) };
      if (consentInputErrors(input, today).length) throw new Error('demo transfer consent breaks the rules');
      const at = new Date(`${givenOn}T10:00:00Z`);
      await k.insertConsent(tx, { organisationId: sender.organisationId, householdId: household.id, personId: m.id, purpose: 'transfer', recipientKind: 'receiving_provider', ...input, recordedBy: sender.socialWorkerId, createdAt: at, updatedAt: at });
    }
    const a = await assemble(keys, tx, sender.organisationId, household, members, receiver.regionCode, now);
    if (a.missing.length || !a.target) throw new Error('demo transfer is not covered by its consents');
    const id = randomUUID();
    const startedAt = new Date(now.getTime() - 2 * 86_400_000);
    await t.insertTransfer(tx, {
      id,
      fromOrganisationId: sender.organisationId,
      toOrganisationId: a.target.providerId,
      householdId: household.id,
      fromRegionCode: household.regionCode,
      toRegionCode: a.target.regionCode,
      package: keys.seal(JSON.stringify(a.moves), transferPackageContext(id)),
      startedBy: sender.socialWorkerId,
      createdAt: startedAt,
      updatedAt: startedAt,
    });
    count += 1;
  }
  return count;
}
