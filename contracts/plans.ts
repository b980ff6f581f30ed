import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Support plans (Hilfeplan) and the worklist. A plan belongs to a household's case file: goals
 * per integration area agreed with the household, each with steps, who is responsible and when it
 * is due; the plan has a review date, and a review marks goals achieved, partly achieved or not
 * achieved (with a note). Social data: provider staff only, every read audited; the texts of a goal
 * in a sensitive area, or marked sensitive, are sealed at rest. Every write names the plan's
 * version read: a stale one is refused 409 with `current` (the plan as it is now).
 */

export const GOAL_STATUSES = ['open', 'achieved', 'partly_achieved', 'not_achieved'] as const;
export const goalStatus = z.enum(GOAL_STATUSES);
export const GOAL_RESULTS = ['achieved', 'partly_achieved', 'not_achieved'] as const;
export const goalResult = z.enum(GOAL_RESULTS);
export const RESPONSIBLE_KINDS = ['person', 'account', 'other'] as const;
export const responsibleKind = z.enum(RESPONSIBLE_KINDS);

const text = (max: number) => z.string().trim().max(max);

export const stepInput = z.object({ text: text(500).min(1), done: z.boolean().default(false) }).strict();

/** One goal as edited: `id` of a goal of the plan to change it, none for a new one. */
export const goalInput = z
  .object({
    id: z.uuid().optional(),
    areaCode: z.string().min(1).max(60),
    title: text(300).min(1),
    steps: z.array(stepInput).max(20).default([]),
    /** Who is responsible: a person of the household, a staff account of the provider, or free text ("Jobcenter"). */
    responsibleKind: responsibleKind.default('other'),
    responsiblePersonId: z.uuid().nullable().default(null),
    responsibleAccountId: z.uuid().nullable().default(null),
    responsibleText: text(200).default(''),
    dueOn: isoDate.nullable().default(null),
    /** Seal the goal's texts whatever the area (the household asked to keep it close). */
    sensitive: z.boolean().default(false),
  })
  .strict();
export type GoalInput = z.input<typeof goalInput>;

/**
 * PUT /api/households/:id/plan: the whole plan as edited. `version` null creates the plan (409 when
 * one exists meanwhile); goals left out are removed; a goal's review stays as reviewed.
 */
export const savePlanBody = z
  .object({
    version: z.number().int().min(1).nullable(),
    reviewOn: isoDate,
    goals: z.array(goalInput).max(30),
  })
  .strict();
export type SavePlanBody = z.input<typeof savePlanBody>;

/** POST /api/households/:id/plan/review: the goals reviewed with the household (one statistics row each). */
export const reviewPlanBody = z
  .object({
    version: z.number().int().min(1),
    reviewedOn: isoDate,
    /** The next review; null keeps the plan's review date. */
    nextReviewOn: isoDate.nullable().default(null),
    goals: z.array(z.object({ id: z.uuid(), result: goalResult, note: text(2000).default('') }).strict()).min(1).max(30),
  })
  .strict();
export type ReviewPlanBody = z.input<typeof reviewPlanBody>;

const named = z.object({ id: z.uuid(), name: z.string() });

export const goal = z.object({
  id: z.uuid(),
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  steps: z.array(z.object({ text: z.string(), done: z.boolean() })),
  responsibleKind,
  responsiblePersonId: z.uuid().nullable(),
  responsibleAccountId: z.uuid().nullable(),
  responsibleText: z.string(),
  /** Who is responsible, as shown: the person's or account's name, or the free text. */
  responsibleName: z.string(),
  dueOn: isoDate.nullable(),
  sensitive: z.boolean(),
  /** The goal's texts are sealed at rest (sensitive area or marked sensitive). */
  sealed: z.boolean(),
  status: goalStatus,
  reviewedOn: isoDate.nullable(),
  reviewNote: z.string(),
  reviewedBy: named.nullable(),
});
export type Goal = z.infer<typeof goal>;

export const plan = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  caseFileId: z.uuid(),
  reviewOn: isoDate,
  lastReviewedOn: isoDate.nullable(),
  goals: z.array(goal),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: named.nullable(),
  version: z.number().int(),
});
export type Plan = z.infer<typeof plan>;

/** GET /api/households/:id/plan: the plan (null before the first), what the actor may do, whom a goal may name. */
export const planView = z.object({
  plan: plan.nullable(),
  permittedActions: z.array(z.string()),
  choices: z.object({ people: z.array(named), accounts: z.array(named) }),
});
export type PlanView = z.infer<typeof planView>;

// ---------------------------------------------------------------- worklist
export const WORKLIST_KINDS = ['goal_overdue', 'goal_due', 'plan_review_due', 'residence_expiring', 'basic_window_closing', 'case_dormant', 'referral_follow_up', 'letter_overdue', 'letter_due', 'specialist_ending', 'transfer_incoming'] as const;
export const worklistKind = z.enum(WORKLIST_KINDS);

export const worklistItem = z.object({
  kind: worklistKind,
  /** The date it is about: a goal's due date, the review date, the permit's expiry, the end of the Grundleistung year, the last contact, a referral's follow-up. */
  date: isoDate,
  household: z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() }),
  /** What it is about: the goal's title, the person's name, a referral's partner and purpose; empty for the plan review and a dormant case. */
  subject: z.string(),
  /** Where it is dealt with: the household page and its section (`/households/:id#plan-goal-…`). */
  link: z.string(),
  assignees: z.array(named),
});
export type WorklistItem = z.infer<typeof worklistItem>;

export const worklist = z.object({ today: isoDate, scope: z.enum(['mine', 'team']), items: z.array(worklistItem) });
export type Worklist = z.infer<typeof worklist>;

/** GET /api/worklist/team: the team's case files, optionally of one social worker. */
export const teamWorklistQuery = z.object({ accountId: z.uuid().optional() }).strict();
