import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { partner } from './network.schema.ts';

/** Every SQL statement of the network. Runs under the provider's tenant scope (RLS, FORCE-d). */

export type PartnerRow = typeof partner.$inferSelect;

export async function insertPartner(tx: Tx, values: typeof partner.$inferInsert): Promise<PartnerRow> {
  const [row] = await tx.insert(partner).values(values).returning();
  if (!row) throw new Error('partner not inserted');
  return row;
}

export async function findPartner(tx: Tx, id: string): Promise<PartnerRow | undefined> {
  const [row] = await tx.select().from(partner).where(eq(partner.id, id));
  return row;
}

export async function partnersByIds(tx: Tx, ids: readonly string[]): Promise<PartnerRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(partner).where(inArray(partner.id, [...ids]));
}

/** The provider's partners in these regions (null: every region), by region, kind and name. */
export async function partnersIn(tx: Tx, regionCodes: readonly string[] | null, includeArchived: boolean): Promise<PartnerRow[]> {
  const regions = regionCodes === null ? undefined : regionCodes.length === 0 ? sql`false` : inArray(partner.regionCode, [...regionCodes]);
  return tx
    .select()
    .from(partner)
    .where(and(regions, includeArchived ? undefined : isNull(partner.archivedAt)))
    .orderBy(asc(partner.regionCode), asc(partner.kind), asc(sql`lower(${partner.name})`), asc(partner.id));
}

/** Whether another partner of the provider in the region has this name (case-insensitive). */
export async function nameTaken(tx: Tx, regionCode: string, name: string, exceptId: string | null): Promise<boolean> {
  const [row] = await tx
    .select({ id: partner.id })
    .from(partner)
    .where(and(eq(partner.regionCode, regionCode), sql`lower(${partner.name}) = lower(${name})`, exceptId ? sql`${partner.id} <> ${exceptId}` : undefined));
  return Boolean(row);
}

/** Changes a partner at the version read: the new row, or undefined when it moved on meanwhile. */
export async function updatePartnerAt(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<Pick<PartnerRow, 'kind' | 'name' | 'contact' | 'archivedAt'>>,
  now: Date,
): Promise<PartnerRow | undefined> {
  const [row] = await tx
    .update(partner)
    .set({ ...changes, version: sql`${partner.version} + 1`, updatedAt: now })
    .where(and(eq(partner.id, id), eq(partner.version, version)))
    .returning();
  return row;
}
