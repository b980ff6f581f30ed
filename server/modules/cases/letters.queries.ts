import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { letter, letterFile } from './letters.schema.ts';

/** Every SQL statement of letters. Runs under the provider's tenant scope (RLS, FORCE-d). */

export type LetterRow = typeof letter.$inferSelect;

export async function insertLetter(tx: Tx, values: typeof letter.$inferInsert): Promise<LetterRow> {
  const [row] = await tx.insert(letter).values(values).returning();
  if (!row) throw new Error('letter not inserted');
  return row;
}

export async function findLetter(tx: Tx, id: string): Promise<LetterRow | undefined> {
  const [row] = await tx.select().from(letter).where(eq(letter.id, id));
  return row;
}

/** The household's letters: open ones first by due date (none last), then the rest newest first. */
export async function lettersOfHousehold(tx: Tx, householdId: string): Promise<LetterRow[]> {
  return tx
    .select()
    .from(letter)
    .where(eq(letter.householdId, householdId))
    .orderBy(sql`(${letter.state} = 'open') desc`, sql`${letter.dueOn} asc nulls last`, desc(letter.receivedOn), desc(letter.createdAt), asc(letter.id));
}

/** Changes a letter at the version read: the new row, or undefined when it moved on meanwhile. */
export async function updateLetterAt(tx: Tx, id: string, version: number, values: Partial<typeof letter.$inferInsert>): Promise<LetterRow | undefined> {
  const [row] = await tx
    .update(letter)
    .set({ ...values, version: sql`${letter.version} + 1` })
    .where(and(eq(letter.id, id), eq(letter.version, version)))
    .returning();
  return row;
}

export async function insertLetterFile(tx: Tx, values: typeof letterFile.$inferInsert): Promise<void> {
  await tx.insert(letterFile).values(values);
}

export async function sealedLetterFile(tx: Tx, letterId: string): Promise<Buffer | undefined> {
  const [row] = await tx.select({ sealed: letterFile.sealed }).from(letterFile).where(eq(letterFile.letterId, letterId));
  return row?.sealed;
}
