import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

/**
 * Service agreements: written by the city's administration in the city scope, listed with their
 * provider's and region's names (read through the identity and regions modules, decision 0012), in
 * the regions' order.
 */
let ctx: TestContext;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.staff('city_admin');
});
afterAll(async () => ctx.close());

describe('service agreements', () => {
  it('creates, lists by region order with names, ends an agreement, and audits both writes', async () => {
    const south = await ctx.organisation('provider', 'Südwind Test gGmbH');
    const north = await ctx.organisation('provider', 'Nordlicht Test e. V.');
    const a = await ctx.request(admin, { method: 'POST', url: '/api/service-agreements', payload: { providerId: south.id, regionCode: 'sued', reference: 'T-1', validFrom: '2024-01-01' } });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ provider: { id: south.id, name: 'Südwind Test gGmbH' }, region: { code: 'sued', name: 'Süd' }, reference: 'T-1', validFrom: '2024-01-01', validTo: null });
    const b = await ctx.request(admin, { method: 'POST', url: '/api/service-agreements', payload: { providerId: north.id, regionCode: 'nord', validFrom: '2024-01-01' } });
    expect(b.statusCode, b.body).toBe(201);

    const list = await ctx.request(admin, { method: 'GET', url: '/api/service-agreements' });
    expect(list.statusCode).toBe(200);
    const mine = list.json<{ id: string; provider: { name: string }; region: { code: string } }[]>().filter((r) => r.id === a.json<{ id: string }>().id || r.id === b.json<{ id: string }>().id);
    expect(mine.map((r) => [r.region.code, r.provider.name])).toEqual([['nord', 'Nordlicht Test e. V.'], ['sued', 'Südwind Test gGmbH']]);

    const id = a.json<{ id: string }>().id;
    const ended = await ctx.request(admin, { method: 'PATCH', url: `/api/service-agreements/${id}`, payload: { validTo: '2025-01-01' } });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ id, provider: { name: 'Südwind Test gGmbH' }, region: { code: 'sued' }, validTo: '2025-01-01' });

    const audited = await queryRows<{ action: string }>(ctx.database.db.owner, sql`select action from audit_entry where ${id} = any(record_ids) order by seq`);
    expect(audited.map((r) => r.action)).toEqual(['service-agreement.create', 'service-agreement.update']);
  });

  it('names the field for a provider or region that does not exist, 404 for an unknown agreement, 403 for a provider admin', async () => {
    const unknownProvider = await ctx.request(admin, { method: 'POST', url: '/api/service-agreements', payload: { providerId: randomUUID(), regionCode: 'west', validFrom: '2024-01-01' } });
    expect(unknownProvider.statusCode).toBe(400);
    expect(unknownProvider.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['providerId']);
    const provider = await ctx.organisation('provider');
    const unknownRegion = await ctx.request(admin, { method: 'POST', url: '/api/service-agreements', payload: { providerId: provider.id, regionCode: 'atlantis', validFrom: '2024-01-01' } });
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['regionCode']);
    expect((await ctx.request(admin, { method: 'PATCH', url: `/api/service-agreements/${randomUUID()}`, payload: { reference: 'x' } })).statusCode).toBe(404);
    const providerAdmin = await ctx.staff('provider_admin');
    expect((await ctx.request(providerAdmin, { method: 'POST', url: '/api/service-agreements', payload: { providerId: providerAdmin.organisationId, regionCode: 'west', validFrom: '2024-01-01' } })).statusCode).toBe(403);
  });
});
