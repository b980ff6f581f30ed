import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { referral } from './referrals.schema.ts';

/** Every SQL statement of referrals. Runs under the provider's tenant scope (RLS, FORCE-d). */

export type ReferralRow = typeof referral.$inferSelect;

export async function insertReferral(tx: Tx, values: typeof referral.$inferInsert): Promise<ReferralRow> {
  const [row] = await tx.insert(referral).values(values).returning();
  if (!row) throw new Error('referral not inserted');
  return row;
}

export async function findReferral(tx: Tx, id: string): Promise<ReferralRow | undefined> {
  const [row] = await tx.select().from(referral).where(eq(referral.id, id));
  return row;
}

/** The household's referrals, newest first. */
export async function referralsOfHousehold(tx: Tx, householdId: string): Promise<ReferralRow[]> {
  return tx.select().from(referral).where(eq(referral.householdId, householdId)).orderBy(desc(referral.sentOn), desc(referral.createdAt), desc(referral.id));
}

/** Changes a referral at the version read: the new row, or undefined when it moved on meanwhile. */
export async function updateReferralAt(tx: Tx, id: string, version: number, changes: Partial<Pick<ReferralRow, 'state' | 'followUpOn' | 'outcome' | 'stateChangedAt'>>, now: Date): Promise<ReferralRow | undefined> {
  const [row] = await tx
    .update(referral)
    .set({ ...changes, version: sql`${referral.version} + 1`, updatedAt: now })
    .where(and(eq(referral.id, id), eq(referral.version, version)))
    .returning();
  return row;
}
