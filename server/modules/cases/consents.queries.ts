import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { consent } from './consents.schema.ts';

/** Every SQL statement of consents. Runs under the provider's tenant scope (RLS, FORCE-d). */

export type ConsentRow = typeof consent.$inferSelect;

export async function insertConsent(tx: Tx, values: typeof consent.$inferInsert): Promise<ConsentRow> {
  const [row] = await tx.insert(consent).values(values).returning();
  if (!row) throw new Error('consent not inserted');
  return row;
}

export async function findConsent(tx: Tx, id: string): Promise<ConsentRow | undefined> {
  const [row] = await tx.select().from(consent).where(eq(consent.id, id));
  return row;
}

/** The household's consents: per person in the given order of people, newest given first. */
export async function consentsOfHousehold(tx: Tx, householdId: string): Promise<ConsentRow[]> {
  return tx.select().from(consent).where(eq(consent.householdId, householdId)).orderBy(desc(consent.givenOn), desc(consent.createdAt), asc(consent.id));
}

/** One person's consents (what `consentCovers` reads for a referral or transfer). */
export async function consentsOfPerson(tx: Tx, personId: string): Promise<ConsentRow[]> {
  return tx.select().from(consent).where(eq(consent.personId, personId)).orderBy(desc(consent.givenOn), asc(consent.id));
}

/** Withdraws a consent not yet withdrawn, at the version read: the new row, or undefined when it moved on meanwhile. */
export async function withdrawConsentAt(tx: Tx, id: string, version: number, by: string | null, now: Date): Promise<ConsentRow | undefined> {
  const [row] = await tx
    .update(consent)
    .set({ withdrawnAt: now, withdrawnBy: by, version: sql`${consent.version} + 1`, updatedAt: now })
    .where(and(eq(consent.id, id), eq(consent.version, version), isNull(consent.withdrawnAt)))
    .returning();
  return row;
}
