import { inArray } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { region, regionMember } from './regions.schema.ts';

/** Names of regions for the audit log, in one statement for a page of ids. */
export async function labelsOfRegions(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: region.id, name: region.name, code: region.code }).from(region).where(inArray(region.id, [...ids]));
}

/** Names of region members (Stadtbezirke, Ortschaften) for the audit log, in one statement for a page of ids. */
export async function labelsOfRegionMembers(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: regionMember.id, name: regionMember.name, kind: regionMember.kind }).from(regionMember).where(inArray(regionMember.id, [...ids]));
}
