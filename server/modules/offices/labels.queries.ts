import { inArray } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { office } from './offices.schema.ts';

/** Names of offices (integration offices) for the audit log, in one statement for a page of ids. */
export async function labelsOfOffices(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: office.id, name: office.name, providerId: office.providerId }).from(office).where(inArray(office.id, [...ids]));
}
