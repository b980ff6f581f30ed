import { asc, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { auditEntry } from './audit.schema.ts';

/** The caller's tenant's audit entries naming one of these records (a person, its household), oldest first. */
export async function entriesNaming(tx: Tx, ids: readonly string[]) {
  return tx
    .select({ at: auditEntry.at, actorAccountId: auditEntry.actorAccountId, action: auditEntry.action, recordType: auditEntry.recordType })
    .from(auditEntry)
    .where(sql`${auditEntry.recordIds} && ${`{${ids.join(',')}}`}::text[]`)
    .orderBy(asc(auditEntry.seq));
}
