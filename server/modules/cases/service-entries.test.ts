import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { currentCatalog } from '#server/modules/catalog/catalog.public.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { statisticCells } from './case-work.queries.ts';
import { familyBody } from './cases.fixture.ts';

interface Entry {
  id: string;
  version: number;
  note: string;
  sealed: boolean;
  minutes: number;
  counselledIds: string[];
  alongsideIds: string[];
  service: { id: string; versionId: string; areaCode: string };
}
interface Household { id: string; members: { id: string }[]; caseFile: { status: string } }

let ctx: TestContext;
let nord = '';
let worker: Session;
let family: Household;
let plainService = '';
let sensitiveService = '';
let dayBeforeCatalog = '';

const SECRET = 'Panikattacken seit der Flucht, Termin Psychiatrie';
const members = (i: number): string => family.members[i]?.id ?? '';
const entry = (overrides: Record<string, unknown> = {}) => ({
  occurredOn: '2026-11-20', minutes: 45, serviceId: plainService, setting: 'home_visit', counselledIds: [members(0)], alongsideIds: [members(1)], language: 'ar', interpreter: true, note: 'Schulanmeldung besprochen', ...overrides,
});
const post = (session: Session, body: unknown, householdId = family.id) => ctx.request(session, { method: 'POST', url: `/api/households/${householdId}/service-entries`, payload: body });
const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  nord = (await ctx.organisation('provider', 'Nord e. V.')).id;
  worker = await ctx.staff('social_worker', nord);
  const res = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: familyBody() });
  expect(res.statusCode).toBe(201);
  family = res.json<Household>();
  const catalog = await ctx.database.db.transaction({ kind: 'tenant', organisationId: nord }, (tx) => currentCatalog(tx, new Date('2026-11-20T12:00:00Z')));
  const from = new Date(`${catalog?.version.validFrom ?? ''}T12:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 1);
  dayBeforeCatalog = from.toISOString().slice(0, 10);
  plainService = catalog?.services.find((s) => !s.sensitive && s.active && s.blockCode === 'basic')?.id ?? '';
  sensitiveService = catalog?.services.find((s) => s.sensitive && s.active)?.id ?? '';
  expect(plainService).not.toBe('');
  expect(sensitiveService).not.toBe('');
});
afterAll(async () => ctx.close());

describe('service entries', () => {
  it('documents a home visit with interpreter, the counselled person and a family member alongside told apart, under the catalog version in force', async () => {
    const res = await post(worker, entry());
    expect(res.statusCode).toBe(201);
    const e = res.json<Entry>();
    expect([e.counselledIds, e.alongsideIds, e.minutes, e.note, e.sealed, e.version]).toEqual([[members(0)], [members(1)], 45, 'Schulanmeldung besprochen', false, 1]);
    const [row] = await owner<{ catalog_version_id: string; catalog_service_id: string }>(sql`select catalog_version_id, catalog_service_id from service_entry where id = ${e.id}`);
    expect(row).toEqual({ catalog_version_id: e.service.versionId, catalog_service_id: plainService });
    const household = await ctx.request(worker, { method: 'GET', url: `/api/households/${family.id}` });
    expect(household.json<Household>().caseFile.status).toBe('active');
  });

  it('defaults to today\'s office visit of 30 minutes in German, and answers field errors for a service not in force, a future day and people of another household', async () => {
    const ok = await post(worker, { occurredOn: '2026-12-01', serviceId: plainService, counselledIds: [members(2)] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<Entry & { setting: string; language: string }>()).toMatchObject({ minutes: 30, setting: 'office', language: 'de', alongsideIds: [] });
    for (const wrong of [{ occurredOn: dayBeforeCatalog }, { serviceId: '00000000-0000-4000-8000-000000000000' }]) {
      const res = await post(worker, entry(wrong));
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((x) => x.field)).toEqual(['serviceId']);
    }
    const future = await post(worker, entry({ occurredOn: '2026-12-02' }));
    expect(future.json<{ errors: { field: string }[] }>().errors.map((x) => x.field)).toEqual(['occurredOn']);
    const stranger = await post(worker, entry({ counselledIds: [members(0)], alongsideIds: [members(0), '00000000-0000-4000-8000-000000000000'] }));
    expect(stranger.json<{ errors: { field: string }[] }>().errors.map((x) => x.field)).toEqual(['alongsideIds.0', 'alongsideIds.1']);
  });

  it('seals the note of a sensitive area and of an entry marked sensitive: the raw table holds no plaintext, the API opens it', async () => {
    const health = (await post(worker, entry({ serviceId: sensitiveService, note: SECRET }))).json<Entry>();
    const marked = (await post(worker, entry({ note: `${SECRET} (markiert)`, sensitive: true }))).json<Entry>();
    expect([health.sealed, health.note, marked.sealed]).toEqual([true, SECRET, true]);
    const raw = await owner<{ note: string }>(sql`select note from service_entry where id in (${health.id}, ${marked.id})`);
    expect(raw).toHaveLength(2);
    for (const r of raw) expect([r.note.startsWith('v1.'), r.note.includes('Panik')]).toEqual([true, false]);
    const [dump] = await owner<{ n: number }>(sql`select count(*)::int as n from service_entry s where s::text ilike '%panik%'`);
    expect(dump?.n).toBe(0);
    const read = await ctx.request(worker, { method: 'GET', url: `/api/service-entries/${health.id}` });
    expect(read.json<Entry>().note).toBe(SECRET);
  });

  it('audits every read: the list with the ids shown, one entry by its id', async () => {
    const list = await ctx.request(worker, { method: 'GET', url: `/api/households/${family.id}/service-entries` });
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ entries: Entry[] }>().entries.map((e) => e.id);
    expect(ids.length).toBe(4);
    const audits = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} and action like 'service-entry.%' order by seq`);
    expect(audits.map((a) => a.action)).toEqual(['service-entry.create', 'service-entry.create', 'service-entry.create', 'service-entry.create', 'service-entry.read', 'service-entry.list']);
    expect(audits.at(-1)?.record_ids).toEqual([family.id, ...ids]);
  });

  it('refuses a second correction made from the same version with the current entry, never overwriting it', async () => {
    const e = (await post(worker, entry())).json<Entry>();
    const first = await ctx.request(worker, { method: 'PATCH', url: `/api/service-entries/${e.id}`, payload: { version: 1, minutes: 60 } });
    expect([first.statusCode, first.json<Entry>().minutes, first.json<Entry>().version]).toEqual([200, 60, 2]);
    const second = await ctx.request(worker, { method: 'PATCH', url: `/api/service-entries/${e.id}`, payload: { version: 1, minutes: 15 } });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ current: Entry }>().current).toMatchObject({ minutes: 60, version: 2 });
  });

  it('answers 404 to another provider\'s social worker, for the list, the entry and a new entry', async () => {
    const sued = await ctx.staff('social_worker', (await ctx.organisation('provider', 'Süd gGmbH')).id);
    const [anyEntry] = await owner<{ id: string }>(sql`select id from service_entry limit 1`);
    expect((await ctx.request(sued, { method: 'GET', url: `/api/households/${family.id}/service-entries` })).statusCode).toBe(404);
    expect((await ctx.request(sued, { method: 'GET', url: `/api/service-entries/${anyEntry?.id ?? ''}` })).statusCode).toBe(404);
    expect((await post(sued, entry())).statusCode).toBe(404);
    const evaluator = await ctx.staff('evaluator');
    expect((await ctx.request(evaluator, { method: 'GET', url: `/api/households/${family.id}/service-entries` })).statusCode).toBe(403);
  });
});

