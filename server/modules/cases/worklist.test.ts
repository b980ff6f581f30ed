import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Worklist } from '#contracts/plans.ts';
import { queryRows } from '#server/db.ts';
import type { Session } from '#test/context.ts';
import { useTestContext } from '#test/use-context.ts';
import { familyBody, personBody } from './cases.fixture.ts';

interface Household { id: string; members: { id: string }[]; caseFile: { id: string } }

const ctx = useTestContext();
let nord = '';
let lead: Session;
let worker: Session;
let colleague: Session;
let sued: Session;
let mine: Household;
let dormant: Household;
let theirs: Household;
let south: Household;

const TODAY = '2026-12-01';
const household = async (session: Session, members: Record<string, unknown>[], quarterCode = '11'): Promise<Household> => {
  const res = await ctx.request(session, { method: 'POST', url: '/api/households', payload: { ...familyBody({ quarterCode, confirmNotDuplicate: true }), members } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Household>();
};
const plan = async (session: Session, h: Household, reviewOn: string, goals: { title: string; dueOn: string }[]) => {
  const res = await ctx.request(session, { method: 'PUT', url: `/api/households/${h.id}/plan`, payload: { version: null, reviewOn, goals: goals.map((g) => ({ ...g, areaCode: 'work', responsibleText: 'Jobcenter' })) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ goals: { id: string }[]; version: number }>();
};
const worklist = async (session: Session, url = '/api/worklist'): Promise<Worklist> => {
  const res = await ctx.request(session, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Worklist>();
};
const summary = (w: Worklist) => w.items.map((i) => `${i.kind} ${i.date} ${i.subject}`.trim());

beforeAll(async () => {
  nord = (await ctx.organisation('provider', 'Nord e. V.')).id;
  lead = await ctx.staff('provider_admin', nord);
  worker = await ctx.staff('social_worker', nord);
  colleague = await ctx.staff('social_worker', nord);
  const account = await ctx.account(nord, 'social_worker');
  await ctx.database.db.owner.execute(sql`insert into account_region (account_id, region_code) values (${account.id}, 'sued')`);
  sued = await ctx.login(account.email);

  // A case opened in June without a contact since: dormant by December.
  ctx.clock.now = new Date('2026-06-01T10:00:00Z');
  dormant = await household(worker, [personBody({ familyName: 'Rahimi', givenNames: 'Zahra' })]);
  ctx.clock.now = new Date(`${TODAY}T10:00:00Z`);
  mine = await household(worker, [
    personBody({ familyName: 'Haddad', givenNames: 'Omar', residence: { code: 'aufenthaltsgestattung', paragraph: '', expiresOn: '2027-01-15' }, assignedOn: '2026-01-20' }),
    personBody({ relationship: 'spouse', familyName: 'Haddad', givenNames: 'Rana', residence: { code: 'aufenthaltsgestattung', paragraph: '', expiresOn: '2027-03-01' }, assignedOn: '2025-06-01' }),
  ]);
  const p = await plan(worker, mine, '2026-12-05', [
    { title: 'Bewerbung Pflegehelfer', dueOn: '2026-11-20' },
    { title: 'Kita-Platz beantragen', dueOn: '2026-12-10' },
    { title: 'Führerschein umschreiben', dueOn: '2027-02-01' },
    { title: 'Anerkennung Zeugnis', dueOn: '2026-11-01' },
  ]);
  const reviewed = await ctx.request(worker, { method: 'POST', url: `/api/households/${mine.id}/plan/review`, payload: { version: p.version, reviewedOn: TODAY, goals: [{ id: p.goals[3]?.id, result: 'achieved' }] } });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  theirs = await household(colleague, [personBody({ familyName: 'Melnyk', givenNames: 'Iryna' })]);
  await plan(colleague, theirs, '2027-03-01', [{ title: 'Sprachkurs finden', dueOn: '2026-11-25' }]);
  south = await household(sued, [personBody({ familyName: 'Shevchenko', givenNames: 'Olena' })], '71');
  await plan(sued, south, '2027-03-01', [{ title: 'Wohnung in Prohlis', dueOn: '2026-11-28' }]);
});

describe('the worklist', () => {
  it('lists what is due in my case files: overdue and due goals, the review, the permit and the Grundleistung year closing, the dormant case', async () => {
    const w = await worklist(worker);
    expect([w.today, w.scope]).toEqual([TODAY, 'mine']);
    expect(summary(w)).toEqual([
      'case_dormant 2026-06-01',
      'goal_overdue 2026-11-20 Bewerbung Pflegehelfer',
      'plan_review_due 2026-12-05',
      'goal_due 2026-12-10 Kita-Platz beantragen',
      'residence_expiring 2027-01-15 Omar Haddad',
      'basic_window_closing 2027-01-19 Omar Haddad',
    ]);
    expect(w.items.map((i) => i.household.id)).toEqual([dormant.id, mine.id, mine.id, mine.id, mine.id, mine.id]);
    const goal = w.items[1];
    expect(goal?.link).toMatch(new RegExp(`^/households/${mine.id}#plan-goal-[0-9a-f-]{36}$`));
    expect([goal?.household.name, goal?.assignees.map((a) => a.id)]).toEqual(['Omar Haddad', [worker.accountId]]);
    expect(w.items[2]?.link).toBe(`/households/${mine.id}#plan`);
    expect(w.items[4]?.link).toBe(`/households/${mine.id}#person-${mine.members[0]?.id ?? ''}`);
  });

  it('leaves out what is done and what is closed: a case file closed drops all its items', async () => {
    const close = await ctx.request(worker, { method: 'POST', url: `/api/case-files/${dormant.caseFile.id}/close`, payload: { reason: 'Weggezogen', version: 1 } });
    expect(close.statusCode, close.body).toBe(200);
    expect((await worklist(worker)).items.map((i) => i.household.id)).not.toContain(dormant.id);
  });

  it('never shows a Süd social worker a Nord household, even one assigned to them', async () => {
    await ctx.database.db.owner.execute(sql`insert into case_assignment (case_file_id, account_id, organisation_id) values (${mine.caseFile.id}, ${sued.accountId}, ${nord})`);
    const w = await worklist(sued);
    expect(summary(w)).toEqual(['goal_overdue 2026-11-28 Wohnung in Prohlis']);
    expect(new Set(w.items.map((i) => i.household.regionCode))).toEqual(new Set(['sued']));
    expect(w.items.map((i) => i.household.id)).not.toContain(mine.id);
  });

  it('gives a team lead the team\'s, or one colleague\'s; a social worker may not ask for the team\'s, another provider sees none of it', async () => {
    const team = await worklist(lead, '/api/worklist/team');
    expect(team.scope).toBe('team');
    expect(new Set(team.items.map((i) => i.household.id))).toEqual(new Set([mine.id, theirs.id, south.id]));
    const one = await worklist(lead, `/api/worklist/team?accountId=${colleague.accountId}`);
    expect(summary(one)).toEqual(['goal_overdue 2026-11-25 Sprachkurs finden']);
    expect((await worklist(lead)).items).toEqual([]);
    expect((await ctx.request(worker, { method: 'GET', url: '/api/worklist/team' })).statusCode).toBe(403);
    const other = await ctx.staff('provider_admin');
    expect((await worklist(other, '/api/worklist/team')).items).toEqual([]);
    expect((await ctx.request(await ctx.staff('city_admin'), { method: 'GET', url: '/api/worklist' })).statusCode).toBe(403);
  });

  it('audits each view with the households it shows', async () => {
    await worklist(colleague);
    const [audit] = await queryRows<{ action: string; record_ids: string[] }>(ctx.database.db.owner, sql`select action, record_ids from audit_entry where actor_account_id = ${colleague.accountId} and action like 'worklist.%' order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'worklist.read', record_ids: [theirs.id] });
  });
});
