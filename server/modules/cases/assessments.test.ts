import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, HouseholdGlance } from '#contracts/assessments.ts';
import { queryRows } from '#server/db.ts';
import type { Session } from '#test/context.ts';
import { useTestContext } from '#test/use-context.ts';
import { providerWithFamily } from './cases.fixture.ts';

interface Household { id: string; members: { id: string }[] }

const ctx = useTestContext();
let nord = '';
let worker: Session;
let colleague: Session;
let family: Household;

const SECRET = 'Panikattacken seit der Flucht, Termin bei der Traumaambulanz';
const MARKED = 'Mietschulden beim Vermieter';
const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);
const member = (i: number): string => family.members[i]?.id ?? '';
const create = (session: Session, body: unknown, householdId = family.id) => ctx.request(session, { method: 'POST', url: `/api/households/${householdId}/assessments`, payload: body });
const list = (session: Session, query = '', householdId = family.id) => ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/assessments${query}` });
const glance = (session: Session, householdId = family.id) => ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/glance` });
const patch = (session: Session, id: string, body: unknown) => ctx.request(session, { method: 'PATCH', url: `/api/assessments/${id}`, payload: body });

beforeAll(async () => {
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  ({ nord, worker, colleague, family } = await providerWithFamily<Household>(ctx));
});

describe('needs assessments', () => {
  it('assesses a person and the household per area, newest first, with who assessed', async () => {
    const first = await create(worker, { personId: member(0), areaCode: 'language', level: 'high', assessedOn: '2026-03-01', note: 'Kein Kursplatz' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<Assessment>()).toMatchObject({ personId: member(0), areaCode: 'language', level: 'high', sealed: false, version: 1, assessedBy: { id: worker.accountId } });
    expect((await create(worker, { personId: member(0), areaCode: 'language', level: 'medium', assessedOn: '2026-09-15', note: 'B1-Kurs begonnen' })).statusCode).toBe(201);
    expect((await create(worker, { areaCode: 'housing', level: 'acute', assessedOn: '2026-11-20', note: MARKED, sensitive: true })).statusCode).toBe(201);
    expect((await create(worker, { personId: member(1), areaCode: 'health', level: 'high', assessedOn: '2026-11-25', note: SECRET })).statusCode).toBe(201);
    const res = await list(colleague);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ assessments: Assessment[] }>().assessments.map((x) => [x.areaCode, x.level, x.assessedOn, x.sealed])).toEqual([
      ['health', 'high', '2026-11-25', true],
      ['housing', 'acute', '2026-11-20', true],
      ['language', 'medium', '2026-09-15', false],
      ['language', 'high', '2026-03-01', false],
    ]);
    expect(res.json<{ assessments: Assessment[] }>().assessments[0]?.note).toBe(SECRET);
  });

  it('answers one area\'s history on its own', async () => {
    const res = await list(worker, '?areaCode=language');
    expect(res.json<{ assessments: Assessment[] }>().assessments.map((x) => [x.level, x.note])).toEqual([['medium', 'B1-Kurs begonnen'], ['high', 'Kein Kursplatz']]);
  });

  it('seals notes in a sensitive area and notes marked sensitive: the raw table holds no plaintext', async () => {
    const raw = await owner<{ note: string; area_code: string }>(sql`select note, area_code from need_assessment where household_id = ${family.id} and note_sealed order by area_code`);
    expect(raw.map((r) => [r.area_code, r.note.startsWith('v1.')])).toEqual([['health', true], ['housing', true]]);
    const [dump] = await owner<{ n: number }>(sql`select count(*)::int as n from need_assessment a where a::text ilike '%panik%' or a::text ilike '%mietschulden%'`);
    expect(dump?.n).toBe(0);
  });

  it('writes one anonymous statistics row per assessment with the need level', async () => {
    const rows = await owner<Record<string, unknown>>(sql`select * from case_statistic where organisation_id = ${nord} and source = 'assessment' order by year, month, area_code`);
    expect(rows.map((r) => [r.area_code, r.need_level, r.block_code, r.year, r.month, r.region_code, r.counted_persons])).toEqual([
      ['language', 'high', 'basic', 2026, 3, 'nord', 1],
      ['language', 'medium', 'basic', 2026, 9, 'nord', 1],
      ['health', 'high', 'basic', 2026, 11, 'nord', 1],
      ['housing', 'acute', 'basic', 2026, 11, 'nord', 4],
    ]);
    const ids = [family.id, ...family.members.map((m) => m.id)];
    const [leak] = await owner<{ n: number }>(sql`select count(*)::int as n from (select (to_jsonb(c) - 'id' - 'organisation_id')::text as t from case_statistic c) s where ${sql.join(ids.map((id) => sql`s.t like ${`%${id}%`}`), sql` or `)} or s.t ilike '%panik%' or s.t ilike '%kursplatz%'`);
    expect(leak?.n).toBe(0);
  });

  it('audits every view of the assessments and of the glance', async () => {
    await glance(colleague);
    const audits = await owner<{ action: string; account_id: string }>(sql`select action, actor_account_id as account_id from audit_entry where organisation_id = ${nord} and (action like 'assessment.%' or action = 'household.glance') order by seq`);
    expect(audits.map((x) => x.action)).toEqual(['assessment.create', 'assessment.create', 'assessment.create', 'assessment.create', 'assessment.list', 'assessment.list', 'household.glance']);
    expect(audits.at(-1)?.account_id).toBe(colleague.accountId);
  });

  it('refuses the second of two corrections from the same version with the other\'s as `current`', async () => {
    const [latest] = (await list(worker, '?areaCode=language')).json<{ assessments: Assessment[] }>().assessments;
    const mine = await patch(worker, latest?.id ?? '', { version: 1, level: 'low' });
    expect([mine.statusCode, mine.json<Assessment>().version, mine.json<Assessment>().level]).toEqual([200, 2, 'low']);
    const theirs = await patch(colleague, latest?.id ?? '', { version: 1, level: 'high', note: 'überschrieben?' });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json<{ current: Assessment }>().current).toMatchObject({ version: 2, level: 'low', note: 'B1-Kurs begonnen' });
  });

  it('answers field errors for a stranger, an unknown area and a day in the future', async () => {
    const res = await create(worker, { personId: '00000000-0000-4000-8000-000000000000', areaCode: 'atlantis', level: 'low', assessedOn: '2026-12-02' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['personId', 'areaCode', 'assessedOn']);
  });
});

