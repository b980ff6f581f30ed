import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Action } from '#contracts/actions.ts';
import type { Assessment, assessmentListQuery, createAssessmentBody, updateAssessmentBody } from '#contracts/assessments.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import { catalogLabel, integrationAreasInOrder } from '#server/modules/catalog/catalog.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfAccounts } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound, type FieldError } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import * as a from './assessments.queries.ts';
import { ageBandOf, sealsNote, statisticPeriod } from './case-work.policy.ts';
import * as w from './case-work.queries.ts';
import { caseScope } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { caseFileInReach } from './reach.ts';
import { residenceLabels, staleProblem } from './people.service.ts';
import { inBasicWindow } from './plans.policy.ts';

type AssessmentAction = Extract<Action, `assessment.${string}`> | 'case.read';
type Keys = Deps['keys'];

const noteContext = (id: string): string => `need_assessment:${id}:note`;
/** An assessment's note, opened with the key ring where it is sealed. */
export const openNote = (keys: Keys, r: a.AssessmentRow): string => (r.noteSealed && r.note ? keys.open(r.note, noteContext(r.id)) : r.note);

/** The integration areas in catalog order, named in the locale, with their sensitivity. */
export async function areasOf(tx: Tx, locale: string) {
  return (await integrationAreasInOrder(tx)).map((r) => ({ code: r.code, name: catalogLabel(r.name, locale, r.code), sensitive: r.sensitivity === 'special' }));
}

async function present(deps: Pick<Deps, 'keys'>, tx: Tx, rows: a.AssessmentRow[], locale: string): Promise<Assessment[]> {
  const areas = new Map((await areasOf(tx, locale)).map((x) => [x.code, x.name]));
  const authors = new Map((await labelsOfAccounts(tx, [...new Set(rows.flatMap((r) => (r.assessedBy ? [r.assessedBy] : [])))])).map((x) => [x.id, x.displayName]));
  return rows.map((r) => ({
    id: r.id,
    householdId: r.householdId,
    personId: r.personId,
    areaCode: r.areaCode,
    areaName: areas.get(r.areaCode) ?? r.areaCode,
    level: r.level,
    assessedOn: r.assessedOn,
    note: openNote(deps.keys, r),
    sealed: r.noteSealed,
    sensitive: r.sensitive,
    assessedBy: r.assessedBy ? { id: r.assessedBy, name: authors.get(r.assessedBy) ?? '' } : null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }));
}

async function presentOne(deps: Pick<Deps, 'keys'>, tx: Tx, row: a.AssessmentRow, locale: string): Promise<Assessment> {
  const [one] = await present(deps, tx, [row], locale);
  if (!one) throw notFound();
  return one;
}

/**
 * POST /api/households/:id/assessments: the need found for a person (or the household) in an
 * area on a day. Seals the note in a sensitive area or when marked so; writes the anonymous
 * statistics row (source 'assessment', the level) in the same transaction (decision 0014); audited.
 */
export async function createAssessment(deps: Deps, actor: Actor, householdId: string, input: z.infer<typeof createAssessmentBody>, locale: string): Promise<Assessment> {
  const staff = authorizeStaff(actor, 'assessment.create');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household, file } = await caseFileInReach(tx, staff, 'assessment.create', householdId);
    if (file.closedAt) throw conflict('details.caseClosed');
    const members = await q.membersOf(tx, household.id);
    const area = (await areasOf(tx, locale)).find((x) => x.code === input.areaCode);
    const errors: FieldError[] = [];
    if (input.personId !== null && !members.some((m) => m.id === input.personId)) errors.push({ field: 'personId', key: 'field.invalidOption' });
    if (!area) errors.push({ field: 'areaCode', key: 'field.invalidOption' });
    if (input.assessedOn > berlinDate(now)) errors.push({ field: 'assessedOn', key: 'field.invalid' });
    if (errors.length || !area) throw invalid(errors);

    const id = randomUUID();
    const sealed = sealsNote(area, input.sensitive);
    const row = await a.insertAssessment(tx, {
      id,
      organisationId: staff.organisationId,
      householdId: household.id,
      caseFileId: file.id,
      personId: input.personId,
      areaCode: area.code,
      level: input.level,
      assessedOn: input.assessedOn,
      note: sealed && input.note ? deps.keys.seal(input.note, noteContext(id)) : input.note,
      noteSealed: sealed,
      sensitive: input.sensitive,
      assessedBy: staff.accountId,
      createdAt: now,
      updatedAt: now,
    });

    // The statistics row: area, month and level found, nothing that names anyone (decision 0014).
    const who = members.find((m) => m.id === input.personId);
    const groups = await residenceLabels(tx);
    await w.insertStatistic(tx, {
      organisationId: staff.organisationId,
      source: 'assessment',
      ...statisticPeriod(input.assessedOn),
      blockCode: inBasicWindow(members.map((m) => m.assignedOn), input.assessedOn) ? 'basic' : 'open_consultation',
      areaCode: area.code,
      regionCode: household.regionCode,
      quarterCode: household.quarterCode,
      ageBand: who ? ageBandOf(who.birthYear, input.assessedOn) : null,
      sex: who?.sex ?? null,
      residenceGroup: who?.residenceStatusCode ? (groups.get(who.residenceStatusCode)?.group ?? null) : null,
      needLevel: input.level,
      countedPersons: who ? 1 : members.length,
    });
    await recordAudit(tx, staff, { action: 'assessment.create', recordType: 'need_assessment', recordIds: [row.id, household.id] }, now);
    return presentOne(deps, tx, row, locale);
  });
}

