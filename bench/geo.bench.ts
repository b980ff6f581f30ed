import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import type { Deps } from '#server/deps.ts';
import { insertOrganisation } from '#server/modules/identity/identity.queries.ts';
import { systemActor } from '#server/modules/identity/actor.ts';
import { cityOrganisationId } from '#server/modules/regions/geo.queries.ts';
import { importBoundaries, locatePoint } from '#server/modules/regions/geo.service.ts';
import { listenLocal, type Figure } from './lib.ts';

/**
 * Point lookups: GET /api/regions/locate (bounding-box candidates through the GiST index, then the
 * exact test) beside a naive scan that loads and tests every polygon of the set, through the same
 * database and use case, on a bare Fastify route. The polygons: Dresden's 408 election districts
 * from ../shared/data when present, else the project's small fixture. The set is imported valid from
 * 2999-01-01 (so it never answers a real lookup) and removed afterwards.
 */
const root = new URL('../', import.meta.url);
const real = { units: new URL('../shared/data/dresden-wahlbezirke-2024.geojson', root), table: new URL('../shared/data/dresden-wahlbezirke-2024-zuordnung.csv', root) };
const fixture = { units: new URL('test/fixtures/geo/units.geojson', root), table: new URL('test/fixtures/geo/units-zuordnung.csv', root) };
const AT = '2999-01-02';
const POINT = { lat: 51.0519, lon: 13.7416 };

export async function geoFigure(lotseUrl: string, deps: Deps): Promise<Figure> {
  const useReal = existsSync(fileURLToPath(real.units)) && existsSync(fileURLToPath(real.table));
  const files = useReal ? real : fixture;
  await deps.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    if (!(await cityOrganisationId(tx))) await insertOrganisation(tx, { kind: 'city', name: 'Benchmark city' });
  });
  const imported = await importBoundaries(deps, systemActor, {
    geojson: readFileSync(files.units, 'utf8'),
    assignment: readFileSync(files.table, 'utf8'),
    validFrom: '2999-01-01',
    source: 'benchmark',
  });
  const query = `lat=${POINT.lat}&lon=${POINT.lon}&at=${AT}`;
  const check = await fetch(`${lotseUrl}/api/regions/locate?${query}`);
  if (!check.ok) throw new Error(`GET /api/regions/locate answered ${check.status}`);
  const expected = JSON.stringify(await check.json());

  const bare = Fastify({ logger: false });
  bare.get('/locate-naive', async () => locatePoint(deps, systemActor, { ...POINT, at: AT }, 'naive'));
  const bareUrl = await listenLocal(bare);
  const naive = JSON.stringify(await (await fetch(`${bareUrl}/locate-naive`)).json());
  if (naive !== expected) throw new Error(`the naive scan answers differently: ${naive} vs ${expected}`);

  const what = `${imported.units} ${useReal ? 'real Dresden election districts' : 'fixture units'}`;
  return {
    name: 'geo',
    subject: { label: `GET /api/regions/locate, GiST bbox index (${what})`, url: `${lotseUrl}/api/regions/locate?${query}` },
    baseline: { label: `naive scan of all ${imported.units} polygons (bare Fastify, same DB)`, url: `${bareUrl}/locate-naive` },
    close: async () => {
      await bare.close();
      await deps.db.owner.execute(sql`delete from boundary_set where id = ${imported.id}`);
    },
  };
}
