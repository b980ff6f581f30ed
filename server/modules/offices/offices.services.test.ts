import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationArea } from '#server/modules/catalog/catalog.schema.ts';
import { insertServiceAgreement } from '#server/modules/calls/calls.queries.ts';
import { findRegion } from '#server/modules/regions/regions.queries.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { officeIntegrationArea, officeServiceBlock } from './offices.schema.ts';

let ctx: TestContext;
let providerA: { id: string };
let providerB: { id: string };
let adminA: Session;
let coordinator: Session;

beforeAll(async () => {
  ctx = await createTestContext({ web: true });
  ctx.clock.now = new Date('2026-11-16T10:00:00Z');
  providerA = await ctx.organisation('provider', 'Träger A');
  providerB = await ctx.organisation('provider', 'Träger B');
  await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const mitte = await findRegion(tx, 'mitte');
    if (!mitte) throw new Error('reference data missing');
    await insertServiceAgreement(tx, { providerId: providerA.id, regionId: mitte.id, validFrom: '2019-07-01' });
  });
  adminA = await ctx.staff('provider_admin', providerA.id);
  coordinator = await ctx.staff('city_coordinator');
});
afterAll(async () => ctx.close());

const body = (over: Record<string, unknown> = {}) => ({
  name: 'Integrationsbüro Mitte',
  regionCode: 'mitte',
  address: { street: 'Testgasse', houseNumber: '3', postcode: '01067', city: 'Dresden' },
  point: { lat: 51.05, lon: 13.74 },
  languages: ['de', 'ar'],
  validFrom: '2020-01-01',
  ...over,
});
type Services = { blocks: string[]; areas: string[] };
type Problem = { type: string; errors: { field: string; message: string }[] };
const detail = async (id: string) => (await ctx.request(null, { method: 'GET', url: `/api/offices/${id}` })).json<{ services: Services }>();

let officeId = '';

describe('services an office offers', () => {
  it('creates an office with services from the catalog, returned in catalog order by list and detail', async () => {
    const res = await ctx.request(adminA, { method: 'POST', url: '/api/offices', payload: body({ services: { blocks: ['specialist', 'basic', 'basic'], areas: ['housing', 'language'] } }) });
    expect(res.statusCode).toBe(201);
    officeId = res.json<{ id: string }>().id;
    expect((await detail(officeId)).services).toEqual({ blocks: ['basic', 'specialist'], areas: ['language', 'housing'] });
    const list = (await ctx.request(null, { method: 'GET', url: '/api/offices' })).json<{ id: string; services: Services }[]>();
    expect(list.find((o) => o.id === officeId)?.services).toEqual({ blocks: ['basic', 'specialist'], areas: ['language', 'housing'] });
  });

  it('creates an office without services when a client does not send them (existing clients keep working)', async () => {
    const res = await ctx.request(coordinator, { method: 'POST', url: '/api/offices', payload: body({ name: 'Ohne Angaben', providerId: providerA.id }) });
    expect(res.statusCode).toBe(201);
    expect((await detail(res.json<{ id: string }>().id)).services).toEqual({ blocks: [], areas: [] });
  });

  it('refuses unknown codes with a field error per code, and creates nothing', async () => {
    const res = await ctx.request(adminA, { method: 'POST', url: '/api/offices', payload: body({ name: 'Falsch', services: { blocks: ['basic', 'consulting'], areas: ['astrology'] } }) });
    expect(res.statusCode).toBe(400);
    const problem = res.json<Problem>();
    expect(problem.errors.map((e) => e.field)).toEqual(['services.blocks.1', 'services.areas.0']);
    expect(problem.errors[0]?.message).toBe('Bitte wählen Sie einen der angebotenen Werte.');
    const list = (await ctx.request(null, { method: 'GET', url: '/api/offices' })).json<{ name: string }[]>();
    expect(list.map((o) => o.name)).not.toContain('Falsch');
  });

  it('replaces the services on update, leaves them alone when the update does not name them', async () => {
    const res = await ctx.request(adminA, { method: 'PATCH', url: `/api/offices/${officeId}`, payload: { services: { blocks: ['open_consultation'], areas: [] } } });
    expect(res.statusCode).toBe(204);
    expect((await detail(officeId)).services).toEqual({ blocks: ['open_consultation'], areas: [] });
    expect((await ctx.request(coordinator, { method: 'PATCH', url: `/api/offices/${officeId}`, payload: { name: 'Integrationsbüro Mitte (neu)' } })).statusCode).toBe(204);
    expect((await detail(officeId)).services).toEqual({ blocks: ['open_consultation'], areas: [] });
  });

  it('refuses an unknown code on update and keeps the previous services', async () => {
    const res = await ctx.request(adminA, { method: 'PATCH', url: `/api/offices/${officeId}`, payload: { services: { blocks: ['basic'], areas: ['language', 'nope'] } } });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors.map((e) => e.field)).toEqual(['services.areas.1']);
    expect((await detail(officeId)).services).toEqual({ blocks: ['open_consultation'], areas: [] });
  });

  it('carries the services over when the office moves', async () => {
    await ctx.request(adminA, { method: 'PATCH', url: `/api/offices/${officeId}`, payload: { services: { blocks: ['basic', 'open_consultation'], areas: ['work'] } } });
    const moved = await ctx.request(adminA, { method: 'POST', url: `/api/offices/${officeId}/move`, payload: { validFrom: '2026-12-01', address: { street: 'Neue Straße', houseNumber: '1', postcode: '01067', city: 'Dresden' }, point: { lat: 51.051, lon: 13.741 } } });
    expect(moved.statusCode).toBe(201);
    expect((await detail(moved.json<{ id: string }>().id)).services).toEqual({ blocks: ['basic', 'open_consultation'], areas: ['work'] });
  });

  it('lets no other provider write an office\'s services (row-level security)', async () => {
    const areaId = await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => (await tx.select().from(integrationArea).where(eq(integrationArea.code, 'crisis')))[0]?.id ?? '');
    await expect(ctx.database.db.transaction({ kind: 'tenant', organisationId: providerB.id }, (tx) => tx.insert(officeIntegrationArea).values({ officeId, integrationAreaId: areaId }))).rejects.toThrow();
    const deleted = await ctx.database.db.transaction({ kind: 'tenant', organisationId: providerB.id }, (tx) => tx.delete(officeServiceBlock).where(eq(officeServiceBlock.officeId, officeId)).returning());
    expect(deleted).toEqual([]);
    const own = await ctx.database.db.transaction({ kind: 'tenant', organisationId: providerA.id }, (tx) => tx.insert(officeIntegrationArea).values({ officeId, integrationAreaId: areaId }).returning());
    expect(own).toHaveLength(1);
  });
});

describe('the public office page', () => {
  it('lists the services in Arabic, labels from the catalog', async () => {
    const res = await ctx.request(null, { method: 'GET', url: `/ar/offices/${officeId}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('الخدمات المقدمة');
    expect(res.body).toContain('الخدمة الأساسية (خدمة الترحيب)');
    expect(res.body).toContain('ساعات الاستشارة المفتوحة');
    expect(res.body).toContain('العمل والتعليم');
    expect(res.body).not.toContain('Fachleistung');
  });

  it('falls back to the German label where the catalog keeps none in the page language', async () => {
    await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, (tx) => tx.update(integrationArea).set({ name: { de: 'Arbeit und Bildung' } }).where(eq(integrationArea.code, 'work')));
    const res = await ctx.request(null, { method: 'GET', url: `/ar/offices/${officeId}` });
    expect(res.body).toContain('<bdi lang="de">Arbeit und Bildung</bdi>');
  });
});
