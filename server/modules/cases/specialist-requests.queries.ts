import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { serviceEntry } from './case-work.schema.ts';
import { specialistCriterion, specialistRequest, specialistSetting } from './specialist-requests.schema.ts';

/**
 * Every SQL statement of Fachleistung requests. The provider's statements run under its tenant
 * scope; the city's (`cityRequests`, `findRequest`, `decideRequestAt`) under the city scope, where
 * RLS shows submitted and decided requests only (migration 0026).
 */

export type SpecialistRequestRow = typeof specialistRequest.$inferSelect;
export type CriterionRow = typeof specialistCriterion.$inferSelect;

export async function countCriteria(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(specialistCriterion);
  return row?.n ?? 0;
}

export async function insertCriteria(tx: Tx, values: (typeof specialistCriterion.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(specialistCriterion).values(values).onConflictDoNothing();
}

/** The criteria catalog in its order (inactive ones too: old requests still name them). */
export async function listCriteria(tx: Tx): Promise<CriterionRow[]> {
  return tx.select().from(specialistCriterion).orderBy(asc(specialistCriterion.position), asc(specialistCriterion.code));
}

export async function insertRequest(tx: Tx, values: typeof specialistRequest.$inferInsert): Promise<SpecialistRequestRow> {
  const [row] = await tx.insert(specialistRequest).values(values).returning();
  if (!row) throw new Error('specialist request not inserted');
  return row;
}

export async function findRequest(tx: Tx, id: string): Promise<SpecialistRequestRow | undefined> {
  const [row] = await tx.select().from(specialistRequest).where(eq(specialistRequest.id, id));
  return row;
}

/** The household's requests, newest first. */
export async function requestsOfHousehold(tx: Tx, householdId: string): Promise<SpecialistRequestRow[]> {
  return tx.select().from(specialistRequest).where(eq(specialistRequest.householdId, householdId)).orderBy(desc(specialistRequest.createdAt), desc(specialistRequest.id));
}

/** The pseudonym the household already has at this provider, if any. */
export async function pseudonymOfHousehold(tx: Tx, householdId: string): Promise<string | null> {
  const [row] = await tx.select({ pseudonym: specialistRequest.pseudonym }).from(specialistRequest).where(eq(specialistRequest.householdId, householdId)).limit(1);
  return row?.pseudonym ?? null;
}

/** Submits a draft at the version read: the new row, or undefined when it moved on meanwhile. */
export async function submitRequestAt(tx: Tx, id: string, version: number, by: string, now: Date): Promise<SpecialistRequestRow | undefined> {
  const [row] = await tx
    .update(specialistRequest)
    .set({ status: 'submitted', submittedAt: now, submittedBy: by, version: sql`${specialistRequest.version} + 1`, updatedAt: now })
    .where(and(eq(specialistRequest.id, id), eq(specialistRequest.version, version), eq(specialistRequest.status, 'draft')))
    .returning();
  return row;
}

export interface Decision {
  status: 'approved' | 'rejected';
  approvedHours: number | null;
  approvedFrom: string | null;
  approvedUntil: string | null;
  decisionReason: string;
}

/** Decides a submitted request at the version read (city scope): the new row, or undefined. */
export async function decideRequestAt(tx: Tx, id: string, version: number, decision: Decision, by: string, now: Date): Promise<SpecialistRequestRow | undefined> {
  const [row] = await tx
    .update(specialistRequest)
    .set({ ...decision, decidedAt: now, decidedBy: by, version: sql`${specialistRequest.version} + 1`, updatedAt: now })
    .where(and(eq(specialistRequest.id, id), eq(specialistRequest.version, version), eq(specialistRequest.status, 'submitted')))
    .returning();
  return row;
}

/** The requests the city sees (RLS: submitted and decided), in the regions given (null: all), oldest submitted first. */
export async function cityRequests(tx: Tx, regionCodes: readonly string[] | null, status?: SpecialistRequestRow['status']): Promise<SpecialistRequestRow[]> {
  if (regionCodes !== null && regionCodes.length === 0) return [];
  const conditions = [regionCodes === null ? undefined : inArray(specialistRequest.regionCode, [...regionCodes]), status ? eq(specialistRequest.status, status) : undefined].filter((c) => c !== undefined);
  return tx
    .select()
    .from(specialistRequest)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(specialistRequest.submittedAt), asc(specialistRequest.id));
}

/** Minutes of the household's service entries per catalog service within [from, until] (tenant scope). */
export async function minutesByService(tx: Tx, householdId: string, from: string, until: string): Promise<{ serviceId: string; minutes: number }[]> {
  return tx
    .select({ serviceId: serviceEntry.catalogServiceId, minutes: sql<number>`sum(${serviceEntry.minutes})::int` })
    .from(serviceEntry)
    .where(and(eq(serviceEntry.householdId, householdId), gte(serviceEntry.occurredOn, from), lte(serviceEntry.occurredOn, until)))
    .groupBy(serviceEntry.catalogServiceId);
}

/** Approvals of the provider ending in [from, until] that no later approval extends (the worklist). */
export async function approvalsEnding(tx: Tx, householdIds: readonly string[], from: string, until: string): Promise<SpecialistRequestRow[]> {
  if (householdIds.length === 0) return [];
  return tx
    .select()
    .from(specialistRequest)
    .where(
      and(
        inArray(specialistRequest.householdId, [...householdIds]),
        eq(specialistRequest.status, 'approved'),
        gte(specialistRequest.approvedUntil, from),
        lte(specialistRequest.approvedUntil, until),
        sql`not exists (select 1 from specialist_request x where x.extends_id = ${specialistRequest.id} and x.status = 'approved')`,
      ),
    )
    .orderBy(asc(specialistRequest.approvedUntil));
}

export type SettingRow = typeof specialistSetting.$inferSelect;

/** The city's setting (any scope reads it), or undefined while the configured default holds. */
export async function findSetting(tx: Tx): Promise<SettingRow | undefined> {
  const [row] = await tx.select().from(specialistSetting).where(eq(specialistSetting.id, 1));
  return row;
}

/**
 * Sets the threshold at the version read (city scope): the first time (version 0: no row yet) it
 * inserts the row; the new row, or undefined when it moved on meanwhile.
 */
export async function saveSettingAt(tx: Tx, version: number, thresholdHours: number, by: string, now: Date): Promise<SettingRow | undefined> {
  if (version === 0) {
    const [row] = await tx.insert(specialistSetting).values({ id: 1, thresholdHours, updatedBy: by, updatedAt: now }).onConflictDoNothing().returning();
    return row;
  }
  const [row] = await tx
    .update(specialistSetting)
    .set({ thresholdHours, updatedBy: by, updatedAt: now, version: sql`${specialistSetting.version} + 1` })
    .where(and(eq(specialistSetting.id, 1), eq(specialistSetting.version, version)))
    .returning();
  return row;
}