/** GET /api/households/:id/assessments: the history, newest first (one area's with areaCode); the view is audited. */
export async function listAssessments(deps: Deps, actor: Actor, householdId: string, query: z.infer<typeof assessmentListQuery>, locale: string): Promise<{ assessments: Assessment[] }> {
  const staff = authorizeStaff(actor, 'assessment.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household } = await caseFileInReach(tx, staff, 'assessment.read', householdId);
    const rows = await a.assessmentsOf(tx, household.id, query.areaCode, query.limit);
    await recordAudit(tx, staff, { action: 'assessment.list', recordType: 'need_assessment', recordIds: [household.id, ...rows.map((r) => r.id)] }, now);
    return { assessments: await present(deps, tx, rows, locale) };
  });
}

async function assessmentInReach(tx: Tx, staff: StaffActor, action: AssessmentAction, id: string) {
  const row = await a.findAssessment(tx, id);
  if (!row) throw notFound();
  const { household } = await caseFileInReach(tx, staff, action, row.householdId);
  return { row, household };
}

/** GET /api/assessments/:id: one assessment (its note opened); audited. */
export async function readAssessment(deps: Deps, actor: Actor, id: string, locale: string): Promise<Assessment> {
  const staff = authorizeStaff(actor, 'assessment.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { row, household } = await assessmentInReach(tx, staff, 'assessment.read', id);
    await recordAudit(tx, staff, { action: 'assessment.read', recordType: 'need_assessment', recordIds: [row.id, household.id] }, now);
    return presentOne(deps, tx, row, locale);
  });
}

/**
 * PATCH /api/assessments/:id: corrects level, day, note or the mark with the version read (409 with
 * `current` when changed meanwhile). Person and area stay; the statistics row stays as written.
 */
export async function updateAssessment(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateAssessmentBody>, locale: string): Promise<Assessment> {
  const staff = authorizeStaff(actor, 'assessment.edit');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { row, household } = await assessmentInReach(tx, staff, 'assessment.edit', id);
    if (input.assessedOn && input.assessedOn > berlinDate(now)) throw invalid([{ field: 'assessedOn', key: 'field.invalid' }]);
    const area = (await areasOf(tx, locale)).find((x) => x.code === row.areaCode);
    const sensitive = input.sensitive ?? row.sensitive;
    const sealed = sealsNote({ sensitive: area?.sensitive ?? true }, sensitive);
    const plain = input.note ?? openNote(deps.keys, row);
    const updated = await a.updateAssessmentAt(tx, row.id, input.version, {
      level: input.level,
      assessedOn: input.assessedOn,
      sensitive,
      note: sealed && plain ? deps.keys.seal(plain, noteContext(row.id)) : plain,
      noteSealed: sealed,
    }, now);
    if (!updated) {
      const current = await a.findAssessment(tx, row.id);
      throw staleProblem(current ? await presentOne(deps, tx, current, locale) : null);
    }
    await recordAudit(tx, staff, { action: 'assessment.update', recordType: 'need_assessment', recordIds: [row.id, household.id] }, now);
    return presentOne(deps, tx, updated, locale);
  });
}
