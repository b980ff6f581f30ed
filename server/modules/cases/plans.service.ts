import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Action } from '#contracts/actions.ts';
import type { Goal, goalInput, Plan, PlanView, reviewPlanBody, savePlanBody } from '#contracts/plans.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import { catalogLabel, integrationAreasInOrder } from '#server/modules/catalog/catalog.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfAccounts } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff, permittedActions } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound, type FieldError } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { statisticPeriod } from './case-work.policy.ts';
import * as w from './case-work.queries.ts';
import { caseScope, householdRecord } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { caseFileInReach } from './reach.ts';
import { staleProblem } from './people.service.ts';
import { inBasicWindow, sealsGoal } from './plans.policy.ts';
import * as p from './plans.queries.ts';

type PlanAction = Extract<Action, `plan.${string}`>;
const PLAN_ACTIONS = ['plan.read', 'plan.edit', 'plan.review'] as const satisfies readonly PlanAction[];
type Keys = Deps['keys'];
type Members = Awaited<ReturnType<typeof q.membersOf>>;

const context = (goalId: string, field: 'title' | 'steps' | 'review_note'): string => `plan_goal:${goalId}:${field}`;
const sealIf = (keys: Keys, sealed: boolean, value: string, goalId: string, field: 'title' | 'steps' | 'review_note'): string => (sealed && value ? keys.seal(value, context(goalId, field)) : value);
const openIf = (keys: Keys, sealed: boolean, value: string, goalId: string, field: 'title' | 'steps' | 'review_note'): string => (sealed && value ? keys.open(value, context(goalId, field)) : value);

/** A goal's texts opened (key ring) where they are sealed. */
export function openGoal(keys: Keys, g: p.GoalRow): { title: string; steps: Goal['steps']; reviewNote: string } {
  return {
    title: openIf(keys, g.sealed, g.title, g.id, 'title'),
    steps: JSON.parse(openIf(keys, g.sealed, g.steps, g.id, 'steps')) as Goal['steps'],
    reviewNote: openIf(keys, g.sealed, g.reviewNote, g.id, 'review_note'),
  };
}

async function areaInfo(tx: Tx, locale: string) {
  const rows = await integrationAreasInOrder(tx);
  return new Map(rows.map((r) => [r.code, { name: catalogLabel(r.name, locale, r.code), sensitive: r.sensitivity === 'special' }]));
}

/** The plan as the staff app shows it: goals with their texts opened, areas and responsible named. */
async function present(deps: Pick<Deps, 'keys'>, tx: Tx, plan: p.PlanRow, members: Members, locale: string): Promise<Plan> {
  const goals = await p.goalsOf(tx, plan.id);
  const areas = await areaInfo(tx, locale);
  const accountIds = [...new Set([plan.updatedBy, ...goals.flatMap((g) => [g.responsibleAccountId, g.reviewedBy])].filter((id): id is string => id !== null))];
  const accounts = new Map((await labelsOfAccounts(tx, accountIds)).map((a) => [a.id, a.displayName]));
  const people = new Map(members.map((m) => [m.id, `${m.givenNames} ${m.familyName}`.trim()]));
  const named = (id: string | null) => (id ? { id, name: accounts.get(id) ?? '' } : null);
  return {
    id: plan.id,
    householdId: plan.householdId,
    caseFileId: plan.caseFileId,
    reviewOn: plan.reviewOn,
    lastReviewedOn: plan.lastReviewedOn,
    goals: goals.map((g) => ({
      id: g.id,
      areaCode: g.areaCode,
      areaName: areas.get(g.areaCode)?.name ?? g.areaCode,
      ...openGoal(deps.keys, g),
      responsibleKind: g.responsibleKind,
      responsiblePersonId: g.responsiblePersonId,
      responsibleAccountId: g.responsibleAccountId,
      responsibleText: g.responsibleText,
      responsibleName: g.responsibleKind === 'person' ? (people.get(g.responsiblePersonId ?? '') ?? '') : g.responsibleKind === 'account' ? (accounts.get(g.responsibleAccountId ?? '') ?? '') : g.responsibleText,
      dueOn: g.dueOn,
      sensitive: g.sensitive,
      sealed: g.sealed,
      status: g.status,
      reviewedOn: g.reviewedOn,
      reviewedBy: named(g.reviewedBy),
    })),
    updatedAt: plan.updatedAt.toISOString(),
    updatedBy: named(plan.updatedBy),
    version: plan.version,
  };
}

