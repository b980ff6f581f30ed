import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { needAssessment } from './assessments.schema.ts';
import { serviceEntry } from './case-work.schema.ts';
import { letter } from './letters.schema.ts';
import { referral } from './referrals.schema.ts';
import { specialistRequest } from './specialist-requests.schema.ts';
import { caseTransfer } from './transfers.schema.ts';

/**
 * Every SQL statement of transfers. Runs under the caller's tenant scope: the transfer rows of
 * which it is the sender or the receiver (RLS, FORCE-d); the counts of what stays and the open
 * approvals read the sender's own tables.
 */

export type TransferRow = typeof caseTransfer.$inferSelect;

export async function insertTransfer(tx: Tx, values: typeof caseTransfer.$inferInsert): Promise<TransferRow> {
  const [row] = await tx.insert(caseTransfer).values(values).returning();
  if (!row) throw new Error('transfer not inserted');
  return row;
}

export async function findTransfer(tx: Tx, id: string): Promise<TransferRow | undefined> {
  const [row] = await tx.select().from(caseTransfer).where(eq(caseTransfer.id, id));
  return row;
}

/** The pending transfer of a household of the sender, if one is under way. */
export async function pendingTransferOf(tx: Tx, householdId: string): Promise<TransferRow | undefined> {
  const [row] = await tx.select().from(caseTransfer).where(and(eq(caseTransfer.householdId, householdId), eq(caseTransfer.state, 'pending')));
  return row;
}

/** Transfers the caller receives (pending first, newest first) or sends (newest first). */
export async function transfersOf(tx: Tx, organisationId: string, direction: 'incoming' | 'outgoing'): Promise<TransferRow[]> {
  const mine = direction === 'incoming' ? eq(caseTransfer.toOrganisationId, organisationId) : eq(caseTransfer.fromOrganisationId, organisationId);
  return tx
    .select()
    .from(caseTransfer)
    .where(mine)
    .orderBy(sql`${caseTransfer.state} = 'pending' desc`, desc(caseTransfer.createdAt), desc(caseTransfer.id));
}

/** Accepted transfers of the sender whose case file is not closed yet (the sender settles them). */
export async function acceptedUnsettled(tx: Tx, organisationId: string): Promise<TransferRow[]> {
  return tx
    .select()
    .from(caseTransfer)
    // An erased transfer (package cleared) changes no more: nothing left to settle.
    .where(and(eq(caseTransfer.fromOrganisationId, organisationId), eq(caseTransfer.state, 'accepted'), sql`${caseTransfer.senderClosedAt} IS NULL`, sql`${caseTransfer.package} IS NOT NULL`));
}

/** The receiver's decision, at the version read: the new row, or undefined when it moved on meanwhile. */
export async function decideTransferAt(
  tx: Tx,
  id: string,
  version: number,
  values: Pick<typeof caseTransfer.$inferInsert, 'state' | 'decidedBy' | 'decidedAt' | 'declineReason' | 'receivedHouseholdId'>,
): Promise<TransferRow | undefined> {
  const [row] = await tx
    .update(caseTransfer)
    .set({ ...values, version: sql`${caseTransfer.version} + 1`, updatedAt: values.decidedAt ?? new Date() })
    .where(and(eq(caseTransfer.id, id), eq(caseTransfer.version, version), eq(caseTransfer.state, 'pending')))
    .returning();
  return row;
}

/** The sender notes that its case file was closed after acceptance. */
export async function markSenderClosed(tx: Tx, id: string, now: Date): Promise<void> {
  await tx
    .update(caseTransfer)
    .set({ senderClosedAt: now, version: sql`${caseTransfer.version} + 1`, updatedAt: now })
    .where(and(eq(caseTransfer.id, id), eq(caseTransfer.state, 'accepted'), sql`${caseTransfer.senderClosedAt} IS NULL`));
}

const count = sql<number>`count(*)::int`;

/** How much of the household's case work stays with the sender (counts only). */
export async function stayingCounts(tx: Tx, householdId: string): Promise<{ serviceEntries: number; assessments: number; letters: number; referrals: number }> {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const serviceEntries = await n(tx.select({ n: count }).from(serviceEntry).where(eq(serviceEntry.householdId, householdId)));
  const assessments = await n(tx.select({ n: count }).from(needAssessment).where(eq(needAssessment.householdId, householdId)));
  const letters = await n(tx.select({ n: count }).from(letter).where(eq(letter.householdId, householdId)));
  const referrals = await n(tx.select({ n: count }).from(referral).where(eq(referral.householdId, householdId)));
  return { serviceEntries, assessments, letters, referrals };
}

/** The household's Fachleistung approvals not yet ended on `day`. */
export async function openApprovalsOf(tx: Tx, householdId: string, day: string) {
  return tx
    .select({ approvedHours: specialistRequest.approvedHours, approvedFrom: specialistRequest.approvedFrom, approvedUntil: specialistRequest.approvedUntil })
    .from(specialistRequest)
    .where(and(eq(specialistRequest.householdId, householdId), eq(specialistRequest.status, 'approved'), isNotNull(specialistRequest.approvedFrom), gte(specialistRequest.approvedUntil, day)));
}
