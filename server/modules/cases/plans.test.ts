import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan, PlanView } from '#contracts/plans.ts';
import { queryRows } from '#server/db.ts';
import type { Session } from '#test/context.ts';
import { useTestContext } from '#test/use-context.ts';
import { providerWithFamily } from './cases.fixture.ts';
import { openGoalsByArea } from './plans.glance.ts';

interface Household { id: string; members: { id: string }[]; caseFile: { id: string } }

const ctx = useTestContext();
let nord = '';
let worker: Session;
let colleague: Session;
let family: Household;

const SECRET = 'Traumatherapie bei Dr. Winter beginnen';
const STEP = 'Überweisung vom Hausarzt holen';
const MARKED = 'Schulden bei Vermieter klären';
const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);
const member = (i: number): string => family.members[i]?.id ?? '';
const read = (session: Session, householdId = family.id) => ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/plan` });
const save = (session: Session, body: unknown, householdId = family.id) => ctx.request(session, { method: 'PUT', url: `/api/households/${householdId}/plan`, payload: body });
const review = (session: Session, body: unknown, householdId = family.id) => ctx.request(session, { method: 'POST', url: `/api/households/${householdId}/plan/review`, payload: body });
const goals = () => [
  { areaCode: 'work', title: 'Deutschkurs B1 abschließen', steps: [{ text: 'Anmeldung VHS', done: true }, { text: 'Prüfung im März' }], responsibleKind: 'person', responsiblePersonId: member(0), dueOn: '2027-03-31' },
  { areaCode: 'health', title: SECRET, steps: [{ text: STEP }], responsibleKind: 'account', responsibleAccountId: worker.accountId, dueOn: '2026-12-15' },
  { areaCode: 'housing', title: MARKED, responsibleKind: 'other', responsibleText: 'Jobcenter', dueOn: '2026-11-30', sensitive: true },
];

beforeAll(async () => {
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  ({ nord, worker, colleague, family } = await providerWithFamily<Household>(ctx));
});

describe('support plans', () => {
  it('has no plan at first, and creates one with goals per area, steps, responsible and due dates', async () => {
    const empty = await read(worker);
    expect(empty.statusCode).toBe(200);
    expect(empty.json<PlanView>()).toMatchObject({ plan: null, permittedActions: ['plan.read', 'plan.edit', 'plan.review'] });
    expect(empty.json<PlanView>().choices.people.map((p) => p.id)).toEqual(family.members.map((m) => m.id));
    const res = await save(worker, { version: null, reviewOn: '2027-01-15', goals: goals() });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json<Plan>();
    expect([plan.version, plan.reviewOn, plan.goals.length]).toEqual([1, '2027-01-15', 3]);
    expect(plan.goals.map((g) => [g.areaCode, g.responsibleName, g.status, g.sealed])).toEqual([
      ['work', 'Mohammed Al-Hassan', 'open', false],
      ['health', `Test social_worker`, 'open', true],
      ['housing', 'Jobcenter', 'open', true],
    ]);
    expect(plan.goals[0]?.steps).toEqual([{ text: 'Anmeldung VHS', done: true }, { text: 'Prüfung im März', done: false }]);
    expect(plan.goals[1]?.title).toBe(SECRET);
    const again = await save(colleague, { version: null, reviewOn: '2027-01-15', goals: [] });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ current: Plan }>().current.goals).toHaveLength(3);
  });

  it('seals the texts of goals in a sensitive area and of goals marked sensitive: the raw tables hold no plaintext', async () => {
    const raw = await owner<{ title: string; steps: string; sealed: boolean }>(sql`select title, steps, sealed from plan_goal where household_id = ${family.id} and sealed`);
    expect(raw).toHaveLength(2);
    for (const r of raw) expect([r.title.startsWith('v1.'), r.steps.startsWith('v1.')]).toEqual([true, true]);
    const [dump] = await owner<{ n: number }>(sql`select count(*)::int as n from plan_goal g where g::text ilike '%trauma%' or g::text ilike '%überweisung%' or g::text ilike '%schulden%'`);
    expect(dump?.n).toBe(0);
  });

  it('audits every view of the plan', async () => {
    await read(colleague);
    const audits = await owner<{ action: string; account_id: string }>(sql`select action, actor_account_id as account_id from audit_entry where organisation_id = ${nord} and action like 'plan.%' order by seq`);
    expect(audits.map((a) => a.action)).toEqual(['plan.read', 'plan.create', 'plan.read']);
    expect(audits.at(-1)?.account_id).toBe(colleague.accountId);
  });

  it('refuses the second of two saves made from the same version with the other\'s change as `current`, never overwriting it', async () => {
    const mine = (await read(worker)).json<PlanView>().plan;
    const theirs = (await read(colleague)).json<PlanView>().plan;
    expect([mine?.version, theirs?.version]).toEqual([1, 1]);
    const edited = (mine?.goals ?? []).map((g) => ({ id: g.id, areaCode: g.areaCode, title: g.title, steps: g.steps, responsibleKind: g.responsibleKind, responsiblePersonId: g.responsiblePersonId, responsibleAccountId: g.responsibleAccountId, responsibleText: g.responsibleText, dueOn: g.dueOn, sensitive: g.sensitive }));
    const first = await save(worker, { version: 1, reviewOn: '2027-01-20', goals: edited.map((g, i) => (i === 0 ? { ...g, dueOn: '2027-04-30' } : g)) });
    expect([first.statusCode, first.json<Plan>().version]).toEqual([200, 2]);
    const second = await save(colleague, { version: 1, reviewOn: '2027-02-01', goals: edited.slice(1) });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ current: Plan }>().current).toMatchObject({ version: 2, reviewOn: '2027-01-20' });
    expect(second.json<{ current: Plan }>().current.goals[0]?.dueOn).toBe('2027-04-30');
    const now = (await read(worker)).json<PlanView>().plan;
    expect([now?.version, now?.reviewOn, now?.goals.length]).toEqual([2, '2027-01-20', 3]);
  });

  it('gives the household at a glance the open goals per area, their titles opened', async () => {
    const byArea = await ctx.database.db.transaction({ kind: 'tenant', organisationId: nord }, (tx) => openGoalsByArea(ctx.deps, tx, family.id));
    expect([...byArea].map(([area, list]) => [area, list.map((g) => [g.title, g.sealed])])).toEqual([
      ['work', [['Deutschkurs B1 abschließen', false]]],
      ['health', [[SECRET, true]]],
      ['housing', [[MARKED, true]]],
    ]);
    const glance = await ctx.request(worker, { method: 'GET', url: `/api/households/${family.id}/glance` });
    expect(glance.statusCode, glance.body).toBe(200);
    const goals = glance.json<{ goals: Record<string, { title: string; dueOn: string | null }[]> }>().goals;
    expect(Object.fromEntries(Object.entries(goals).map(([area, list]) => [area, list.map((g) => g.title)]))).toEqual({ work: ['Deutschkurs B1 abschließen'], health: [SECRET], housing: [MARKED] });
  });

  it('answers field errors for an unknown area, a stranger as responsible, a missing free text and a goal of no plan', async () => {
    const other = await ctx.staff('social_worker');
    const version = (await read(worker)).json<PlanView>().plan?.version ?? 0;
    const res = await save(worker, {
      version,
      reviewOn: '2027-01-20',
      goals: [
        { areaCode: 'atlantis', title: 'x', responsibleText: 'y' },
        { areaCode: 'work', title: 'x', responsibleKind: 'person', responsiblePersonId: '00000000-0000-4000-8000-000000000000' },
        { areaCode: 'work', title: 'x', responsibleKind: 'account', responsibleAccountId: other.accountId },
        { areaCode: 'work', title: 'x', responsibleKind: 'other' },
        { id: '00000000-0000-4000-8000-000000000000', areaCode: 'work', title: 'x', responsibleText: 'y' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['goals.0.areaCode', 'goals.1.responsiblePersonId', 'goals.2.responsibleAccountId', 'goals.3.responsibleText', 'goals.4.id']);
  });
});

describe('plan reviews', () => {
  it('marks goals achieved or partly achieved with a note (sealed where the goal is), sets the next review and writes one anonymous statistics row per goal', async () => {
    const plan = (await read(worker)).json<PlanView>().plan;
    const [work, health] = plan?.goals ?? [];
    const res = await review(worker, { version: plan?.version, reviewedOn: '2026-12-01', nextReviewOn: '2027-06-01', goals: [{ id: work?.id, result: 'achieved', note: 'Zertifikat liegt vor' }, { id: health?.id, result: 'partly_achieved', note: 'Erstgespräch bei Dr. Winter' }] });
    expect(res.statusCode, res.body).toBe(200);
    const reviewed = res.json<Plan>();
    expect([reviewed.reviewOn, reviewed.lastReviewedOn, reviewed.version]).toEqual(['2027-06-01', '2026-12-01', 3]);
    expect(reviewed.goals.map((g) => [g.status, g.reviewNote])).toEqual([['achieved', 'Zertifikat liegt vor'], ['partly_achieved', 'Erstgespräch bei Dr. Winter'], ['open', '']]);
    const [note] = await owner<{ review_note: string }>(sql`select review_note from plan_goal where id = ${health?.id ?? ''}`);
    expect([note?.review_note.startsWith('v1.'), note?.review_note.includes('Winter')]).toEqual([true, false]);

    const rows = await owner<Record<string, unknown>>(sql`select * from case_statistic where organisation_id = ${nord} and source = 'plan_review' order by area_code`);
    expect(rows.map((r) => [r.area_code, r.outcome, r.block_code, r.year, r.month, r.region_code, r.counted_persons])).toEqual([
      ['health', 'partly_achieved', 'basic', 2026, 12, 'nord', 4],
      ['work', 'achieved', 'basic', 2026, 12, 'nord', 4],
    ]);
    const ids = [family.id, plan?.id ?? '', ...(plan?.goals ?? []).map((g) => g.id), ...family.members.map((m) => m.id)];
    const [leak] = await owner<{ n: number }>(sql`select count(*)::int as n from (select (to_jsonb(c) - 'id' - 'organisation_id')::text as t from case_statistic c) s where ${sql.join(ids.map((id) => sql`s.t like ${`%${id}%`}`), sql` or `)} or s.t ilike '%winter%' or s.t ilike '%zertifikat%'`);
    expect(leak?.n).toBe(0);
  });

  it('refuses a goal reviewed already, a review day in the future and a stale version', async () => {
    const plan = (await read(worker)).json<PlanView>().plan;
    const [work, , housing] = plan?.goals ?? [];
    const twice = await review(worker, { version: plan?.version, reviewedOn: '2026-12-01', goals: [{ id: work?.id, result: 'not_achieved' }] });
    expect(twice.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['goals.0.id']);
    const future = await review(worker, { version: plan?.version, reviewedOn: '2026-12-02', goals: [{ id: housing?.id, result: 'achieved' }] });
    expect(future.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['reviewedOn']);
    const stale = await review(colleague, { version: 1, reviewedOn: '2026-12-01', goals: [{ id: housing?.id, result: 'achieved' }] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: Plan }>().current.version).toBe(plan?.version);
    const [count] = await owner<{ n: number }>(sql`select count(*)::int as n from case_statistic where organisation_id = ${nord} and source = 'plan_review'`);
    expect(count?.n).toBe(2);
  });
});

describe('who reaches a plan', () => {
  it('answers 404 to a Süd social worker of the same provider and to another provider, 403 to the city', async () => {
    const account = await ctx.account(nord, 'social_worker');
    await ctx.database.db.owner.execute(sql`insert into account_region (account_id, region_code) values (${account.id}, 'sued')`);
    const sued = await ctx.login(account.email);
    const stranger = await ctx.staff('social_worker');
    for (const session of [sued, stranger]) {
      expect((await read(session)).statusCode).toBe(404);
      expect((await save(session, { version: 3, reviewOn: '2027-01-01', goals: [] })).statusCode).toBe(404);
      expect((await review(session, { version: 3, reviewedOn: '2026-12-01', goals: [{ id: family.id, result: 'achieved' }] })).statusCode).toBe(404);
    }
    expect((await read(await ctx.staff('city_coordinator'))).statusCode).toBe(403);
    const plan = (await read(worker)).json<PlanView>().plan;
    expect([plan?.version, plan?.goals.length]).toEqual([3, 3]);
  });

  it('keeps the plan tables inside the tenant under FORCE-d row-level security', async () => {
    const other = (await ctx.organisation('provider')).id;
    const count = (organisationId: string, table: 'support_plan' | 'plan_goal') =>
      ctx.database.db.transaction({ kind: 'tenant', organisationId }, async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n);
    expect([await count(nord, 'support_plan'), await count(nord, 'plan_goal')]).toEqual([1, 3]);
    expect([await count(other, 'support_plan'), await count(other, 'plan_goal')]).toEqual([0, 0]);
    const forced = await owner<{ relname: string; relforcerowsecurity: boolean }>(sql`select relname, relforcerowsecurity from pg_class where relname in ('support_plan', 'plan_goal') order by relname`);
    expect(forced).toEqual([{ relname: 'plan_goal', relforcerowsecurity: true }, { relname: 'support_plan', relforcerowsecurity: true }]);
  });
});