describe('the household at a glance', () => {
  it('shows per row the latest need per area, the dates, the Grundleistung clock and its Fachleistung prompt', async () => {
    const res = await glance(worker);
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json<HouseholdGlance>();
    expect(g.areas.map((x) => x.code)).toContain('language');
    expect(g.rows.map((r) => [r.kind, r.personId])).toEqual([['household', null], ...family.members.map((m) => ['person', m.id])]);
    expect(g.rows[0]?.needs).toEqual({ housing: { level: 'acute', assessedOn: '2026-11-20', assessmentId: expect.any(String) } });
    expect(g.rows[1]?.needs.language?.level).toBe('low');
    expect(g.rows[1]).toMatchObject({ residenceExpiresOn: '2027-01-31', assignedOn: '2026-02-01' });
    expect(g.rows[2]?.needs.health?.level).toBe('high');
    expect(g.basicService).toEqual({ assignedOn: '2026-02-01', endsOn: '2027-01-31', daysLeft: 61, status: 'closing', closing: true, fachleistungPrompt: true, promptAreas: ['health', 'housing'] });
    expect(g.goals).toEqual({});
    expect(g.permittedActions).toContain('assessment.create');
  });
});

describe('who reaches assessments', () => {
  it('answers 404 to a Süd social worker of the same provider and to another provider, 403 to the city', async () => {
    const account = await ctx.account(nord, 'social_worker');
    await ctx.database.db.owner.execute(sql`insert into account_region (account_id, region_code) values (${account.id}, 'sued')`);
    const sued = await ctx.login(account.email);
    const stranger = await ctx.staff('social_worker');
    const [one] = (await list(worker)).json<{ assessments: Assessment[] }>().assessments;
    for (const session of [sued, stranger]) {
      expect((await list(session)).statusCode).toBe(404);
      expect((await glance(session)).statusCode).toBe(404);
      expect((await create(session, { areaCode: 'work', level: 'low', assessedOn: '2026-11-01' })).statusCode).toBe(404);
      expect((await patch(session, one?.id ?? '', { version: 1, level: 'none' })).statusCode).toBe(404);
    }
    expect((await list(await ctx.staff('city_coordinator'))).statusCode).toBe(403);
    expect((await list(worker)).json<{ assessments: Assessment[] }>().assessments).toHaveLength(4);
  });

  it('keeps the assessments inside the tenant under FORCE-d row-level security', async () => {
    const other = (await ctx.organisation('provider')).id;
    const count = (organisationId: string) => ctx.database.db.transaction({ kind: 'tenant', organisationId }, async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from need_assessment`))[0]?.n);
    expect([await count(nord), await count(other)]).toEqual([4, 0]);
    const [forced] = await owner<{ relforcerowsecurity: boolean }>(sql`select relforcerowsecurity from pg_class where relname = 'need_assessment'`);
    expect(forced?.relforcerowsecurity).toBe(true);
  });
});
