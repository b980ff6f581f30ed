import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getPlaceInfoSchemaDefinition } from '@sozialhelden/a11yjson';
import SimpleSchema from '@sozialhelden/simpl-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { sql } from 'drizzle-orm';
import { insertServiceAgreement } from '#server/modules/calls/calls.queries.ts';
import { systemActor } from '#server/modules/identity/actor.ts';
import { findRegion } from '#server/modules/regions/regions.queries.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { importGtfs } from './gtfs.import.ts';

let ctx: TestContext;
let providerA: { id: string };
let providerB: { id: string };
let adminA: Session;
let adminB: Session;
let coordinator: Session;

const fixture = fileURLToPath(new URL('../../../test/fixtures/gtfs', import.meta.url));

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-11-16T10:00:00Z');
  providerA = await ctx.organisation('provider', 'Träger A');
  providerB = await ctx.organisation('provider', 'Träger B');
  await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const mitte = await findRegion(tx, 'mitte');
    const sued = await findRegion(tx, 'sued');
    if (!mitte || !sued) throw new Error('reference data missing');
    await insertServiceAgreement(tx, { providerId: providerA.id, regionId: mitte.id, validFrom: '2019-07-01' });
    await insertServiceAgreement(tx, { providerId: providerB.id, regionId: sued.id, validFrom: '2019-07-01' });
  });
  adminA = await ctx.staff('provider_admin', providerA.id);
  adminB = await ctx.staff('provider_admin', providerB.id);
  coordinator = await ctx.staff('city_coordinator');
});
afterAll(async () => ctx.close());

const body = (over: Record<string, unknown> = {}) => ({
  name: 'Integrationsbüro Mitte',
  regionCode: 'mitte',
  address: { street: 'Testgasse', houseNumber: '3', postcode: '01067', city: 'Dresden' },
  point: { lat: 51.05, lon: 13.74 },
  contact: { phone: '+49 351 000000', email: 'buero@mitte.test', web: '' },
  languages: ['de', 'ar', 'uk'],
  openingHours: [
    { weekday: 1, opens: '09:00', closes: '10:00' },
    { weekday: 4, opens: '14:00', closes: '19:00' },
  ],
  accessibility: { entrances: [{ stepCount: 0, doorWidthCm: 95, automaticDoor: 'yes' }], floor: 0, accessibleToilet: 'unknown', hearingLoop: 'no' },
  validFrom: '2020-01-01',
  ...over,
});

let officeA = '';

