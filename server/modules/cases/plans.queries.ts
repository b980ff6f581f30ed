import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { caseAssignment, caseFile, person } from './cases.schema.ts';
import { planGoal, supportPlan } from './plans.schema.ts';

/** Every SQL statement of support plans and their goals. Runs under the provider's tenant scope. */

export type PlanRow = typeof supportPlan.$inferSelect;
export type GoalRow = typeof planGoal.$inferSelect;
export type GoalValues = Omit<typeof planGoal.$inferInsert, 'id' | 'planId' | 'organisationId' | 'householdId' | 'createdAt' | 'updatedAt'>;

export async function planOfCaseFile(tx: Tx, caseFileId: string): Promise<PlanRow | undefined> {
  const [row] = await tx.select().from(supportPlan).where(eq(supportPlan.caseFileId, caseFileId));
  return row;
}

export async function goalsOf(tx: Tx, planId: string): Promise<GoalRow[]> {
  return tx.select().from(planGoal).where(eq(planGoal.planId, planId)).orderBy(asc(planGoal.position), asc(planGoal.createdAt), asc(planGoal.id));
}

/** A new plan; undefined when the case file has one already (created meanwhile). */
export async function insertPlan(tx: Tx, values: typeof supportPlan.$inferInsert): Promise<PlanRow | undefined> {
  const [row] = await tx.insert(supportPlan).values(values).onConflictDoNothing({ target: supportPlan.caseFileId }).returning();
  return row;
}

/** As the other `…At` updates: the new row, or undefined when the version moved on meanwhile. */
export async function updatePlanAt(tx: Tx, id: string, version: number, values: Partial<typeof supportPlan.$inferInsert>, now: Date): Promise<PlanRow | undefined> {
  const [row] = await tx
    .update(supportPlan)
    .set({ ...values, version: sql`${supportPlan.version} + 1`, updatedAt: now })
    .where(and(eq(supportPlan.id, id), eq(supportPlan.version, version)))
    .returning();
  return row;
}

export async function insertGoal(tx: Tx, values: typeof planGoal.$inferInsert): Promise<void> {
  await tx.insert(planGoal).values(values);
}

export async function updateGoal(tx: Tx, id: string, values: Partial<typeof planGoal.$inferInsert>, now: Date): Promise<void> {
  await tx.update(planGoal).set({ ...values, updatedAt: now }).where(eq(planGoal.id, id));
}

/** Removes the plan's goals other than these. */
export async function deleteGoalsExcept(tx: Tx, planId: string, keep: readonly string[]): Promise<void> {
  await tx.delete(planGoal).where(keep.length ? and(eq(planGoal.planId, planId), notInArray(planGoal.id, [...keep])) : eq(planGoal.planId, planId));
}

/** Open goals (not yet reviewed) of these households, in plan order: the household at a glance. */
export async function openGoalsOf(tx: Tx, householdIds: readonly string[]): Promise<GoalRow[]> {
  if (householdIds.length === 0) return [];
  return tx
    .select()
    .from(planGoal)
    .where(and(inArray(planGoal.householdId, [...householdIds]), eq(planGoal.status, 'open')))
    .orderBy(asc(planGoal.position), asc(planGoal.createdAt), asc(planGoal.id));
}

// ---------------------------------------------------------------- demo data
/** The provider's open case files with their household's people (the demo seed, in its transaction). */
export async function demoCaseFilesOf(tx: Tx, organisationId: string) {
  const files = await tx.select({ id: caseFile.id, householdId: caseFile.householdId }).from(caseFile).where(and(eq(caseFile.organisationId, organisationId), isNull(caseFile.closedAt))).orderBy(asc(caseFile.openedAt), asc(caseFile.id));
  const people = files.length ? await tx.select({ id: person.id, householdId: person.householdId, relationship: person.relationship, assignedOn: person.assignedOn }).from(person).where(inArray(person.householdId, files.map((f) => f.householdId))).orderBy(asc(person.createdAt), asc(person.id)) : [];
  return files.map((f) => ({ ...f, people: people.filter((p) => p.householdId === f.householdId) }));
}

export async function insertAssignment(tx: Tx, values: typeof caseAssignment.$inferInsert): Promise<void> {
  await tx.insert(caseAssignment).values(values).onConflictDoNothing();
}
