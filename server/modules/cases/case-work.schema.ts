import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { catalogService, catalogVersion } from '../catalog/catalog.schema.ts';
import { office } from '../offices/offices.schema.ts';
import { account, organisation } from '../identity/identity.schema.ts';
import { caseFile, household } from './cases.schema.ts';

/**
 * Case work done with a household: service entries (Leistungsnachweise), and the anonymous
 * statistics row each of them writes in the same transaction (decision 0014). Both carry
 * `organisation_id`; RLS in the custom migration `case_work_security`.
 */

export const SERVICE_SETTINGS = ['office', 'home_visit', 'phone', 'video', 'outreach', 'group'] as const;
export const STATISTIC_SOURCES = ['service_entry', 'quick_contact', 'assessment', 'plan_review'] as const;
/** A plan review's result per goal (statistics: how goals end, per area). */
export const GOAL_OUTCOMES = ['achieved', 'partly_achieved', 'not_achieved'] as const;

/**
 * One service given to a household on a day, coded with a service of the catalog version in
 * force that day (the entry keeps version and service: a later version changes nothing here).
 * `note` holds the sealed value (key ring, `note_sealed`) when the area is sensitive or the entry
 * is marked sensitive, else the plain text.
 */
export const serviceEntry = pgTable(
  'service_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    householdId: uuid('household_id').notNull().references(() => household.id),
    caseFileId: uuid('case_file_id').notNull().references(() => caseFile.id),
    occurredOn: date('occurred_on').notNull(),
    minutes: smallint('minutes').notNull(),
    catalogVersionId: uuid('catalog_version_id').notNull().references(() => catalogVersion.id),
    catalogServiceId: uuid('catalog_service_id').notNull().references(() => catalogService.id),
    setting: text('setting', { enum: SERVICE_SETTINGS }).notNull(),
    /** The people counselled, and the family members counselled alongside (people of the household). */
    counselledIds: uuid('counselled_ids').array().notNull(),
    alongsideIds: uuid('alongside_ids').array().notNull().default(sql`'{}'::uuid[]`),
    language: text('language').notNull(),
    interpreter: boolean('interpreter').notNull().default(false),
    note: text('note').notNull().default(''),
    noteSealed: boolean('note_sealed').notNull().default(false),
    sensitive: boolean('sensitive').notNull().default(false),
    createdBy: uuid('created_by').references(() => account.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_entry_household_idx').on(t.householdId, t.occurredOn),
    check('service_entry_minutes_check', sql`${t.minutes} BETWEEN 1 AND 720`),
    check('service_entry_counselled_check', sql`cardinality(${t.counselledIds}) >= 1`),
    check('service_entry_version_check', sql`${t.version} >= 1`),
  ],
);

/**
 * An anonymous statistics row (decision 0014): what the city counts, written at entry and kept
 * when the case content is erased. Never a name, a date of birth, free text, or an id of a
 * household, person or entry; the time only to the month. Read as aggregates only.
 */
export const caseStatistic = pgTable(
  'case_statistic',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    source: text('source', { enum: STATISTIC_SOURCES }).notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    blockCode: text('block_code').notNull(),
    areaCode: text('area_code').notNull(),
    setting: text('setting'),
    language: text('language'),
    interpreter: boolean('interpreter').notNull().default(false),
    regionCode: text('region_code'),
    quarterCode: text('quarter_code'),
    ageBand: text('age_band'),
    sex: text('sex'),
    residenceGroup: text('residence_group'),
    /** Assessments: the need level found. */
    needLevel: text('need_level'),
    /** Plan reviews: the goal's result. */
    outcome: text('outcome', { enum: GOAL_OUTCOMES }),
    minutes: integer('minutes').notNull().default(0),
    countedPersons: smallint('counted_persons').notNull(),
    alongsidePersons: smallint('alongside_persons').notNull().default(0),
  },
  (t) => [
    index('case_statistic_period_idx').on(t.year, t.month),
    check('case_statistic_month_check', sql`${t.month} BETWEEN 1 AND 12`),
    check('case_statistic_persons_check', sql`${t.countedPersons} >= 0 AND ${t.alongsidePersons} >= 0 AND ${t.minutes} >= 0`),
  ],
);

/**
 * A quick contact at an office (Integrationsbüro, block `open_consultation`) without a case file:
 * never named — counted by day, area(s), language and persons. Listed per office and day.
 */
export const quickContact = pgTable(
  'quick_contact',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    officeId: uuid('office_id').notNull().references(() => office.id),
    occurredOn: date('occurred_on').notNull(),
    areaCodes: text('area_codes').array().notNull(),
    language: text('language').notNull(),
    interpreter: boolean('interpreter').notNull().default(false),
    countedPersons: smallint('counted_persons').notNull(),
    minutes: smallint('minutes').notNull(),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quick_contact_office_day_idx').on(t.officeId, t.occurredOn),
    check('quick_contact_areas_check', sql`cardinality(${t.areaCodes}) >= 1`),
    check('quick_contact_persons_check', sql`${t.countedPersons} BETWEEN 1 AND 50 AND ${t.minutes} BETWEEN 1 AND 720`),
  ],
);
