import type { z } from 'zod';
import type { createBoundaryImport, Place } from '#contracts/geo.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { forbidden, invalid, Problem } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { berlinDate } from '#server/time.ts';
import { assignFeatures, type ReferenceView } from './geo.assign.ts';
import { parseCsv } from './geo.csv.ts';
import { GeoJsonError, parseFeatureCollection } from './geo.geojson.ts';
import { bboxOf, boxLiteral, pickContaining } from './geo.polygon.ts';
import * as q from './geo.queries.ts';
import { canEditReferenceData, referenceDataScope } from './regions.policy.ts';

/** Where a quarter or member lies on a date. A quarter spanning several members without a finer unit answers its lowest-coded member (docs/decisions/0006). */
export async function placeOf(tx: Tx, where: { quarterCode: string | null; memberCode: string | null }, at: string): Promise<Place | null> {
  if (where.quarterCode) {
    const rows = await q.quarterPlaceAt(tx, where.quarterCode, at);
    const row = rows.find((r) => r.memberCode === where.memberCode) ?? rows[0];
    if (!row) return null;
    return {
      region: { code: row.regionCode, name: row.regionName },
      member: { code: row.memberCode, name: row.memberName, kind: row.memberKind },
      quarter: { code: row.quarterCode, name: row.quarterName },
    };
  }
  if (where.memberCode) {
    const row = await q.memberPlaceAt(tx, where.memberCode, at);
    if (!row) return null;
    return { region: { code: row.regionCode, name: row.regionName }, member: { code: row.memberCode, name: row.memberName, kind: row.memberKind }, quarter: null };
  }
  return null;
}

const outside = (): Problem => new Problem(404, 'not-found', { detailKey: 'details.outsideCity' });

/**
 * Point → unit → quarter (+ Ortschaft) → member → region on a date (default today in Berlin):
 * candidates by the GiST-indexed bounding box, then the exact test (boundary inside, lowest code on a border).
 * `scan: 'naive'` tests every polygon of the set instead — the benchmark's baseline, same answer.
 */
export async function locatePoint(deps: Pick<Deps, 'db' | 'now'>, _actor: Actor, input: { lat: number; lon: number; at?: string | undefined }, scan: 'index' | 'naive' = 'index'): Promise<Place> {
  const at = input.at ?? berlinDate(deps.now());
  return deps.db.transaction({ kind: 'public' }, async (tx) => {
    const set = await q.boundarySetAt(tx, at);
    if (!set) throw outside();
    const candidates = scan === 'index' ? await q.unitsWithBoxAt(tx, set.id, input.lon, input.lat) : await q.allUnitsOf(tx, set.id);
    const unit = pickContaining(candidates, [input.lon, input.lat]);
    if (!unit) throw outside();
    const place = await placeOf(tx, unit, at);
    if (!place) throw outside();
    return place;
  });
}

function referenceOf(rows: Awaited<ReturnType<typeof q.referenceView>>): ReferenceView {
  const codeById = new Map(rows.members.map((m) => [m.id, m.code]));
  const quarters = new Map<string, { members: string[] }>();
  for (const r of rows.quarters) {
    const entry = quarters.get(r.code) ?? { members: [] };
    const member = r.memberId ? codeById.get(r.memberId) : undefined;
    if (member && !entry.members.includes(member)) entry.members.push(member);
    quarters.set(r.code, entry);
  }
  return { quarters, members: rows.members };
}

/** No city organisation yet: imports by the command line have no audit chain to go to. */
export class NoCityOrganisation extends Error {
  constructor() {
    super('No city organisation exists yet: imports are recorded in the city\'s audit log. Create it first.');
  }
}

/** The organisation whose audit chain records an import: the actor's, or the city's for the command line and seeding. */
export async function auditOrganisation(tx: Tx, actor: Actor): Promise<string> {
  if (actor.kind === 'staff') return actor.organisationId;
  const city = await q.cityOrganisationId(tx);
  if (!city) throw new NoCityOrganisation();
  return city;
}

/**
 * Imports a boundary set valid from a date (default today): quarters, members, or finer units with
 * their assignment table. Units that cannot be assigned are skipped and reported.
 */
export async function importBoundaries(deps: Pick<Deps, 'db' | 'now'>, actor: Actor, input: z.infer<typeof createBoundaryImport>) {
  if (!canEditReferenceData(actor, 'geodata.import')) throw forbidden();
  let parsed: ReturnType<typeof parseFeatureCollection>;
  try {
    parsed = parseFeatureCollection(input.geojson);
  } catch (error) {
    if (error instanceof GeoJsonError) throw invalid([{ field: 'geojson', key: 'field.geojsonInvalid', values: { reason: error.message } }]);
    throw error;
  }
  const table = input.assignment ? parseCsv(input.assignment) : null;
  if (table && (table.header.length < 2 || !(table.header.includes('stadtteil_code') || table.header.includes('quarter_code')))) {
    throw invalid([{ field: 'assignment', key: 'field.tableInvalid', values: { columns: 'stadtteil_code' } }]);
  }
  const validFrom = input.validFrom ?? berlinDate(deps.now());
  return deps.db.transaction(referenceDataScope(actor), async (tx) => {
    const assignment = assignFeatures(parsed.features, table, referenceOf(await q.referenceView(tx)));
    if (assignment.units.length === 0) throw invalid([{ field: 'geojson', key: 'field.noUnitsAssigned' }]);
    const organisationId = await auditOrganisation(tx, actor);
    const set = await q.insertBoundarySet(tx, { kind: assignment.kind, validFrom, importedAt: deps.now(), unitCount: assignment.units.length, source: input.source ?? '' });
    await q.insertBoundaryUnits(
      tx,
      assignment.units.map((u) => ({ setId: set.id, code: u.code, name: u.name, quarterCode: u.quarterCode, memberCode: u.memberCode, geometry: u.geometry, bbox: boxLiteral(bboxOf(u.geometry)) })),
    );
    await recordAudit(tx, actor, { action: 'boundary-set.import', recordType: 'boundary_set', recordIds: [set.id], organisationId }, deps.now());
    return { id: set.id, kind: assignment.kind, validFrom, crs: parsed.crs, units: assignment.units.length, unassigned: assignment.unassigned };
  });
}

export async function listBoundaryImports(deps: Pick<Deps, 'db'>, actor: Actor) {
  if (!canEditReferenceData(actor, 'geodata.list-imports')) throw forbidden();
  const rows = await deps.db.transaction(referenceDataScope(actor), (tx) => q.listBoundarySets(tx));
  return rows.map((r) => ({ id: r.id, kind: r.kind, count: r.unitCount, validFrom: r.validFrom, importedAt: r.importedAt.toISOString(), source: r.source }));
}