describe('statistics captured at entry', () => {
  it('writes one anonymous row per entry: no name, date of birth, free text or id of household, person or entry', async () => {
    const rows = await owner<Record<string, unknown>>(sql`select * from case_statistic where organisation_id = ${nord} order by counted_persons desc, minutes desc`);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ source: 'service_entry', year: 2026, month: 11, setting: 'home_visit', language: 'ar', interpreter: true, region_code: 'nord', quarter_code: '11', age_band: '27-44', sex: 'male', residence_group: 'asylum_procedure', counted_persons: 2, alongside_persons: 1 });
    const ids = [family.id, ...family.members.map((m) => m.id)];
    const [leak] = await owner<{ n: number }>(sql`select count(*)::int as n from (select (to_jsonb(c) - 'id' - 'organisation_id')::text as t from case_statistic c) s where ${sql.join(ids.map((id) => sql`s.t like ${`%${id}%`}`), sql` or `)} or s.t ilike '%hassan%' or s.t ilike '%schul%' or s.t like '%1984%'`);
    expect(leak?.n).toBe(0);
  });

  it('lets the application insert rows but never read, change or delete them directly', async () => {
    const tenant = { kind: 'tenant', organisationId: nord } as const;
    // PostgreSQL refuses (no SELECT, UPDATE, DELETE grant); where the role is not switched, RLS has no policy for them: no row.
    const attempt = (query: ReturnType<typeof sql>) => ctx.database.db.transaction(tenant, (tx) => queryRows(tx, query)).catch(() => 'refused');
    for (const query of [sql`select * from case_statistic`, sql`delete from case_statistic returning id`, sql`update case_statistic set minutes = 0 returning id`]) {
      expect(['refused', '[]']).toContain(JSON.stringify(await attempt(query)).replaceAll('"', ''));
    }
    const [left] = await owner<{ n: number; zero: number }>(sql`select count(*)::int as n, count(*) filter (where minutes = 0)::int as zero from case_statistic where organisation_id = ${nord}`);
    expect(left).toEqual({ n: 5, zero: 0 });
  });

  it('answers aggregates: the city all providers, a provider its own, another provider nothing; small cells suppressed', async () => {
    const city = (await ctx.organisation('city')).id;
    const other = (await ctx.organisation('provider')).id;
    const cells = await ctx.database.db.transaction({ kind: 'city', organisationId: city }, (tx) => statisticCells(tx, 'none', '2026-11-01', '2026-12-31'));
    const basic = cells.filter((c) => c.block_code === 'basic' && !c.suppressed);
    expect(basic.reduce((n, c) => n + (c.contacts ?? 0), 0)).toBeGreaterThanOrEqual(3);
    expect(cells.some((c) => c.suppressed && c.contacts === null && c.minutes === null)).toBe(true);
    const own = await ctx.database.db.transaction({ kind: 'tenant', organisationId: nord }, (tx) => statisticCells(tx, 'language', '2026-11-01', '2026-12-31'));
    expect(own.length).toBeGreaterThan(0);
    const none = await ctx.database.db.transaction({ kind: 'tenant', organisationId: other }, (tx) => statisticCells(tx, 'none', '2026-01-01', '2026-12-31'));
    expect(none).toEqual([]);
    await expect(ctx.database.db.transaction({ kind: 'city', organisationId: city }, (tx) => statisticCells(tx, 'organisation_id', '2026-01-01', '2026-12-31'))).rejects.toThrow();
  });

  it('survives erasing the case content', async () => {
    await owner(sql`delete from service_entry where household_id = ${family.id}`);
    await owner(sql`delete from case_assignment where organisation_id = ${nord}`);
    await owner(sql`delete from case_file where household_id = ${family.id}`);
    await owner(sql`delete from person_name_key where organisation_id = ${nord}`);
    await owner(sql`delete from person where household_id = ${family.id}`);
    await owner(sql`delete from household where id = ${family.id}`);
    const [left] = await owner<{ n: number; minutes: number }>(sql`select count(*)::int as n, sum(minutes)::int as minutes from case_statistic where organisation_id = ${nord}`);
    expect(left).toEqual({ n: 5, minutes: 45 + 30 + 45 + 45 + 45 });
  });
});
