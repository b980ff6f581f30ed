import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '#server/db.ts';
import { insertServiceAgreement } from '#server/modules/calls/calls.public.ts';
import { insertOffice } from '#server/modules/offices/offices.queries.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

/**
 * Region assignment of staff accounts (account_region): set through PATCH /api/accounts/:id
 * (action account.assign-regions), read with the session (GET /api/auth/me), and the catalogue's
 * `region` reach follows it: a coordinator assigned to Nord cannot assess a Süd office, a social
 * worker assigned to Nord does not see its provider's Süd calendar (404 as for an unknown office).
 */

let ctx: TestContext;
let provider: { id: string };
let other: { id: string };
let cityAdmin: Session;
let providerAdmin: Session;
let otherAdmin: Session;
let coordinatorId = '';
let workerId = '';
const offices = { nord: '', sued: '' };

type Problem = { status: number; type: string; errors?: { field: string }[] };
/** A problem body without what differs per request (its URL and id). */
const stable = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'instance' && k !== 'requestId'));

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-11-16T10:00:00Z');
  provider = await ctx.organisation('provider');
  other = await ctx.organisation('provider');
  await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    for (const code of ['nord', 'sued'] as const) {
      const region = await findRegion(tx, code);
      if (!region) throw new Error('reference data missing');
      await insertServiceAgreement(tx, { providerId: provider.id, regionId: region.id, validFrom: '2019-07-01' });
      const row = await insertOffice(tx, { providerId: provider.id, regionId: region.id, name: `Büro ${code}`, street: 'Teststraße', houseNumber: '1', postcode: '01099', city: 'Dresden', lat: 51.06, lon: 13.75, validFrom: '2020-01-01' });
      offices[code] = row.id;
    }
  });
  cityAdmin = await ctx.staff('city_admin');
  providerAdmin = await ctx.staff('provider_admin', provider.id);
  otherAdmin = await ctx.staff('provider_admin', other.id);
  coordinatorId = (await ctx.account(cityAdmin.organisationId, 'city_coordinator')).id;
  workerId = (await ctx.account(provider.id, 'social_worker')).id;
});
afterAll(async () => ctx.close());

const assign = (session: Session, id: string, regionCodes: string[] | null) => ctx.request(session, { method: 'PATCH', url: `/api/accounts/${id}`, payload: { regionCodes } });

