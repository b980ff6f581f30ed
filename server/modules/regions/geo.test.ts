import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/geo/${name}`, import.meta.url)), 'utf8');

interface Place {
  region: { code: string; name: string };
  member: { code: string; name: string; kind: string };
  quarter: { code: string; name: string } | null;
}
interface ProblemBody {
  type: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

let ctx: TestContext;
let admin: Session;
let unitSetId: string;

const locate = (lat: number, lon: number, at?: string, headers?: Record<string, string>) =>
  ctx.request(null, { method: 'GET', url: `/api/regions/locate?lat=${lat}&lon=${lon}${at ? `&at=${at}` : ''}`, ...(headers ? { headers } : {}) });
const placeAt = async (lat: number, lon: number, at?: string) => {
  const res = await locate(lat, lon, at);
  expect(res.statusCode, res.body).toBe(200);
  const p = res.json<Place>();
  return `${p.quarter?.code ?? '-'} ${p.member.code} ${p.region.code}`;
};

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.staff('city_admin');
  const res = await ctx.request(admin, {
    method: 'POST',
    url: '/api/geo/imports',
    payload: { geojson: fixture('units.geojson'), assignment: fixture('units-zuordnung.csv'), validFrom: '2024-01-01', source: 'fixture' },
  });
  expect(res.statusCode, res.body).toBe(201);
  unitSetId = res.json<{ id: string }>().id;
});
afterAll(async () => ctx.close());

describe('POST /api/geo/imports', () => {
  it('imports finer units with their table, reports the unit it could not assign, and audits the import', async () => {
    const list = await ctx.request(admin, { method: 'GET', url: '/api/geo/imports' });
    expect(list.statusCode).toBe(200);
    const sets = list.json<{ id: string; kind: string; count: number; validFrom: string; importedAt: string }[]>();
    expect(sets.find((s) => s.id === unitSetId)).toMatchObject({ kind: 'unit', count: 6, validFrom: '2024-01-01', source: 'fixture' });
    const audit = await queryRows<{ action: string; organisation_id: string }>(ctx.database.db.owner, sql`select action, organisation_id from audit_entry where ${unitSetId} = any(record_ids)`);
    expect(audit).toEqual([{ action: 'boundary-set.import', organisation_id: admin.organisationId }]);
  });

  it('answers the counts and the unassigned units', async () => {
    const res = await ctx.request(admin, { method: 'POST', url: '/api/geo/imports', payload: { geojson: fixture('units.geojson'), assignment: fixture('units-zuordnung.csv'), validFrom: '2300-01-01' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'unit', crs: 'wgs84', units: 6, unassigned: [{ code: 'X9', reason: 'not-in-table' }] });
  });

  it('refuses what is not GeoJSON, a table without a Stadtteil column, and a provider admin', async () => {
    const bad = await ctx.request(admin, { method: 'POST', url: '/api/geo/imports', payload: { geojson: '{"type":"Feature"}' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ProblemBody>().errors?.map((e) => e.field)).toEqual(['geojson']);
    const table = await ctx.request(admin, { method: 'POST', url: '/api/geo/imports', payload: { geojson: fixture('units.geojson'), assignment: 'wb,name\nA1,x\n' } });
    expect(table.statusCode).toBe(400);
    expect(table.json<ProblemBody>().errors?.map((e) => e.field)).toEqual(['assignment']);
    const provider = await ctx.staff('provider_admin');
    const refused = await ctx.request(provider, { method: 'POST', url: '/api/geo/imports', payload: { geojson: fixture('units.geojson') } });
    expect(refused.statusCode).toBe(403);
    expect((await ctx.request(provider, { method: 'GET', url: '/api/geo/imports' })).statusCode).toBe(403);
  });

  it('accepts an import larger than the server-wide 1 MB body limit', async () => {
    const ring = Array.from({ length: 40000 }, (_, i) => [13.9 + 0.01 * Math.cos((i / 40000) * 2 * Math.PI), 51.0 + 0.01 * Math.sin((i / 40000) * 2 * Math.PI)]);
    ring.push(ring[0] ?? [0, 0]);
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { stadtteil_code: '64' }, geometry: { type: 'Polygon', coordinates: [ring] } }] });
    expect(geojson.length).toBeGreaterThan(1024 * 1024);
    const res = await ctx.request(admin, { method: 'POST', url: '/api/geo/imports', payload: { geojson, validFrom: '2400-01-01' } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(await placeAt(51.0, 13.9, '2400-01-02')).toBe('64 leuben sued');
  });
});

describe('GET /api/regions/locate', () => {
  it('goes point → unit → quarter → member → region', async () => {
    const res = await locate(51.0519, 13.7416, '2024-06-01');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      region: { code: 'mitte', name: 'Mitte' },
      member: { code: 'altstadt', name: 'Altstadt', kind: 'district' },
      quarter: { code: '01', name: 'Innere Altstadt' },
    });
    expect(await placeAt(51.05, 13.69, '2024-06-01')).toBe('91 cotta west');
  });

  it('names the Ortschaft of a quarter that spans several, from the unit (both parts of a multipolygon)', async () => {
    expect(await placeAt(51.09, 13.61, '2024-06-01')).toBe('90 cossebaude west');
    expect(await placeAt(51.11, 13.63, '2024-06-01')).toBe('90 cossebaude west');
    expect(await placeAt(51.09, 13.65, '2024-06-01')).toBe('90 mobschatz west');
  });

  it('gives a point on a shared border to the lowest unit code (A1 before A2), and one beside it to its side', async () => {
    expect(await placeAt(51.05, 13.75, '2024-06-01')).toBe('01 altstadt mitte');
    expect(await placeAt(51.05, 13.7501, '2024-06-01')).toBe('02 altstadt mitte');
    // the corner shared by A1, A2 (and nothing else)
    expect(await placeAt(51.06, 13.75, '2024-06-01')).toBe('01 altstadt mitte');
  });

  it('leaves a hole out, but counts the hole’s edge as inside', async () => {
    const hole = await locate(51.05, 13.715, '2024-06-01');
    expect(hole.statusCode).toBe(404);
    expect(await placeAt(51.05, 13.71, '2024-06-01')).toBe('04 altstadt mitte');
  });

  it('answers 404 problem+json outside the city, for an unassigned unit and before any set is valid, with a translated detail', async () => {
    const berlin = await locate(52.52, 13.405, '2024-06-01');
    expect(berlin.statusCode).toBe(404);
    expect(berlin.headers['content-type']).toContain('application/problem+json');
    expect(berlin.json<ProblemBody>()).toMatchObject({ type: '/problems/not-found', detail: expect.stringContaining('Stadtteil aus der Liste') as unknown });
    const en = await locate(52.52, 13.405, '2024-06-01', { 'accept-language': 'en' });
    expect(en.json<ProblemBody>().detail).toContain('choose your district from the list');
    expect((await locate(51.01, 13.81, '2024-06-01')).statusCode).toBe(404);
    expect((await locate(51.0519, 13.7416, '2023-12-31')).statusCode).toBe(404);
  });

  it('refuses bad coordinates with field errors', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/api/regions/locate?lat=abc&lon=200' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ProblemBody>().errors?.map((e) => e.field).sort()).toEqual(['lat', 'lon']);
    expect((await ctx.request(null, { method: 'GET', url: '/api/regions/locate?lat=51' })).statusCode).toBe(400);
    const empty = await ctx.request(null, { method: 'GET', url: '/api/regions/locate?lat=&lon=13.7' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ProblemBody>().errors?.map((e) => e.field)).toEqual(['lat']);
  });

  it('uses the set valid at the date: a later UTM 33N quarter set takes over from its valid_from', async () => {
    const res = await ctx.request(admin, { method: 'POST', url: '/api/geo/imports', payload: { geojson: fixture('quarters-utm33.geojson'), validFrom: '2025-01-01' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'quarter', crs: 'utm33', units: 2, unassigned: [] });
    // 51.061 N lies north of the unit set's A1 but inside the UTM square of quarter 13
    expect((await locate(51.061, 13.7416, '2024-12-31')).statusCode).toBe(404);
    expect(await placeAt(51.061, 13.7416, '2025-01-01')).toBe('13 neustadt nord');
    expect(await placeAt(51.0519, 13.7416, '2025-06-01')).toBe('01 altstadt mitte');
    expect(await placeAt(51.0519, 13.7416, '2024-12-31')).toBe('01 altstadt mitte');
  });

  it('imports members (Stadtbezirke by official code, Ortschaften by name) and answers no quarter for them', async () => {
    const sq = (x: number, y: number) => [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]];
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Altstadt', typ: 'Stadtbezirk', stadtbezirk_code: '0' }, geometry: { type: 'Polygon', coordinates: sq(13.73, 51.04) } },
        { type: 'Feature', properties: { name: 'Cossebaude', typ: 'Ortschaft', stadtbezirk_code: null }, geometry: { type: 'Polygon', coordinates: sq(13.6, 51.08) } },
        { type: 'Feature', properties: { name: 'Atlantis', typ: 'Ortschaft' }, geometry: { type: 'Polygon', coordinates: sq(13.5, 51.08) } },
      ],
    });
    const res = await ctx.request(admin, { method: 'POST', url: '/api/geo/imports', payload: { geojson, validFrom: '2200-01-01' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'member', units: 2, unassigned: [{ code: 'Atlantis', reason: 'unknown-member' }] });
    const place = (await locate(51.045, 13.735, '2200-01-01')).json<Place>();
    expect(place).toEqual({ region: { code: 'mitte', name: 'Mitte' }, member: { code: 'altstadt', name: 'Altstadt', kind: 'district' }, quarter: null });
    expect(await placeAt(51.085, 13.605, '2200-01-01')).toBe('- cossebaude west');
  });

  it('finds candidates through the GiST index on the bounding box', async () => {
    const plan = await ctx.database.db.owner.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<Record<string, string>>(tx, sql`explain select code from boundary_unit where bbox && box(point(13.74, 51.05), point(13.74, 51.05))`);
    });
    expect(plan.map((r) => Object.values(r).join(' ')).join('\n')).toContain('boundary_unit_bbox_idx');
  });
});

describe('street directory', () => {
  it('imports a CSV, rejects bad lines by number, and locates addresses whatever the spelling', async () => {
    const res = await ctx.request(admin, { method: 'POST', url: '/api/geo/street-imports', payload: { csv: fixture('streets.csv') } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ entries: number; rejected: { line: number }[] }>();
    expect(body.entries).toBe(5);
    expect(body.rejected.map((r) => r.line)).toEqual([7, 8]);
    const address = async (street: string, number: string) => {
      const r = await ctx.request(null, { method: 'GET', url: `/api/regions/locate-address?street=${encodeURIComponent(street)}&number=${encodeURIComponent(number)}&at=2024-06-01` });
      if (r.statusCode !== 200) return String(r.statusCode);
      const p = r.json<Place>();
      return `${p.quarter?.code ?? '-'} ${p.member.code} ${p.region.code}`;
    };
    expect(await address('Teststraße', '5')).toBe('01 altstadt mitte');
    expect(await address('teststr.', '4a')).toBe('02 altstadt mitte');
    expect(await address('TESTSTRASSE', '98')).toBe('02 altstadt mitte');
    expect(await address('Probe Allee', '40')).toBe('91 cotta west');
    expect(await address('Beispielweg', '3')).toBe('90 cossebaude west');
    expect(await address('Beispielweg', '21')).toBe('90 mobschatz west');
    expect(await address('Teststraße', '101')).toBe('404');
    expect(await address('Innere Altstadt', '1')).toBe('404');
    const audit = await queryRows<{ n: number }>(ctx.database.db.owner, sql`select count(*)::int as n from audit_entry where action = 'street-directory.import'`);
    expect(audit[0]?.n).toBe(1);
  });

  it('answers a 404 that asks to choose from the list, and 400 for a number that is none', async () => {
    const missing = await ctx.request(null, { method: 'GET', url: '/api/regions/locate-address?street=Nirgendwo&number=1', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ProblemBody>().detail).toBe('This address is not in the street directory. Please choose your district from the list.');
    const bad = await ctx.request(null, { method: 'GET', url: '/api/regions/locate-address?street=Teststra%C3%9Fe&number=eins' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ProblemBody>().errors?.map((e) => e.field)).toEqual(['number']);
  });
});
