import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Needs assessments (Bedarfsfeststellung) and the household at a glance. An assessment finds the
 * level of need of a person — or of the household as a whole — in one integration area on a day;
 * later ones do not overwrite it, so the history per area shows progress. Social data: provider
 * staff only, every read audited; the note in a sensitive area, or marked sensitive, is sealed at
 * rest. A correction names the version read: a stale one is refused 409 with `current`.
 */

export const NEED_LEVELS = ['none', 'low', 'medium', 'high', 'acute'] as const;
export const needLevel = z.enum(NEED_LEVELS);
export type NeedLevel = z.infer<typeof needLevel>;

const note = z.string().trim().max(4000);

/** POST /api/households/:id/assessments. */
export const createAssessmentBody = z
  .object({
    /** The person assessed (a member of the household); null: the household as a whole. */
    personId: z.uuid().nullable().default(null),
    areaCode: z.string().min(1).max(60),
    level: needLevel,
    assessedOn: isoDate,
    note: note.default(''),
    /** Seal the note whatever the area (the household asked to keep it close). */
    sensitive: z.boolean().default(false),
  })
  .strict();
export type CreateAssessmentBody = z.input<typeof createAssessmentBody>;

/** PATCH /api/assessments/:id: a correction (who and which area stay; a new finding is a new assessment). */
export const updateAssessmentBody = z
  .object({
    version: z.number().int().min(1),
    level: needLevel.optional(),
    assessedOn: isoDate.optional(),
    note: note.optional(),
    sensitive: z.boolean().optional(),
  })
  .strict();
export type UpdateAssessmentBody = z.input<typeof updateAssessmentBody>;

export const assessment = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  /** null: the household as a whole. */
  personId: z.uuid().nullable(),
  areaCode: z.string(),
  areaName: z.string(),
  level: needLevel,
  assessedOn: isoDate,
  note: z.string(),
  /** The note is sealed at rest (sensitive area or marked sensitive). */
  sealed: z.boolean(),
  sensitive: z.boolean(),
  assessedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type Assessment = z.infer<typeof assessment>;

export const assessmentListQuery = z
  .object({
    /** Only this area's history. */
    areaCode: z.string().min(1).max(60).optional(),
    limit: z.coerce.number<string>().int().min(1).max(500).default(200),
  })
  .strict();
/** The household's assessments, newest first (by day, then entry): per area and person, the history. */
export const assessmentList = z.object({ assessments: z.array(assessment) });

// ---------------------------------------------------------------- the household at a glance

/** The current need of a row in an area: its latest assessment. */
export const currentNeed = z.object({ level: needLevel, assessedOn: isoDate, assessmentId: z.uuid() });

/** One row of the glance: a person, or (personId null, kind 'household') the household as a whole. */
export const glanceRow = z.object({
  kind: z.enum(['person', 'household']),
  personId: z.uuid().nullable(),
  name: z.string(),
  /** Per integration area code: the current need, absent where none was assessed. */
  needs: z.record(z.string(), currentNeed),
  /** The dates that matter (persons; null on the household row). */
  residenceExpiresOn: isoDate.nullable(),
  integrationCourseOn: isoDate.nullable(),
  schoolStartOn: isoDate.nullable(),
  assignedOn: isoDate.nullable(),
});
export type GlanceRow = z.infer<typeof glanceRow>;

/** An open goal of the support plan as shown in its area's column (filled by the plans part). */
export const glanceGoal = z.object({ id: z.uuid(), title: z.string(), dueOn: isoDate.nullable(), sealed: z.boolean() });

/**
 * The 12-month Grundleistung clock from the municipal assignment (earliest Zuweisung of the
 * household's people). `closing`: today is in its last 2 months; `fachleistungPrompt`: closing
 * while high or acute needs remain (`promptAreas`) — time to file a Fachleistung application.
 */
export const basicServiceClock = z.object({
  assignedOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  /** Whole days from today to the end (negative once past), null without an assignment date. */
  daysLeft: z.number().int().nullable(),
  status: z.enum(['unknown', 'running', 'closing', 'ended']),
  closing: z.boolean(),
  fachleistungPrompt: z.boolean(),
  promptAreas: z.array(z.string()),
});
export type BasicServiceClock = z.infer<typeof basicServiceClock>;

/** GET /api/households/:id/glance. */
export const householdGlance = z.object({
  householdId: z.uuid(),
  /** The day the glance was composed for (Berlin). */
  today: isoDate,
  /** The columns: integration areas in catalog order. */
  areas: z.array(z.object({ code: z.string(), name: z.string(), sensitive: z.boolean() })),
  /** The household row first, then one per person. */
  rows: z.array(glanceRow),
  basicService: basicServiceClock,
  /** Open goals of the support plan per area code (empty until a plan has goals). */
  goals: z.record(z.string(), z.array(glanceGoal)),
  permittedActions: z.array(z.string()),
});
export type HouseholdGlance = z.infer<typeof householdGlance>;