describe('assigning accounts to regions', () => {
  it('starts unassigned: null in the account and in /api/auth/me', async () => {
    const account = await ctx.request(providerAdmin, { method: 'GET', url: `/api/accounts/${workerId}` });
    expect(account.json<{ regionCodes: unknown }>().regionCodes).toBeNull();
    const me = await ctx.request(providerAdmin, { method: 'GET', url: '/api/auth/me' });
    expect(me.json<{ regionCodes: unknown }>().regionCodes).toBeNull();
  });

  it('lets a provider admin assign its staff to a region of its service agreements, audited; the session reads it', async () => {
    const res = await assign(providerAdmin, workerId, ['nord']);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ regionCodes: string[] }>().regionCodes).toEqual(['nord']);
    const audit = await queryRows<{ action: string }>(ctx.database.db.owner, sql`select action from audit_entry where ${workerId} = any(record_ids) and action = 'account.assign-regions'`);
    expect(audit).toHaveLength(1);
    const list = await ctx.request(providerAdmin, { method: 'GET', url: '/api/accounts' });
    expect(list.json<{ id: string; regionCodes: string[] | null }[]>().find((a) => a.id === workerId)?.regionCodes).toEqual(['nord']);
  });

  it('refuses an unknown region and, for a provider, a region without its agreement, with a field error', async () => {
    const unknown = await assign(providerAdmin, workerId, ['nord', 'atlantis']);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'regionCodes.1' })]);
    const west = await assign(providerAdmin, workerId, ['west']);
    expect(west.statusCode).toBe(400);
    expect(west.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'regionCodes.0', message: expect.any(String) })]);
    const empty = await assign(providerAdmin, workerId, []);
    expect(empty.statusCode).toBe(400);
    const account = await ctx.request(providerAdmin, { method: 'GET', url: `/api/accounts/${workerId}` });
    expect(account.json<{ regionCodes: string[] }>().regionCodes).toEqual(['nord']);
  });

  it("answers 404 for another provider's account, as for an unknown one", async () => {
    const foreign = await assign(otherAdmin, workerId, ['nord']);
    const unknown = await assign(otherAdmin, '00000000-0000-4000-8000-000000000000', ['nord']);
    expect(foreign.statusCode).toBe(404);
    expect(stable(foreign.json())).toEqual(stable(unknown.json()));
  });

  it("a social worker assigned to Nord sees its provider's Nord calendar, not the Süd one (404)", async () => {
    const worker = await ctx.login((await ctx.request(providerAdmin, { method: 'GET', url: `/api/accounts/${workerId}` })).json<{ email: string }>().email);
    const me = await ctx.request(worker, { method: 'GET', url: '/api/auth/me' });
    expect(me.json<{ regionCodes: string[] }>().regionCodes).toEqual(['nord']);
    expect((await ctx.request(worker, { method: 'GET', url: `/api/offices/${offices.nord}/calendar` })).statusCode).toBe(200);
    const sued = await ctx.request(worker, { method: 'GET', url: `/api/offices/${offices.sued}/calendar` });
    expect(sued.statusCode).toBe(404);
    expect(sued.json<Problem>().type).toBe('/problems/not-found');
    // the office lists say so too
    const list = (await ctx.request(worker, { method: 'GET', url: '/api/offices' })).json<{ id: string; permittedActions: string[] }[]>();
    expect(list.find((o) => o.id === offices.nord)?.permittedActions).toContain('appointment.read-calendar');
    expect(list.find((o) => o.id === offices.sued)?.permittedActions).not.toContain('appointment.read-calendar');
    // unassigned again: every region of its organisation
    expect((await assign(providerAdmin, workerId, null)).statusCode).toBe(200);
    expect((await ctx.request(worker, { method: 'GET', url: `/api/offices/${offices.sued}/calendar` })).statusCode).toBe(200);
  });

  it('a coordinator assigned to Nord assesses Nord offices, not Süd ones (404)', async () => {
    const res = await assign(cityAdmin, coordinatorId, ['nord']);
    expect(res.statusCode, res.body).toBe(200);
    const coordinator = await ctx.login(res.json<{ email: string }>().email);
    const assessment = { footpaths: null, signage: null, position: null };
    const nord = await ctx.request(coordinator, { method: 'PUT', url: `/api/offices/${offices.nord}/site-assessment`, payload: assessment });
    expect(nord.statusCode, nord.body).toBe(204);
    const sued = await ctx.request(coordinator, { method: 'PUT', url: `/api/offices/${offices.sued}/site-assessment`, payload: assessment });
    expect(sued.statusCode).toBe(404);
    const detail = await ctx.request(coordinator, { method: 'GET', url: `/api/offices/${offices.sued}` });
    expect(detail.json<{ permittedActions: string[] }>().permittedActions).not.toContain('office.assess-site');
    expect((await ctx.request(coordinator, { method: 'GET', url: `/api/offices/${offices.nord}` })).json<{ permittedActions: string[] }>().permittedActions).toContain('office.assess-site');
  });

  it("a provider's accounts' assignments stay inside its tenant (RLS)", async () => {
    const seen = await ctx.database.db.transaction({ kind: 'tenant', organisationId: other.id }, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from account_region`));
    expect(seen[0]?.n).toBe(0);
    const own = await ctx.database.db.transaction({ kind: 'tenant', organisationId: cityAdmin.organisationId }, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from account_region`));
    expect(own[0]?.n).toBe(1);
    await expect(
      ctx.database.db.transaction({ kind: 'tenant', organisationId: other.id }, (tx) => tx.execute(sql`insert into account_region (account_id, region_code) values (${workerId}, 'nord')`)),
    ).rejects.toThrow();
  });
});

describe('permitted actions per account', () => {
  it("names what the viewer may do: an admin its organisation's accounts, not resetting its own second factor", async () => {
    const own = await ctx.request(providerAdmin, { method: 'GET', url: `/api/accounts/${providerAdmin.accountId}` });
    expect(own.json<{ permittedActions: string[] }>().permittedActions).toEqual(['account.read', 'account.edit', 'account.assign-regions']);
    const worker = await ctx.request(providerAdmin, { method: 'GET', url: `/api/accounts/${workerId}` });
    expect(worker.json<{ permittedActions: string[] }>().permittedActions).toEqual(['account.read', 'account.edit', 'account.assign-regions', 'account.reset-second-factor']);
  });

  it('anonymous callers get no permitted actions on offices', async () => {
    const list = (await ctx.request(null, { method: 'GET', url: '/api/offices' })).json<{ permittedActions: string[] }[]>();
    expect(list.length).toBeGreaterThan(0);
    for (const o of list) expect(o.permittedActions).toEqual([]);
    expect((await ctx.request(null, { method: 'GET', url: `/api/offices/${offices.nord}` })).json<{ permittedActions: string[] }>().permittedActions).toEqual([]);
    const mine = (await ctx.request(providerAdmin, { method: 'GET', url: `/api/offices/${offices.nord}` })).json<{ permittedActions: string[] }>().permittedActions;
    expect(mine).toContain('office.edit');
    const theirs = (await ctx.request(otherAdmin, { method: 'GET', url: `/api/offices/${offices.nord}` })).json<{ permittedActions: string[] }>().permittedActions;
    expect(theirs).not.toContain('office.edit');
  });
});
