import { and, asc, desc, eq, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { TIME_ZONE } from '#server/time.ts';
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

/** What the log can be filtered by (the contract's filter); the period in Europe/Berlin days, both included. */
export interface EntryFilter {
  action?: string | undefined;
  account?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function filterConditions(f: EntryFilter): SQL[] {
  const conditions: (SQL | undefined)[] = [];
  if (f.action?.endsWith('.*')) {
    const group = f.action.slice(0, -2);
    conditions.push(or(eq(auditEntry.action, group), like(auditEntry.action, `${escapeLike(group)}.%`)));
  } else if (f.action) conditions.push(eq(auditEntry.action, f.action));
  if (f.account) conditions.push(eq(auditEntry.actorAccountId, f.account));
  if (f.recordType) conditions.push(eq(auditEntry.recordType, f.recordType));
  if (f.recordId) conditions.push(sql`${f.recordId} = any(${auditEntry.recordIds})`);
  // Midnight in Berlin of the first day, and of the day after the last (daylight saving included).
  if (f.from) conditions.push(sql`${auditEntry.at} >= (${f.from}::date::timestamp at time zone ${TIME_ZONE})`);
  if (f.to) conditions.push(sql`${auditEntry.at} < ((${f.to}::date + 1)::timestamp at time zone ${TIME_ZONE})`);
  return conditions.filter((c) => c !== undefined);
}

/** One page of entries the current scope may read (RLS decides), filtered, newest first. */
export async function listEntries(tx: Tx, opts: { organisationId?: string; filter?: EntryFilter; before?: number | undefined; limit: number }) {
  const conditions = [
    opts.organisationId ? eq(auditEntry.organisationId, opts.organisationId) : undefined,
    opts.before ? lt(auditEntry.id, opts.before) : undefined,
    ...filterConditions(opts.filter ?? {}),
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
