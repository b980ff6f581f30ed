import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#server/db.ts';
import { auditEntry, auditHead, securityEvent } from './audit.schema.ts';
import { GENESIS_HASH } from './audit.chain.ts';

/**
 * Locks the organisation's chain head (created on first use) and returns it, in one statement: the
 * no-op `do update` locks the existing row like `select … for update` and returns it.
 */
export async function lockHead(tx: Tx, organisationId: string): Promise<{ seq: number; hash: string }> {
  const [head] = await tx
    .insert(auditHead)
    .values({ organisationId, seq: 0, hash: GENESIS_HASH })
    .onConflictDoUpdate({ target: auditHead.organisationId, set: { seq: sql`${auditHead.seq}` } })
    .returning({ seq: auditHead.seq, hash: auditHead.hash });
  if (!head) throw new Error('audit head vanished');
  return head;
}

/** Inserts the entry and moves the head in one statement (the head stays locked for a round trip less). */
export async function appendEntry(tx: Tx, entry: typeof auditEntry.$inferInsert): Promise<void> {
  const inserted = tx.$with('inserted').as(tx.insert(auditEntry).values(entry).returning({ id: auditEntry.id }));
  await tx
    .with(inserted)
    .update(auditHead)
    .set({ seq: entry.seq, hash: entry.hash })
    .where(and(eq(auditHead.organisationId, entry.organisationId), sql`exists (select 1 from ${inserted})`));
}

export async function insertSecurityEvent(tx: Tx, event: typeof securityEvent.$inferInsert): Promise<void> {
  await tx.insert(securityEvent).values(event);
}

/** One page of entries the current scope may read (RLS decides), newest first. */
export async function listEntries(tx: Tx, opts: { organisationId?: string; before?: number; limit: number }) {
  const conditions = [
    opts.organisationId ? eq(auditEntry.organisationId, opts.organisationId) : undefined,
    opts.before ? lt(auditEntry.id, opts.before) : undefined,
  ].filter((c) => c !== undefined);
  return tx
    .select()
    .from(auditEntry)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEntry.id))
    .limit(opts.limit);
}

export async function chainOrganisations(tx: Tx): Promise<string[]> {
  const rows = await queryRows<{ organisation_id: string }>(
    tx,
    sql`select organisation_id from audit_head union select distinct organisation_id from audit_entry`,
  );
  return rows.map((r) => r.organisation_id);
}

export async function chainOf(tx: Tx, organisationId: string) {
  const entries = await tx.select().from(auditEntry).where(eq(auditEntry.organisationId, organisationId)).orderBy(asc(auditEntry.seq));
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.organisationId, organisationId));
  return { entries, head: head ?? null };
}

/** One page of security events the current scope may read (RLS decides), newest first. */
export async function listSecurityEvents(tx: Tx, opts: { organisationId?: string; before?: number; limit: number }) {
  const conditions = [
    opts.organisationId ? eq(securityEvent.organisationId, opts.organisationId) : undefined,
    opts.before ? lt(securityEvent.id, opts.before) : undefined,
  ].filter((c) => c !== undefined);
  return tx
    .select()
    .from(securityEvent)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(securityEvent.id))
    .limit(opts.limit);
}