/** GET /api/households/:id/plan: the plan, the actor's permitted actions, whom a goal may name; audited. */
export async function readPlan(deps: Deps, actor: Actor, householdId: string, locale: string): Promise<PlanView> {
  const staff = authorizeStaff(actor, 'plan.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household, file } = await caseFileInReach(tx, staff, 'plan.read', householdId);
    const members = await q.membersOf(tx, household.id);
    const row = await p.planOfCaseFile(tx, file.id);
    const plan = row ? await present(deps, tx, row, members, locale) : null;
    const accountIds = [...new Set([staff.accountId, ...(await q.assigneesOf(tx, file.id)), ...(plan?.goals.flatMap((g) => (g.responsibleAccountId ? [g.responsibleAccountId] : [])) ?? [])])];
    const accounts = (await labelsOfAccounts(tx, accountIds)).filter((a) => a.organisationId === staff.organisationId).map((a) => ({ id: a.id, name: a.displayName }));
    await recordAudit(tx, staff, { action: 'plan.read', recordType: 'support_plan', recordIds: [household.id, ...(row ? [row.id] : [])] }, now);
    return {
      plan,
      permittedActions: file.closedAt ? permittedActions(staff, ['plan.read'], householdRecord(household)) : permittedActions(staff, PLAN_ACTIONS, householdRecord(household)),
      choices: { people: members.map((m) => ({ id: m.id, name: `${m.givenNames} ${m.familyName}`.trim() })), accounts },
    };
  });
}

type GoalInput = z.infer<typeof goalInput>;

/** Field errors of the goals: a known area, a responsible of the household or the provider, goals of this plan. */
async function goalErrors(tx: Tx, staff: StaffActor, goals: readonly GoalInput[], members: Members, areas: ReadonlyMap<string, unknown>, existing: ReadonlySet<string>): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const memberIds = new Set(members.map((m) => m.id));
  const accounts = new Map((await labelsOfAccounts(tx, [...new Set(goals.flatMap((g) => (g.responsibleAccountId ? [g.responsibleAccountId] : [])))])).map((a) => [a.id, a]));
  const seen = new Set<string>();
  goals.forEach((g, i) => {
    const at = (field: string, key: string) => errors.push({ field: `goals.${i}.${field}`, key });
    if (g.id && (!existing.has(g.id) || seen.has(g.id))) at('id', 'field.invalidOption');
    if (g.id) seen.add(g.id);
    if (!areas.has(g.areaCode)) at('areaCode', 'field.invalidOption');
    if (g.responsibleKind === 'person' && !g.responsiblePersonId) at('responsiblePersonId', 'field.required');
    else if (g.responsibleKind === 'person' && !memberIds.has(g.responsiblePersonId ?? '')) at('responsiblePersonId', 'field.invalidOption');
    if (g.responsibleKind === 'account' && !g.responsibleAccountId) at('responsibleAccountId', 'field.required');
    else if (g.responsibleKind === 'account' && accounts.get(g.responsibleAccountId ?? '')?.organisationId !== staff.organisationId) at('responsibleAccountId', 'field.notColleague');
    if (g.responsibleKind === 'other' && !g.responsibleText) at('responsibleText', 'field.required');
  });
  return errors;
}

/** The columns of a goal from what was entered, its texts sealed where the area or the mark asks for it. */
export function goalColumns(keys: Keys, sensitive: ReadonlySet<string>, id: string, g: GoalInput, position: number) {
  const sealed = sealsGoal(sensitive, g.areaCode, g.sensitive);
  return {
    areaCode: g.areaCode,
    title: sealIf(keys, sealed, g.title, id, 'title'),
    steps: sealIf(keys, sealed, JSON.stringify(g.steps), id, 'steps'),
    responsibleKind: g.responsibleKind,
    responsiblePersonId: g.responsibleKind === 'person' ? g.responsiblePersonId : null,
    responsibleAccountId: g.responsibleKind === 'account' ? g.responsibleAccountId : null,
    responsibleText: g.responsibleKind === 'other' ? g.responsibleText : '',
    dueOn: g.dueOn,
    sensitive: g.sensitive,
    sealed,
    position,
  };
}

/**
 * PUT /api/households/:id/plan: creates the plan (version null) or saves it with the version read —
 * a stale version is refused 409 with `current`, never overwritten. Goals are matched by id; a goal
 * left out is removed; a goal's review stays. Audited.
 */
