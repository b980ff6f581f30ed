import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log: who, when, which action, which record ids, from where. Ids and action
 * names only, never personal data. One hash chain per organisation: each entry carries the hash of
 * the previous entry of its organisation. UPDATE and DELETE are refused by grants and a trigger.
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorAccountId: uuid('actor_account_id'),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordIds: text('record_ids').array().notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_entry_chain_key').on(t.organisationId, t.seq),
    index('audit_entry_record_type_idx').on(t.organisationId, t.recordType),
  ],
);

/** The head of each organisation's chain. Locking its row serialises one organisation only. */
export const auditHead = pgTable('audit_head', {
  organisationId: uuid('organisation_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Refused attempts (wrong password, missing role, foreign record): a separate security log. */
export const securityEvent = pgTable(
  'security_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    accountId: uuid('account_id'),
    organisationId: uuid('organisation_id'),
    method: text('method'),
    route: text('route'),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [index('security_event_at_idx').on(t.at)],
);
