import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner, PartnerList } from '#contracts/network.ts';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { tenantTableFacts } from '#test/rls.ts';

type Problem = { type: string; errors?: { field: string; message: string }[]; current?: Partner };

let ctx: TestContext;
let nord = '';
let admin: Session;
let worker: Session;
let jobcenter: Partner;

const create = (session: Session, body: Record<string, unknown>) => ctx.request(session, { method: 'POST', url: '/api/partners', payload: body });
const list = (session: Session, query = '') => ctx.request(session, { method: 'GET', url: `/api/partners${query}` });
const update = (session: Session, id: string, body: Record<string, unknown>) => ctx.request(session, { method: 'PATCH', url: `/api/partners/${id}`, payload: body });
const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  nord = (await ctx.organisation('provider', 'Nord e. V.')).id;
  admin = await ctx.staff('provider_admin', nord);
  worker = await ctx.staff('social_worker', nord);
  const res = await create(admin, { regionCode: 'nord', kind: 'jobcenter', name: 'Jobcenter Dresden, Geschäftsstelle Nord', contact: 'Königsbrücker Str. 1, 0351 000' });
  expect(res.statusCode, res.body).toBe(201);
  jobcenter = res.json<Partner>();
});
afterAll(async () => ctx.close());

describe('partners', () => {
  it('lets the provider\'s administrator add partners per region, each name once per region (any case), and its staff read them by region, kind and name; audited', async () => {
    expect(jobcenter).toMatchObject({ regionCode: 'nord', kind: 'jobcenter', contact: 'Königsbrücker Str. 1, 0351 000', archived: false, version: 1 });
    expect((await create(admin, { regionCode: 'nord', kind: 'language_course', name: 'VHS Dresden' })).statusCode).toBe(201);
    expect((await create(admin, { regionCode: 'sued', kind: 'language_course', name: 'VHS Dresden' })).statusCode).toBe(201);
    const twice = await create(admin, { regionCode: 'nord', kind: 'other', name: 'vhs dresden' });
    expect([twice.statusCode, twice.json<Problem>().errors?.map((e) => e.field)]).toEqual([400, ['name']]);
    const unknown = await create(admin, { regionCode: 'atlantis', kind: 'other', name: 'X' });
    expect([unknown.statusCode, unknown.json<Problem>().errors?.map((e) => e.field)]).toEqual([400, ['regionCode']]);
    expect((await create(admin, { regionCode: 'nord', kind: 'bakery', name: 'X' })).statusCode).toBe(400);

    const all = (await list(worker)).json<PartnerList>();
    expect(all.partners.map((p) => [p.regionCode, p.kind, p.name])).toEqual([
      ['nord', 'jobcenter', 'Jobcenter Dresden, Geschäftsstelle Nord'],
      ['nord', 'language_course', 'VHS Dresden'],
      ['sued', 'language_course', 'VHS Dresden'],
    ]);
    expect(all.permittedActions).toEqual(['partner.read']);
    expect((await list(admin)).json<PartnerList>().permittedActions).toEqual(['partner.read', 'partner.manage']);
    expect((await list(worker, '?regionCode=sued')).json<PartnerList>().partners.map((p) => p.regionCode)).toEqual(['sued']);
    const [audit] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} and action like 'partner.%' order by seq desc limit 1`);
    expect(audit?.action).toBe('partner.list');
  });

  it('shows a social worker assigned to a region the partners of that region only', async () => {
    const assigned = await ctx.staff('social_worker', nord);
    // (assigned directly: the test provider holds no service agreement the account API would check)
    await owner(sql`insert into account_region (account_id, region_code) values (${assigned.accountId}, 'sued')`);
    expect((await list(assigned)).json<PartnerList>().partners.map((p) => p.regionCode)).toEqual(['sued']);
    expect((await list(assigned, '?regionCode=nord')).json<PartnerList>().partners).toEqual([]);
  });

  it('changes and archives with the version read (409 with `current`); archived ones are listed on request only', async () => {
    const renamed = await update(admin, jobcenter.id, { version: 1, contact: 'Frau Weber, 0351 111' });
    expect([renamed.statusCode, renamed.json<Partner>().version]).toEqual([200, 2]);
    const stale = await update(admin, jobcenter.id, { version: 1, archived: true });
    expect([stale.statusCode, stale.json<Problem>().current?.contact]).toEqual([409, 'Frau Weber, 0351 111']);
    const archived = await update(admin, jobcenter.id, { version: 2, archived: true });
    expect(archived.json<Partner>()).toMatchObject({ archived: true, version: 3 });
    expect((await list(worker, '?regionCode=nord')).json<PartnerList>().partners.map((p) => p.name)).toEqual(['VHS Dresden']);
    expect((await list(worker, '?regionCode=nord&includeArchived=true')).json<PartnerList>().partners.map((p) => p.name)).toContain(jobcenter.name);
    const restored = await update(admin, jobcenter.id, { version: 3, archived: false });
    expect(restored.json<Partner>()).toMatchObject({ archived: false, version: 4 });
    const audits = await owner<{ action: string }>(sql`select action from audit_entry where organisation_id = ${nord} and action = 'partner.update'`);
    expect(audits.length).toBe(3);
  });
});

describe('partners: who may see and keep them', () => {
  it('answers 404 to another provider\'s administrator and shows its staff none of them', async () => {
    const other = await ctx.staff('provider_admin');
    expect((await update(other, jobcenter.id, { version: 4, name: 'Übernommen' })).statusCode).toBe(404);
    expect((await list(other)).json<PartnerList>().partners).toEqual([]);
    const [row] = await owner<{ name: string }>(sql`select name from partner where id = ${jobcenter.id}`);
    expect(row?.name).toBe(jobcenter.name);
  });

  it('answers 403 to a social worker keeping the list and to city staff reading it', async () => {
    expect((await create(worker, { regionCode: 'nord', kind: 'other', name: 'Verein' })).statusCode).toBe(403);
    expect((await update(worker, jobcenter.id, { version: 4, name: 'X' })).statusCode).toBe(403);
    for (const role of ['city_coordinator', 'city_admin', 'evaluator'] as const) {
      const session = await ctx.staff(role);
      expect([role, (await list(session)).statusCode]).toEqual([role, 403]);
    }
  });

  it('has RLS enabled and FORCE-d; another provider and the city scope read no row; lotse_app never deletes', async () => {
    expect(await tenantTableFacts(ctx, 'partner', nord)).toEqual({ rls: true, forced: true, foreign: { tenant: 0, city: 0, public: 0 }, own: 3, appDeletes: false });
  });
});
