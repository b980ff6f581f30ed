import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { queryRows } from '#server/db.ts';
import { caseStatistic, quickContact, serviceEntry } from './case-work.schema.ts';
import { caseFile } from './cases.schema.ts';

/** Every SQL statement of service entries and the statistics rows. Runs under the provider's tenant scope. */

export type ServiceEntryRow = typeof serviceEntry.$inferSelect;
export type CaseStatisticValues = Omit<typeof caseStatistic.$inferInsert, 'id'>;

export async function insertServiceEntry(tx: Tx, values: typeof serviceEntry.$inferInsert): Promise<ServiceEntryRow> {
  const [row] = await tx.insert(serviceEntry).values(values).returning();
  if (!row) throw new Error('service entry insert returned nothing');
  return row;
}

export async function findServiceEntry(tx: Tx, id: string): Promise<ServiceEntryRow | undefined> {
  const [row] = await tx.select().from(serviceEntry).where(eq(serviceEntry.id, id));
  return row;
}

export async function serviceEntriesOf(tx: Tx, householdId: string, limit: number): Promise<ServiceEntryRow[]> {
  return tx.select().from(serviceEntry).where(eq(serviceEntry.householdId, householdId)).orderBy(desc(serviceEntry.occurredOn), desc(serviceEntry.createdAt)).limit(limit);
}

/** As the other `…At` updates: the new row, or undefined when the version moved on meanwhile. */
export async function updateServiceEntryAt(tx: Tx, id: string, version: number, values: Partial<typeof serviceEntry.$inferInsert>, now: Date): Promise<ServiceEntryRow | undefined> {
  const [row] = await tx
    .update(serviceEntry)
    .set({ ...values, version: sql`${serviceEntry.version} + 1`, updatedAt: now })
    .where(and(eq(serviceEntry.id, id), eq(serviceEntry.version, version)))
    .returning();
  return row;
}

/** The service the actor coded last (the form offers it first), or null. */
export async function lastServiceOf(tx: Tx, accountId: string): Promise<string | null> {
  const [row] = await tx.select({ id: serviceEntry.catalogServiceId }).from(serviceEntry).where(eq(serviceEntry.createdBy, accountId)).orderBy(desc(serviceEntry.createdAt)).limit(1);
  return row?.id ?? null;
}

/** Writes a statistics row; never reads it back (the application may only insert: no RETURNING). */
export async function insertStatistic(tx: Tx, values: CaseStatisticValues): Promise<void> {
  await tx.insert(caseStatistic).values(values);
}

export interface StatisticCell {
  region_code: string | null;
  area_code: string;
  block_code: string;
  value: string | null;
  contacts: number | null;
  minutes: number | null;
  persons: number | null;
  alongside: number | null;
  suppressed: boolean;
}

/** The aggregates (lotse_case_statistics): per region, area, block and one dimension; small cells suppressed. */
export async function statisticCells(tx: Tx, dimension: string, from: string, to: string): Promise<StatisticCell[]> {
  const rows = await queryRows<StatisticCell>(tx, sql`select * from lotse_case_statistics(${dimension}, ${from}::date, ${to}::date)`);
  const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({ ...r, contacts: n(r.contacts), minutes: n(r.minutes), persons: n(r.persons), alongside: n(r.alongside) }));
}

/** The case file's last contact moves to a later contact (without a new version: no edit of the file). */
export async function touchLastContact(tx: Tx, caseFileId: string, at: Date): Promise<void> {
  await tx.update(caseFile).set({ lastContactAt: at }).where(eq(caseFile.id, caseFileId));
}

export type QuickContactRow = typeof quickContact.$inferSelect;

export async function insertQuickContact(tx: Tx, values: typeof quickContact.$inferInsert): Promise<QuickContactRow> {
  const [row] = await tx.insert(quickContact).values(values).returning();
  if (!row) throw new Error('quick contact insert returned nothing');
  return row;
}

export async function quickContactsOn(tx: Tx, officeId: string, day: string): Promise<QuickContactRow[]> {
  return tx.select().from(quickContact).where(and(eq(quickContact.officeId, officeId), eq(quickContact.occurredOn, day))).orderBy(asc(quickContact.createdAt), asc(quickContact.id));
}
