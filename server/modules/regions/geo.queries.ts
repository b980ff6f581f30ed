import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#server/db.ts';
import type { MultiPolygonCoords } from './geo.polygon.ts';
import { activeAt, quartersWithMembersAt } from './regions.queries.ts';
import { boundarySet, boundaryUnit, quarter, quarterMembership, region, regionMember, regionMembership, streetDirectoryEntry } from './regions.schema.ts';

export interface UnitRow {
  code: string;
  name: string;
  quarterCode: string | null;
  memberCode: string | null;
  geometry: MultiPolygonCoords;
}

/** The boundary set in force on a date: the latest valid_from not after it, the latest import on a tie. */
export async function boundarySetAt(tx: Tx, at: string) {
  const [row] = await tx
    .select({ id: boundarySet.id, kind: boundarySet.kind })
    .from(boundarySet)
    .where(lte(boundarySet.validFrom, at))
    .orderBy(desc(boundarySet.validFrom), desc(boundarySet.importedAt))
    .limit(1);
  return row ?? null;
}

/** Candidates whose bounding box holds the point: the GiST index on `bbox` answers this. */
export async function unitsWithBoxAt(tx: Tx, setId: string, lon: number, lat: number): Promise<UnitRow[]> {
  return queryRows<UnitRow>(
    tx,
    sql`select code, name, quarter_code as "quarterCode", member_code as "memberCode", geometry
        from boundary_unit
        where bbox && box(point(${lon}, ${lat}), point(${lon}, ${lat})) and set_id = ${setId}`,
  );
}

/** Every unit of a set: the naive scan the benchmark measures the index against. */
export async function allUnitsOf(tx: Tx, setId: string): Promise<UnitRow[]> {
  return tx
    .select({ code: boundaryUnit.code, name: boundaryUnit.name, quarterCode: boundaryUnit.quarterCode, memberCode: boundaryUnit.memberCode, geometry: boundaryUnit.geometry })
    .from(boundaryUnit)
    .where(eq(boundaryUnit.setId, setId));
}

export async function insertBoundarySet(tx: Tx, values: typeof boundarySet.$inferInsert) {
  const [row] = await tx.insert(boundarySet).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function insertBoundaryUnits(tx: Tx, values: (typeof boundaryUnit.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += 50) await tx.insert(boundaryUnit).values(values.slice(i, i + 50));
}

export async function listBoundarySets(tx: Tx) {
  return tx.select().from(boundarySet).orderBy(desc(boundarySet.validFrom), desc(boundarySet.importedAt));
}

/** The quarter, the members it belongs to on a date (lowest code first) and each member's region; only members placed in a region that day. */
export async function quarterPlaceAt(tx: Tx, quarterCode: string, at: string) {
  const rows = await quartersWithMembersAt(tx, at, quarterCode);
  return rows.flatMap(({ code, name, memberCode, memberName, memberKind, regionCode, regionName }) =>
    memberCode !== null && memberName !== null && memberKind !== null && regionCode !== null && regionName !== null
      ? [{ quarterCode: code, quarterName: name, memberCode, memberName, memberKind, regionCode, regionName }]
      : [],
  );
}

/** A member and its region on a date. */
export async function memberPlaceAt(tx: Tx, memberCode: string, at: string) {
  const [row] = await tx
    .select({ memberCode: regionMember.code, memberName: regionMember.name, memberKind: regionMember.kind, regionCode: region.code, regionName: region.name })
    .from(regionMember)
    .innerJoin(regionMembership, and(eq(regionMembership.memberId, regionMember.id), activeAt(regionMembership, at)))
    .innerJoin(region, eq(region.id, regionMembership.regionId))
    .where(eq(regionMember.code, memberCode));
  return row ?? null;
}

/** Quarters and members as the import's reference (all of them, whatever the date). */
export async function referenceView(tx: Tx) {
  const members = await tx.select({ id: regionMember.id, code: regionMember.code, name: regionMember.name, kind: regionMember.kind, officialCode: regionMember.officialCode }).from(regionMember);
  const quarters = await tx.select({ code: quarter.code, memberId: quarterMembership.memberId }).from(quarter).leftJoin(quarterMembership, eq(quarterMembership.quarterId, quarter.id));
  return { members, quarters };
}

export async function cityOrganisationId(tx: Tx): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(tx, sql`select id from organisation where kind = 'city' order by created_at, id limit 1`);
  return row?.id ?? null;
}

export async function replaceStreetDirectory(tx: Tx, values: (typeof streetDirectoryEntry.$inferInsert)[]): Promise<void> {
  await tx.delete(streetDirectoryEntry);
  for (let i = 0; i < values.length; i += 200) await tx.insert(streetDirectoryEntry).values(values.slice(i, i + 200));
}

export async function streetEntries(tx: Tx, streetKey: string) {
  return tx.select().from(streetDirectoryEntry).where(eq(streetDirectoryEntry.streetKey, streetKey)).orderBy(asc(streetDirectoryEntry.quarterCode));
}

export async function countStreetEntries(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(streetDirectoryEntry);
  return row?.n ?? 0;
}


/**
 * The units of the latest quarter or unit boundary set in force on a date whose member (directly, or
 * through its quarter) belongs to the region on that date: the offices scorecard's centrality.
 */
export async function boundaryUnitsOfRegion(tx: Tx, regionId: string, at: string) {
  return queryRows<{ geometry: MultiPolygonCoords; quarterCode: string | null; code: string }>(
    tx,
    sql`select u.geometry, u.quarter_code as "quarterCode", u.code from boundary_unit u
        where u.set_id = (select s.id from boundary_set s where s.valid_from <= ${at} and s.kind in ('quarter', 'unit')
                          order by s.valid_from desc, s.imported_at desc limit 1)
          and exists (
            select 1 from region_member m
            join region_membership rm on rm.member_id = m.id and rm.region_id = ${regionId}
              and rm.valid_from <= ${at} and (rm.valid_to is null or rm.valid_to > ${at})
            where m.code = u.member_code
               or m.id in (select qm.member_id from quarter_membership qm join quarter q on q.id = qm.quarter_id
                           where q.code = u.quarter_code and qm.valid_from <= ${at} and (qm.valid_to is null or qm.valid_to > ${at})))`,
  );
}
