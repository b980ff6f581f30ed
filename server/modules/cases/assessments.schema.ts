import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { account, organisation } from '../identity/identity.schema.ts';
import { caseFile, household, person } from './cases.schema.ts';

/**
 * Needs assessments (Bedarfsfeststellung): per person — or the whole household when `person_id`
 * is null — and integration area, the level of need found on a day, with a note. Never
 * overwritten by a later one: the rows of an area over time are its history, the latest its
 * current need. Tenant-only RLS, FORCE-d (custom part of the migration `assessments`). `note`
 * holds the sealed value (key ring, `note_sealed`) in a sensitive area or when marked sensitive.
 */

export const NEED_LEVELS = ['none', 'low', 'medium', 'high', 'acute'] as const;

export const needAssessment = pgTable(
  'need_assessment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    householdId: uuid('household_id').notNull().references(() => household.id),
    caseFileId: uuid('case_file_id').notNull().references(() => caseFile.id),
    /** The person assessed; null: the household as a whole. */
    personId: uuid('person_id').references(() => person.id),
    areaCode: text('area_code').notNull(),
    level: text('level', { enum: NEED_LEVELS }).notNull(),
    assessedOn: date('assessed_on').notNull(),
    note: text('note').notNull().default(''),
    noteSealed: boolean('note_sealed').notNull().default(false),
    sensitive: boolean('sensitive').notNull().default(false),
    assessedBy: uuid('assessed_by').references(() => account.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('need_assessment_household_idx').on(t.householdId, t.areaCode, t.assessedOn),
    check('need_assessment_version_check', sql`${t.version} >= 1`),
  ],
);