describe('writing offices', () => {
  it('lets the provider holding the region\'s agreement create an office, audited', async () => {
    const res = await ctx.request(adminA, { method: 'POST', url: '/api/offices', payload: body() });
    expect(res.statusCode).toBe(201);
    officeA = res.json<{ id: string }>().id;
    const audit = await queryRows<{ action: string }>(ctx.database.db.owner, sql`select action from audit_entry where ${officeA} = any(record_ids)`);
    expect(audit.map((a) => a.action)).toEqual(['office.create']);
  });

  it('refuses a provider without the region\'s agreement', async () => {
    const res = await ctx.request(adminB, { method: 'POST', url: '/api/offices', payload: body() });
    expect(res.statusCode).toBe(403);
  });

  it('answers 404 when a provider edits another provider\'s office, and changes nothing', async () => {
    const res = await ctx.request(adminB, { method: 'PATCH', url: `/api/offices/${officeA}`, payload: { name: 'Gekapert' } });
    expect(res.statusCode).toBe(404);
    const detail = await ctx.request(null, { method: 'GET', url: `/api/offices/${officeA}` });
    expect(detail.json<{ name: string }>().name).toBe('Integrationsbüro Mitte');
  });

  it('lets the owner and the city coordinator update', async () => {
    expect((await ctx.request(adminA, { method: 'PATCH', url: `/api/offices/${officeA}`, payload: { languages: ['de', 'ar', 'fa'] } })).statusCode).toBe(204);
    expect((await ctx.request(coordinator, { method: 'PATCH', url: `/api/offices/${officeA}`, payload: { contact: { phone: '+49 351 111' } } })).statusCode).toBe(204);
    const detail = (await ctx.request(null, { method: 'GET', url: `/api/offices/${officeA}` })).json<{ languages: string[]; contact: { phone: string } }>();
    expect(detail.languages).toEqual(['de', 'ar', 'fa']);
    expect(detail.contact.phone).toBe('+49 351 111');
  });

  it('lets the city create an office for a provider, but only where the provider holds the agreement', async () => {
    const wrong = await ctx.request(coordinator, { method: 'POST', url: '/api/offices', payload: body({ providerId: providerB.id }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('providerId');
    const ok = await ctx.request(coordinator, { method: 'POST', url: '/api/offices', payload: body({ providerId: providerB.id, regionCode: 'sued', name: 'Büro Süd', point: { lat: 51.01, lon: 13.82 } }) });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses social workers and anonymous callers', async () => {
    const worker = await ctx.staff('social_worker', providerA.id);
    expect((await ctx.request(worker, { method: 'PATCH', url: `/api/offices/${officeA}`, payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await ctx.request(null, { method: 'POST', url: '/api/offices', payload: body() })).statusCode).toBe(401);
  });
});

describe('public list and detail', () => {
  it('lists the offices in force today with region, provider, point, hours and languages', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/api/offices' });
    expect(res.statusCode).toBe(200);
    const list = res.json<{ id: string; region: { code: string }; provider: { name: string }; point: { lat: number }; openingHours: unknown[]; languages: string[] }[]>();
    const a = list.find((o) => o.id === officeA);
    expect(a).toMatchObject({ region: { code: 'mitte', name: 'Mitte' }, provider: { name: 'Träger A' }, point: { lat: 51.05, lon: 13.74 } });
    expect(a?.openingHours).toEqual([
      { weekday: 1, opens: '09:00', closes: '10:00', kind: 'open' },
      { weekday: 4, opens: '14:00', closes: '19:00', kind: 'open' },
    ]);
    expect((await ctx.request(null, { method: 'GET', url: '/api/offices?at=2019-01-01' })).json<unknown[]>()).toEqual([]);
    expect((await ctx.request(null, { method: 'GET', url: '/api/offices?region=sued' })).json<{ name: string }[]>().map((o) => o.name)).toEqual(['Büro Süd']);
  });

  it('keeps history when an office moves', async () => {
    const moved = await ctx.request(adminA, { method: 'POST', url: `/api/offices/${officeA}/move`, payload: { validFrom: '2027-01-01', address: { street: 'Neue Straße', houseNumber: '1', postcode: '01069', city: 'Dresden' }, point: { lat: 51.04, lon: 13.74 } } });
    expect(moved.statusCode).toBe(201);
    const after = (await ctx.request(null, { method: 'GET', url: '/api/offices?at=2027-02-01&region=mitte' })).json<{ id: string; address: { street: string } }[]>();
    expect(after.map((o) => o.address.street)).toEqual(['Neue Straße']);
    const before = (await ctx.request(null, { method: 'GET', url: '/api/offices?at=2026-12-01&region=mitte' })).json<{ id: string }[]>();
    expect(before.map((o) => o.id)).toEqual([officeA]);
  });

  it('answers 404 for an unknown office', async () => {
    expect((await ctx.request(null, { method: 'GET', url: '/api/offices/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });

  it('exports A11yJSON that validates with @sozialhelden/a11yjson; unknown facts are left out', async () => {
    const res = await ctx.request(null, { method: 'GET', url: `/api/offices/${officeA}/a11y.json` });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ properties: { accessibility: Record<string, unknown> } }>();
    const validation = new SimpleSchema(getPlaceInfoSchemaDefinition()).newContext();
    validation.validate(doc);
    expect(validation.validationErrors()).toEqual([]);
    expect(doc.properties.accessibility['hasInductionLoop']).toBe(false);
    expect('restrooms' in doc.properties.accessibility).toBe(false);
    const broken = structuredClone(doc);
    broken.properties.accessibility['hasInductionLoop'] = 'unknown';
    const again = new SimpleSchema(getPlaceInfoSchemaDefinition()).newContext();
    again.validate(broken);
    expect(again.isValid()).toBe(false);
  });
});

describe('public transport and scorecard', () => {
  it('shows transit as unknown before any stops are imported', async () => {
    const card = (await ctx.request(coordinator, { method: 'GET', url: `/api/offices/${officeA}/scorecard` })).json<{ criteria: { criterion: string; light: string }[] }>();
    expect(card.criteria.find((c) => c.criterion === 'transit')?.light).toBe('unknown');
  });

  it('imports the GTFS fixture and finds the nearest stops with walking time and departures', async () => {
    const result = await importGtfs(ctx.deps, systemActor, fixture);
    expect(result).toMatchObject({ stops: 3, skipped: 1 });
    const detail = (await ctx.request(null, { method: 'GET', url: `/api/offices/${officeA}` })).json<{ nearestStops: { stopId: string; lines: string[]; walkingMetres: number; walkingMinutes: number; departuresPerHour: number | null }[] }>();
    expect(detail.nearestStops.map((s) => s.stopId)).toEqual(['S1', 'S2']);
    const s1 = detail.nearestStops[0];
    expect(s1?.lines).toEqual(['7']);
    expect(s1?.walkingMetres).toBe(72); // 55.6 m straight × 1.3
    expect(s1?.walkingMinutes).toBe(1);
    // Mon 09–10: 3 departures; Thu 14–19: none → 3 / 6 hours
    expect(s1?.departuresPerHour).toBe(0.5);
    expect(detail.nearestStops[1]?.lines).toEqual(['7', '64']);
  });

  it('scores the office per criterion with evidence (staff only)', async () => {
    expect((await ctx.request(null, { method: 'GET', url: `/api/offices/${officeA}/scorecard` })).statusCode).toBe(401);
    await ctx.request(coordinator, { method: 'PUT', url: `/api/offices/${officeA}/site-assessment`, payload: { footpaths: { rating: 'fair', note: 'Bordstein ohne Absenkung' } } });
    const card = (await ctx.request(coordinator, { method: 'GET', url: `/api/offices/${officeA}/scorecard` })).json<{ criteria: { criterion: string; light: string; evidence: Record<string, unknown> }[] }>();
    const by = Object.fromEntries(card.criteria.map((c) => [c.criterion, c]));
    expect(by['transit']).toMatchObject({ light: 'red', evidence: { nearestStop: 'Testplatz', walkingMinutes: 1, departuresPerHour: 0.5 } });
    expect(by['footpaths']).toMatchObject({ light: 'amber', evidence: { rating: 'fair' } });
    expect(by['openingHours']).toMatchObject({ light: 'red', evidence: { hoursPerWeek: 6, afterWorkDays: 1, daysOpen: 2 } });
    expect(by['barrierFree']?.light).toBe('amber');
    expect(by['appointments']?.light).toBe('unknown');
    expect(by['position']?.light).toBe('green');
  });

  it('imports the real Dresden stops when present', async (test) => {
    const real = fileURLToPath(new URL('../../../../shared/data', import.meta.url));
    if (!existsSync(`${real}/vvo-stops-dresden.txt`)) {
      test.skip('../shared/data/vvo-stops-dresden.txt is absent: real-data import not run');
      return;
    }
    const { mkdtempSync, copyFileSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/lotse-gtfs-');
    copyFileSync(`${real}/vvo-stops-dresden.txt`, `${dir}/stops.txt`);
    const result = await importGtfs(ctx.deps, systemActor, dir);
    expect(result.stops).toBe(783);
    const detail = (await ctx.request(null, { method: 'GET', url: `/api/offices/${officeA}` })).json<{ nearestStops: { walkingMinutes: number; departuresPerHour: number | null }[] }>();
    expect(detail.nearestStops.length).toBeGreaterThan(0);
    expect(detail.nearestStops[0]?.departuresPerHour).toBeNull();
  });
});
