import type { PartnerKind } from '#contracts/network.ts';
import type { Tx } from '#server/db.ts';
import * as n from './network.queries.ts';

/** What case work reads of a partner (in the caller's tenant transaction: RLS keeps other providers' partners out). */
export interface PartnerFacts {
  id: string;
  organisationId: string;
  regionCode: string;
  kind: PartnerKind;
  name: string;
  contact: string;
  archived: boolean;
}

const facts = (r: n.PartnerRow): PartnerFacts => ({ id: r.id, organisationId: r.organisationId, regionCode: r.regionCode, kind: r.kind, name: r.name, contact: r.contact, archived: r.archivedAt !== null });

/** A referral's partner: the provider's own, or null (unknown, or another provider's) — in the caller's transaction. */
export async function partnerForReferral(tx: Tx, id: string): Promise<PartnerFacts | null> {
  const row = await n.findPartner(tx, id);
  return row ? facts(row) : null;
}

/** The partners referrals name, by id (archived ones too: a referral keeps its recipient). */
export async function partnersForReferral(tx: Tx, ids: readonly string[]): Promise<Map<string, PartnerFacts>> {
  return new Map((await n.partnersByIds(tx, [...new Set(ids)])).map((r) => [r.id, facts(r)]));
}

/** The provider's partners of a region that a new referral may name (not archived), by kind and name. */
export async function partnersOfRegion(tx: Tx, regionCode: string): Promise<PartnerFacts[]> {
  return (await n.partnersIn(tx, [regionCode], false)).map(facts);
}
