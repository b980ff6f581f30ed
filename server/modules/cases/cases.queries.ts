import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { caseAssignment, caseFile, household, person, residenceStatus } from './cases.schema.ts';

/**
 * Every SQL statement of households, people and case files. Runs under the provider's tenant
 * scope: RLS keeps every other provider's rows out of each statement.
 */

export type HouseholdRow = typeof household.$inferSelect;
export type PersonRow = typeof person.$inferSelect;
export type CaseFileRow = typeof caseFile.$inferSelect;

export async function insertHousehold(tx: Tx, values: typeof household.$inferInsert): Promise<HouseholdRow> {
  const [row] = await tx.insert(household).values(values).returning();
  if (!row) throw new Error('household insert returned nothing');
  return row;
}

export async function findHousehold(tx: Tx, id: string): Promise<HouseholdRow | undefined> {
  const [row] = await tx.select().from(household).where(eq(household.id, id));
  return row;
}

/**
 * Updates a household if it still has the version the editor read (optimistic concurrency):
 * answers the new row, or undefined when the version moved on meanwhile.
 */
export async function updateHouseholdAt(tx: Tx, id: string, version: number, values: Partial<typeof household.$inferInsert>, now: Date): Promise<HouseholdRow | undefined> {
  const [row] = await tx
    .update(household)
    .set({ ...values, version: sql`${household.version} + 1`, updatedAt: now })
    .where(and(eq(household.id, id), eq(household.version, version)))
    .returning();
  return row;
}

/** Recently changed households in the given regions (null: all), with their head and size. */
export async function recentHouseholds(tx: Tx, regionCodes: readonly string[] | null, limit: number) {
  const regions = regionCodes === null ? sql`true` : inArray(household.regionCode, [...regionCodes, '']);
  return tx
    .select({
      id: household.id,
      regionCode: household.regionCode,
      accommodation: household.accommodation,
      updatedAt: household.updatedAt,
      head: sql<string>`coalesce((select p.given_names || ' ' || p.family_name from person p where p.household_id = ${household.id} and p.merged_into_id is null order by (p.relationship = 'head') desc, p.created_at limit 1), '')`,
      memberCount: sql<number>`(select count(*)::int from person p where p.household_id = ${household.id} and p.merged_into_id is null)`,
      openedAt: caseFile.openedAt,
      lastContactAt: caseFile.lastContactAt,
      closedAt: caseFile.closedAt,
    })
    .from(household)
    .leftJoin(caseFile, eq(caseFile.householdId, household.id))
    .where(regions)
    .orderBy(desc(household.updatedAt), asc(household.id))
    .limit(limit);
}

export async function insertPerson(tx: Tx, values: typeof person.$inferInsert): Promise<PersonRow> {
  const [row] = await tx.insert(person).values(values).returning();
  if (!row) throw new Error('person insert returned nothing');
  return row;
}

export async function findPerson(tx: Tx, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(person).where(eq(person.id, id));
  return row;
}

/** The household's people (merged duplicates left out): the head first, then by birth year. */
export async function membersOf(tx: Tx, householdId: string): Promise<PersonRow[]> {
  return tx
    .select()
    .from(person)
    .where(and(eq(person.householdId, householdId), isNull(person.mergedIntoId)))
    .orderBy(sql`(${person.relationship} = 'head') desc`, asc(person.birthYear), asc(person.createdAt), asc(person.id));
}

/** As `updateHouseholdAt`, for a person. */
export async function updatePersonAt(tx: Tx, id: string, version: number, values: Partial<typeof person.$inferInsert>, now: Date): Promise<PersonRow | undefined> {
  const [row] = await tx
    .update(person)
    .set({ ...values, version: sql`${person.version} + 1`, updatedAt: now })
    .where(and(eq(person.id, id), eq(person.version, version), isNull(person.mergedIntoId)))
    .returning();
  return row;
}

export async function touchHousehold(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.update(household).set({ updatedAt: now }).where(eq(household.id, id));
}

export async function residenceStatuses(tx: Tx) {
  return tx.select().from(residenceStatus).orderBy(asc(residenceStatus.position), asc(residenceStatus.code));
}

export async function residenceStatusesByCode(tx: Tx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return tx.select().from(residenceStatus).where(inArray(residenceStatus.code, [...codes]));
}

export async function countResidenceStatuses(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(residenceStatus);
  return row?.n ?? 0;
}

export async function insertResidenceStatuses(tx: Tx, values: (typeof residenceStatus.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(residenceStatus).values(values).onConflictDoNothing();
}

// ---------------------------------------------------------------- case files
export async function insertCaseFile(tx: Tx, values: typeof caseFile.$inferInsert): Promise<CaseFileRow> {
  const [row] = await tx.insert(caseFile).values(values).returning();
  if (!row) throw new Error('case file insert returned nothing');
  return row;
}

export async function caseFileOfHousehold(tx: Tx, householdId: string): Promise<CaseFileRow | undefined> {
  const [row] = await tx.select().from(caseFile).where(eq(caseFile.householdId, householdId));
  return row;
}

export async function findCaseFile(tx: Tx, id: string): Promise<CaseFileRow | undefined> {
  const [row] = await tx.select().from(caseFile).where(eq(caseFile.id, id));
  return row;
}

export async function updateCaseFileAt(tx: Tx, id: string, version: number, values: Partial<typeof caseFile.$inferInsert>): Promise<CaseFileRow | undefined> {
  const [row] = await tx
    .update(caseFile)
    .set({ ...values, version: sql`${caseFile.version} + 1` })
    .where(and(eq(caseFile.id, id), eq(caseFile.version, version)))
    .returning();
  return row;
}

export async function assigneesOf(tx: Tx, caseFileId: string): Promise<string[]> {
  const rows = await tx.select({ accountId: caseAssignment.accountId }).from(caseAssignment).where(eq(caseAssignment.caseFileId, caseFileId)).orderBy(asc(caseAssignment.assignedAt), asc(caseAssignment.accountId));
  return rows.map((r) => r.accountId);
}

/** Replaces the case file's assignees with these accounts (of the same organisation: the caller checked). */
export async function replaceAssignees(tx: Tx, caseFileId: string, organisationId: string, accountIds: readonly string[], now: Date): Promise<void> {
  await tx.delete(caseAssignment).where(eq(caseAssignment.caseFileId, caseFileId));
  if (accountIds.length) await tx.insert(caseAssignment).values(accountIds.map((accountId) => ({ caseFileId, accountId, organisationId, assignedAt: now })));
}

// ---------------------------------------------------------------- bulk (demo data, benchmark)
export async function insertHouseholds(tx: Tx, values: (typeof household.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(household).values(values);
}

export async function insertPeople(tx: Tx, values: (typeof person.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(person).values(values);
}

export async function insertCaseFiles(tx: Tx, values: (typeof caseFile.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(caseFile).values(values);
}