export async function savePlan(deps: Deps, actor: Actor, householdId: string, input: z.infer<typeof savePlanBody>, locale: string): Promise<Plan> {
  const staff = authorizeStaff(actor, 'plan.edit');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household, file } = await caseFileInReach(tx, staff, 'plan.edit', householdId);
    if (file.closedAt) throw conflict('details.caseClosed');
    const members = await q.membersOf(tx, household.id);
    const current = await p.planOfCaseFile(tx, file.id);
    const stale = async () => {
      const latest = await p.planOfCaseFile(tx, file.id);
      return staleProblem(latest ? await present(deps, tx, latest, members, locale) : null);
    };
    if ((input.version === null) !== (current === undefined) || (current && current.version !== input.version)) throw await stale();
    const before = current ? await p.goalsOf(tx, current.id) : [];
    const areas = await areaInfo(tx, locale);
    const errors = await goalErrors(tx, staff, input.goals, members, areas, new Set(before.map((g) => g.id)));
    if (errors.length) throw invalid(errors);

    const plan = current
      ? await p.updatePlanAt(tx, current.id, current.version, { reviewOn: input.reviewOn, updatedBy: staff.accountId }, now)
      : await p.insertPlan(tx, { organisationId: staff.organisationId, householdId: household.id, caseFileId: file.id, reviewOn: input.reviewOn, createdBy: staff.accountId, updatedBy: staff.accountId, createdAt: now, updatedAt: now });
    if (!plan) throw await stale();
    const sensitive = new Set([...areas].filter(([, a]) => a.sensitive).map(([code]) => code));
    const old = new Map(before.map((g) => [g.id, g]));
    const keep: string[] = [];
    for (const [i, g] of input.goals.entries()) {
      const prior = g.id ? old.get(g.id) : undefined;
      if (prior) {
        const columns = goalColumns(deps.keys, sensitive, prior.id, g, i);
        const note = openGoal(deps.keys, prior).reviewNote;
        await p.updateGoal(tx, prior.id, { ...columns, reviewNote: sealIf(deps.keys, columns.sealed, note, prior.id, 'review_note') }, now);
        keep.push(prior.id);
      } else {
        const id = randomUUID();
        await p.insertGoal(tx, { ...goalColumns(deps.keys, sensitive, id, g, i), id, organisationId: staff.organisationId, planId: plan.id, householdId: household.id, createdAt: now, updatedAt: now });
        keep.push(id);
      }
    }
    await p.deleteGoalsExcept(tx, plan.id, keep);
    await recordAudit(tx, staff, { action: current ? 'plan.update' : 'plan.create', recordType: 'support_plan', recordIds: [plan.id, household.id] }, now);
    return present(deps, tx, plan, members, locale);
  });
}

/**
 * POST /api/households/:id/plan/review: open goals reviewed with the household (achieved, partly,
 * not achieved, with a note), with the version read (409 with `current`); the next review date.
 * Writes one anonymous statistics row per goal reviewed in the same transaction (decision 0014).
 */
export async function reviewPlan(deps: Deps, actor: Actor, householdId: string, input: z.infer<typeof reviewPlanBody>, locale: string): Promise<Plan> {
  const staff = authorizeStaff(actor, 'plan.review');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household, file } = await caseFileInReach(tx, staff, 'plan.review', householdId);
    if (file.closedAt) throw conflict('details.caseClosed');
    const current = await p.planOfCaseFile(tx, file.id);
    if (!current) throw notFound();
    const members = await q.membersOf(tx, household.id);
    if (current.version !== input.version) throw staleProblem(await present(deps, tx, current, members, locale));
    const goals = new Map((await p.goalsOf(tx, current.id)).map((g) => [g.id, g]));
    const errors: FieldError[] = [];
    if (input.reviewedOn > berlinDate(now)) errors.push({ field: 'reviewedOn', key: 'field.invalid' });
    const seen = new Set<string>();
    input.goals.forEach((g, i) => {
      if (goals.get(g.id)?.status !== 'open' || seen.has(g.id)) errors.push({ field: `goals.${i}.id`, key: 'field.invalidOption' });
      seen.add(g.id);
    });
    if (errors.length) throw invalid(errors);
    const plan = await p.updatePlanAt(tx, current.id, input.version, { lastReviewedOn: input.reviewedOn, reviewOn: input.nextReviewOn ?? current.reviewOn, updatedBy: staff.accountId }, now);
    if (!plan) throw staleProblem(await present(deps, tx, (await p.planOfCaseFile(tx, file.id)) ?? current, members, locale));
    const blockCode = inBasicWindow(members.map((m) => m.assignedOn), input.reviewedOn) ? 'basic' : 'open_consultation';
    for (const r of input.goals) {
      const g = goals.get(r.id);
      if (!g) continue;
      await p.updateGoal(tx, g.id, { status: r.result, reviewedOn: input.reviewedOn, reviewNote: sealIf(deps.keys, g.sealed, r.note, g.id, 'review_note'), reviewedBy: staff.accountId }, now);
      // The statistics row: the area, the month and the outcome, nothing that names anyone (decision 0014).
      await w.insertStatistic(tx, {
        organisationId: staff.organisationId,
        source: 'plan_review',
        ...statisticPeriod(input.reviewedOn),
        blockCode,
        areaCode: g.areaCode,
        regionCode: household.regionCode,
        quarterCode: household.quarterCode,
        outcome: r.result,
        countedPersons: members.length,
      });
    }
    const contactAt = new Date(`${input.reviewedOn}T12:00:00Z`);
    if (!file.lastContactAt || file.lastContactAt < contactAt) await w.touchLastContact(tx, file.id, contactAt);
    await recordAudit(tx, staff, { action: 'plan.review', recordType: 'support_plan', recordIds: [plan.id, household.id, ...input.goals.map((g) => g.id)] }, now);
    return present(deps, tx, plan, members, locale);
  });
}
