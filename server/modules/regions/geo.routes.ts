import * as c from '#contracts/geo.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as geo from './geo.service.ts';
import * as population from './population.service.ts';
import * as streets from './street-directory.service.ts';

/** Boundary imports are large (408 election districts ≈ 3.4 MB of GeoJSON): this route alone accepts up to 50 MB. */
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

export async function geoRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['geo'];

  app.get('/api/regions/locate', {
    config: { access: 'public' },
    schema: { tags, summary: 'Where a point lies: region, Stadtbezirk/Ortschaft and Stadtteil on a date (default today); 404 outside the city', querystring: c.locateQuery, response: { 200: c.place } },
  }, async (request) => geo.locatePoint(deps, request.actor, request.query));

  app.get('/api/regions/locate-address', {
    config: { access: 'public' },
    schema: { tags, summary: 'Where an address lies, through the street directory; 404 asks to choose the district from the list', querystring: c.locateAddressQuery, response: { 200: c.place } },
  }, async (request) => streets.locateAddress(deps, request.actor, request.query));

  app.post('/api/geo/imports', {
    config: { action: 'geodata.import' },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Import a boundary set (GeoJSON, WGS 84 or UTM 33N; finer units with their assignment CSV)', body: c.createBoundaryImport, response: { 201: c.boundaryImportResult } },
  }, async (request, reply) => reply.status(201).send(await geo.importBoundaries(deps, request.actor, request.body)));

  app.get('/api/geo/imports', {
    config: { action: 'geodata.list-imports' },
    schema: { tags, summary: 'Boundary sets imported, newest validity first', response: { 200: c.boundarySetList } },
  }, async (request) => geo.listBoundaryImports(deps, request.actor));

  app.post('/api/geo/street-imports', {
    config: { action: 'geodata.import' },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Replace the street directory from a CSV (street, from, to, parity, postcode, stadtteil_code[, ortschaft])', body: c.createStreetImport, response: { 201: c.streetImportResult } },
  }, async (request, reply) => reply.status(201).send(await streets.importStreetDirectory(deps, request.actor, request.body)));

  app.post('/api/geo/population-imports', {
    config: { action: 'geodata.import' },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Population per Stadtteil from the city\'s statistics (CSV stadtteil_code,population) as of a date; replaces that date\'s figures', body: c.createPopulationImport, response: { 201: c.populationImportResult } },
  }, async (request, reply) => reply.status(201).send(await population.importPopulation(deps, request.actor, request.body)));
}
