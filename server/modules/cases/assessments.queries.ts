import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { needAssessment } from './assessments.schema.ts';
import { person } from './cases.schema.ts';

export type AssessmentRow = typeof needAssessment.$inferSelect;

export async function insertAssessment(tx: Tx, values: typeof needAssessment.$inferInsert): Promise<AssessmentRow> {
  const [row] = await tx.insert(needAssessment).values(values).returning();
  if (!row) throw new Error('assessment not inserted');
  return row;
}

export async function findAssessment(tx: Tx, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await tx.select().from(needAssessment).where(eq(needAssessment.id, id));
  return row;
}

/** A household's assessments, newest first (day, then entry); one area's only when named. */
export async function assessmentsOf(tx: Tx, householdId: string, areaCode: string | undefined, limit: number): Promise<AssessmentRow[]> {
  return tx
    .select()
    .from(needAssessment)
    .where(and(eq(needAssessment.householdId, householdId), areaCode ? eq(needAssessment.areaCode, areaCode) : undefined))
    .orderBy(desc(needAssessment.assessedOn), desc(needAssessment.createdAt), asc(needAssessment.id))
    .limit(limit);
}

/** Every assessment of a household, oldest first (the glance picks the latest per row and area). */
export async function allAssessmentsOf(tx: Tx, householdId: string): Promise<AssessmentRow[]> {
  return tx.select().from(needAssessment).where(eq(needAssessment.householdId, householdId)).orderBy(asc(needAssessment.assessedOn), asc(needAssessment.createdAt));
}

/** Updates an assessment if it still has the version read; undefined when it moved on meanwhile. */
export async function updateAssessmentAt(tx: Tx, id: string, version: number, values: Partial<typeof needAssessment.$inferInsert>, now: Date): Promise<AssessmentRow | undefined> {
  const [row] = await tx
    .update(needAssessment)
    .set({ ...values, version: sql`${needAssessment.version} + 1`, updatedAt: now })
    .where(and(eq(needAssessment.id, id), eq(needAssessment.version, version)))
    .returning();
  return row;
}

/** Demo only: the people of a household assigned (Zuweisung) on the day, so that its Grundleistung year closes soon. */
export async function setDemoAssignedOn(tx: Tx, householdId: string, assignedOn: string): Promise<void> {
  await tx.update(person).set({ assignedOn, arrivedOn: assignedOn }).where(eq(person.householdId, householdId));
}
