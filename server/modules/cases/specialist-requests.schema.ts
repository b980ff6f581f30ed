import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { account, organisation } from '../identity/identity.schema.ts';
import { household } from './cases.schema.ts';

/**
 * Fachleistung (`specialist_request`, decision 0016): a provider applies to the city for hours of
 * specialist support for one household; the city's coordinator approves (hours, from, until — at
 * most 12 months) or rejects with a reason. An extension is a new request naming the approval it
 * extends. The city reads a request (never the household) under its `pseudonym`, which stays the
 * same for every request of the household at its provider and says nothing about the people.
 * Tenant-bound references; RLS in the custom part of the migration: the provider's tenant reads
 * and writes its own rows, the city scope reads submitted and decided ones and decides submitted
 * ones (a trigger keeps each side to its own columns).
 */

export const SPECIALIST_REQUEST_KINDS = ['initial', 'extension'] as const;
export const SPECIALIST_REQUEST_STATES = ['draft', 'submitted', 'approved', 'rejected'] as const;

/** The criteria catalog (reference data the city maintains; the seed's list is an example). */
export const specialistCriterion = pgTable('specialist_criterion', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  /** The label per language (de, en). */
  name: jsonb('name').$type<Record<string, string>>().notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/**
 * The city's setting for Fachleistungen: the hours a request must forecast over the next 12
 * months. One row at most; without it the configured default holds (LOTSE_SPECIALIST_THRESHOLD_HOURS).
 */
export const specialistSetting = pgTable(
  'specialist_setting',
  {
    id: smallint('id').primaryKey().default(1),
    thresholdHours: smallint('threshold_hours').notNull(),
    updatedBy: uuid('updated_by').references(() => account.id),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('specialist_setting_single_check', sql`${t.id} = 1`), check('specialist_setting_threshold_check', sql`${t.thresholdHours} BETWEEN 1 AND 2000`)],
);

export const specialistRequest = pgTable(
  'specialist_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    /** The household; null once it was erased (the request stays as the city's anonymous figures, decision 0021). */
    householdId: uuid('household_id'),
    /** The household's region when applied: what the city's coordinators are assigned by. */
    regionCode: text('region_code').notNull(),
    /** What the city calls the household: random, the same for all of its requests at this provider. */
    pseudonym: text('pseudonym').notNull(),
    kind: text('kind', { enum: SPECIALIST_REQUEST_KINDS }).notNull().default('initial'),
    /** The approval an extension extends (of the same provider and household). */
    extendsId: uuid('extends_id'),
    status: text('status', { enum: SPECIALIST_REQUEST_STATES }).notNull().default('draft'),
    /** Codes of the criteria catalog the needs meet. */
    criteria: text('criteria').array().notNull(),
    /** Hours forecast over the next 12 months. */
    forecastHours: smallint('forecast_hours').notNull(),
    justification: text('justification').notNull(),
    createdBy: uuid('created_by').references(() => account.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => account.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => account.id),
    approvedHours: smallint('approved_hours'),
    approvedFrom: date('approved_from'),
    approvedUntil: date('approved_until'),
    /** Why it was rejected (required then), or a remark to an approval. */
    decisionReason: text('decision_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'specialist_request_household_fk', columns: [t.householdId, t.organisationId], foreignColumns: [household.id, household.organisationId] }),
    foreignKey({ name: 'specialist_request_extends_fk', columns: [t.extendsId, t.householdId, t.organisationId], foreignColumns: [t.id, t.householdId, t.organisationId] }),
    unique('specialist_request_id_household_organisation_key').on(t.id, t.householdId, t.organisationId),
    index('specialist_request_household_idx').on(t.householdId, t.createdAt),
    index('specialist_request_region_status_idx').on(t.regionCode, t.status),
    check('specialist_request_forecast_check', sql`${t.forecastHours} BETWEEN 1 AND 2000`),
    check('specialist_request_criteria_check', sql`cardinality(${t.criteria}) >= 1`),
    check('specialist_request_extension_check', sql`(${t.kind} = 'extension') = (${t.extendsId} IS NOT NULL)`),
    check('specialist_request_submitted_check', sql`${t.status} = 'draft' OR ${t.submittedAt} IS NOT NULL`),
    check(
      'specialist_request_approved_check',
      sql`${t.status} <> 'approved' OR (${t.approvedHours} >= 1 AND ${t.approvedFrom} IS NOT NULL AND ${t.approvedUntil} >= ${t.approvedFrom} AND ${t.approvedUntil} < ${t.approvedFrom} + interval '12 months' AND ${t.decidedAt} IS NOT NULL)`,
    ),
    // An anonymised request (household erased) keeps no reason text.
    check('specialist_request_rejected_check', sql`${t.status} <> 'rejected' OR ((${t.householdId} IS NULL OR length(btrim(${t.decisionReason})) > 0) AND ${t.decidedAt} IS NOT NULL)`),
    check('specialist_request_version_check', sql`${t.version} >= 1`),
  ],
);
