import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { quarter, quarterMembership, region, regionMember, regionMembership } from './regions.schema.ts';

/** A membership (quarter → member, member → region) in force on a date: valid from on or before it, until after it. */
export const activeAt = (table: typeof regionMembership | typeof quarterMembership, at: string) =>
  and(lte(table.validFrom, at), or(isNull(table.validTo), gt(table.validTo, at)));

export async function regionsWithMembersAt(tx: Tx, at: string) {
  return tx
    .select({
      code: region.code,
      name: region.name,
      description: region.description,
      position: region.position,
      memberCode: regionMember.code,
      memberName: regionMember.name,
      memberKind: regionMember.kind,
    })
    .from(region)
    .leftJoin(regionMembership, and(eq(regionMembership.regionId, region.id), activeAt(regionMembership, at)))
    .leftJoin(regionMember, eq(regionMember.id, regionMembership.memberId))
    .orderBy(asc(region.position), asc(region.code));
}

/**
 * Every quarter (or the one given) with the members it belongs to on a date and each member's region,
 * lowest member code first; a quarter without a member or region that day has nulls there.
 */
export async function quartersWithMembersAt(tx: Tx, at: string, quarterCode?: string) {
  return tx
    .select({
      code: quarter.code,
      name: quarter.name,
      memberCode: regionMember.code,
      memberName: regionMember.name,
      memberKind: regionMember.kind,
      regionCode: region.code,
      regionName: region.name,
    })
    .from(quarter)
    .leftJoin(quarterMembership, and(eq(quarterMembership.quarterId, quarter.id), activeAt(quarterMembership, at)))
    .leftJoin(regionMember, eq(regionMember.id, quarterMembership.memberId))
    .leftJoin(regionMembership, and(eq(regionMembership.memberId, regionMember.id), activeAt(regionMembership, at)))
    .leftJoin(region, eq(region.id, regionMembership.regionId))
    .where(quarterCode === undefined ? undefined : eq(quarter.code, quarterCode))
    .orderBy(asc(quarter.code), asc(regionMember.code));
}

export async function findRegion(tx: Tx, code: string) {
  const [row] = await tx.select().from(region).where(eq(region.code, code));
  return row ?? null;
}

export async function findMember(tx: Tx, code: string) {
  const [row] = await tx.select().from(regionMember).where(eq(regionMember.code, code));
  return row ?? null;
}

export async function countRegions(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(region);
  return row?.n ?? 0;
}

export async function insertRegion(tx: Tx, values: typeof region.$inferInsert) {
  const [row] = await tx.insert(region).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateRegion(tx: Tx, id: string, values: Partial<typeof region.$inferInsert>): Promise<void> {
  await tx.update(region).set(values).where(eq(region.id, id));
}

export async function insertMember(tx: Tx, values: typeof regionMember.$inferInsert) {
  const [row] = await tx.insert(regionMember).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function insertMembership(tx: Tx, values: typeof regionMembership.$inferInsert) {
  const [row] = await tx.insert(regionMembership).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The membership in force on a date, if any. */
export async function membershipAt(tx: Tx, memberId: string, at: string) {
  const [row] = await tx
    .select()
    .from(regionMembership)
    .where(and(eq(regionMembership.memberId, memberId), activeAt(regionMembership, at)));
  return row ?? null;
}

export async function endMembership(tx: Tx, id: string, validTo: string): Promise<void> {
  await tx.update(regionMembership).set({ validTo }).where(eq(regionMembership.id, id));
}

export async function membershipHistory(tx: Tx, memberId: string) {
  return tx
    .select({ regionCode: region.code, regionName: region.name, validFrom: regionMembership.validFrom, validTo: regionMembership.validTo })
    .from(regionMembership)
    .innerJoin(region, eq(region.id, regionMembership.regionId))
    .where(eq(regionMembership.memberId, memberId))
    .orderBy(asc(regionMembership.validFrom));
}

export async function insertQuarter(tx: Tx, values: typeof quarter.$inferInsert) {
  const [row] = await tx.insert(quarter).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function insertQuarterMembership(tx: Tx, values: typeof quarterMembership.$inferInsert): Promise<void> {
  await tx.insert(quarterMembership).values(values);
}

/** Regions by id with code, name and position (their order), for other modules' lists. */
export async function regionsByIds(tx: Tx, ids: readonly string[]): Promise<Map<string, { id: string; code: string; name: string; position: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: region.id, code: region.code, name: region.name, position: region.position }).from(region).where(inArray(region.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
