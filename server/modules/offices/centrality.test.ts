import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertServiceAgreement } from '#server/modules/calls/calls.queries.ts';
import { findRegion } from '#server/modules/regions/regions.queries.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/geo/${name}`, import.meta.url)), 'utf8');

let ctx: TestContext;
let admin: Session;
let coordinator: Session;
let officeId = '';

interface Centrality {
  light: string;
  evidence: { distanceToCentreKm: number; meanQuarterDistanceKm: number; quarters: number; weighted: boolean; populationAsOf: string | null };
  note: string;
}
const centrality = async (): Promise<Centrality> => {
  const res = await ctx.request(coordinator, { method: 'GET', url: `/api/offices/${officeId}/scorecard` });
  expect(res.statusCode, res.body).toBe(200);
  const found = res.json<{ criteria: (Centrality & { criterion: string })[] }>().criteria.find((c) => c.criterion === 'centrality');
  if (!found) throw new Error('no centrality criterion');
  return found;
};

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-03-10T10:00:00Z');
  admin = await ctx.staff('city_admin');
  coordinator = await ctx.staff('city_coordinator');
  // Region Mitte gets the fixture's quarters 01 (A1), 02 (A2) and 04 (C1, with a hole).
  const geo = await ctx.request(admin, { method: 'POST', url: '/api/geo/imports', payload: { geojson: fixture('units.geojson'), assignment: fixture('units-zuordnung.csv'), validFrom: '2024-01-01' } });
  expect(geo.statusCode, geo.body).toBe(201);
  const provider = await ctx.organisation('provider', 'Träger Mitte');
  await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const mitte = await findRegion(tx, 'mitte');
    if (!mitte) throw new Error('reference data missing');
    await insertServiceAgreement(tx, { providerId: provider.id, regionId: mitte.id, validFrom: '2019-07-01' });
  });
  const created = await ctx.request(coordinator, {
    method: 'POST',
    url: '/api/offices',
    payload: {
      name: 'Büro West in Mitte',
      providerId: provider.id,
      regionCode: 'mitte',
      address: { street: 'Testgasse', houseNumber: '1', postcode: '01067', city: 'Dresden' },
      point: { lat: 51.05, lon: 13.735 },
      validFrom: '2020-01-01',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  officeId = created.json<{ id: string }>().id;
});
afterAll(async () => ctx.close());

describe('centrality in the scorecard', () => {
  it('is unweighted before population is imported, and weighted by the latest figures not after the date', async () => {
    const plain = await centrality();
    expect(plain.evidence).toMatchObject({ quarters: 3, weighted: false, populationAsOf: null });
    expect(plain.note).toContain('ungewichtet');
    expect(plain.light).toBe('green');

    // Nearly everyone lives in 02, east of the office: the weighted centre moves there.
    const future = await ctx.request(admin, { method: 'POST', url: '/api/geo/population-imports', payload: { csv: 'stadtteil_code,population\n01,100\n02,100000\n04,100\n', asOf: '2026-12-31' } });
    expect(future.statusCode).toBe(201);
    expect((await centrality()).evidence.weighted).toBe(false); // as of a date after the scorecard's

    const res = await ctx.request(admin, { method: 'POST', url: '/api/geo/population-imports', payload: { csv: 'stadtteil_code,population\n01,100\n02,100000\n04,100\n', asOf: '2025-12-31' } });
    expect(res.statusCode).toBe(201);
    const weighted = await centrality();
    expect(weighted.evidence).toMatchObject({ quarters: 3, weighted: true, populationAsOf: '2025-12-31' });
    expect(weighted.note).toContain('nach Einwohnern gewichtet');
    expect(weighted.evidence.distanceToCentreKm).toBeGreaterThan(plain.evidence.distanceToCentreKm + 1);
    expect(weighted.evidence.meanQuarterDistanceKm).not.toBe(plain.evidence.meanQuarterDistanceKm);
    expect(weighted.light).toBe('amber');
  });
});
