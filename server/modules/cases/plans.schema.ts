import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { account, organisation } from '../identity/identity.schema.ts';
import { caseFile, household, person } from './cases.schema.ts';

/**
 * The support plan (Hilfeplan) of a case file: goals per integration area agreed with the
 * household, each with its steps, who is responsible and when it is due; the plan has a review
 * date. Tenant-only RLS, FORCE-d (custom migration `plans_security`). The plan's `version` covers
 * the plan and its goals: every write names the version read (409 with `current` otherwise).
 */

export const GOAL_STATUSES = ['open', 'achieved', 'partly_achieved', 'not_achieved'] as const;
export const RESPONSIBLE_KINDS = ['person', 'account', 'other'] as const;

export const supportPlan = pgTable(
  'support_plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    householdId: uuid('household_id').notNull().references(() => household.id),
    caseFileId: uuid('case_file_id').notNull().references(() => caseFile.id),
    /** When the plan is to be reviewed with the household next. */
    reviewOn: date('review_on').notNull(),
    lastReviewedOn: date('last_reviewed_on'),
    createdBy: uuid('created_by').references(() => account.id),
    updatedBy: uuid('updated_by').references(() => account.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('support_plan_case_file_key').on(t.caseFileId), index('support_plan_review_idx').on(t.organisationId, t.reviewOn)],
);

/**
 * One goal of a plan in an integration area. `title`, `steps` (a JSON list of { text, done }) and
 * `review_note` hold sealed values (key ring) when `sealed`: the area is sensitive or the goal is
 * marked sensitive. Responsible: a person of the household, a staff account, or free text.
 */
export const planGoal = pgTable(
  'plan_goal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    planId: uuid('plan_id').notNull().references(() => supportPlan.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id').notNull().references(() => household.id),
    areaCode: text('area_code').notNull(),
    title: text('title').notNull(),
    steps: text('steps').notNull().default('[]'),
    responsibleKind: text('responsible_kind', { enum: RESPONSIBLE_KINDS }).notNull(),
    responsiblePersonId: uuid('responsible_person_id').references(() => person.id),
    responsibleAccountId: uuid('responsible_account_id').references(() => account.id),
    responsibleText: text('responsible_text').notNull().default(''),
    dueOn: date('due_on'),
    sensitive: boolean('sensitive').notNull().default(false),
    sealed: boolean('sealed').notNull().default(false),
    status: text('status', { enum: GOAL_STATUSES }).notNull().default('open'),
    reviewedOn: date('reviewed_on'),
    reviewNote: text('review_note').notNull().default(''),
    reviewedBy: uuid('reviewed_by').references(() => account.id),
    position: smallint('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_goal_plan_idx').on(t.planId, t.position),
    index('plan_goal_household_due_idx').on(t.householdId, t.dueOn),
    check(
      'plan_goal_responsible_check',
      sql`(${t.responsibleKind} = 'person' AND ${t.responsiblePersonId} IS NOT NULL AND ${t.responsibleAccountId} IS NULL) OR (${t.responsibleKind} = 'account' AND ${t.responsibleAccountId} IS NOT NULL AND ${t.responsiblePersonId} IS NULL) OR (${t.responsibleKind} = 'other' AND ${t.responsiblePersonId} IS NULL AND ${t.responsibleAccountId} IS NULL)`,
    ),
    check('plan_goal_review_check', sql`(${t.status} = 'open') = (${t.reviewedOn} IS NULL)`),
  ],
);
