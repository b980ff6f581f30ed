import { z } from 'zod';
import { isoDate } from './common.ts';
import { memberKind } from './regions.ts';

/** Where a point or an address lies: region, member (Stadtbezirk/Ortschaft) and, where known, the quarter. */
export const place = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  member: z.object({ code: z.string(), name: z.string(), kind: memberKind }),
  quarter: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type Place = z.infer<typeof place>;

export const locateQuery = z
  .object({
    lat: z.string().trim().min(1).pipe(z.coerce.number<string>().min(-90).max(90)).describe('latitude, WGS 84 degrees'),
    lon: z.string().trim().min(1).pipe(z.coerce.number<string>().min(-180).max(180)).describe('longitude, WGS 84 degrees'),
    at: isoDate.optional(),
  })
  .strict();

export const locateAddressQuery = z
  .object({
    street: z.string().trim().min(1).max(200),
    number: z.string().trim().regex(/^\d{1,5}\s?[a-zA-Z]?([-/]\s?\d{1,5}\s?[a-zA-Z]?)?$/).max(20),
    postcode: z.string().trim().regex(/^\d{5}$/).optional(),
    at: isoDate.optional(),
  })
  .strict();

export const boundaryKind = z.enum(['quarter', 'member', 'unit']);

/**
 * A boundary import: the GeoJSON FeatureCollection (WGS 84 or ETRS89 / UTM 33N) and, for finer units,
 * the table assigning each unit to its Stadtteil — both as text.
 */
export const createBoundaryImport = z
  .object({
    geojson: z.string().min(2),
    assignment: z.string().optional(),
    validFrom: isoDate.optional(),
    source: z.string().max(200).optional(),
  })
  .strict();

export const unassignedUnit = z.object({ code: z.string(), reason: z.string() });

export const boundaryImportResult = z.object({
  id: z.uuid(),
  kind: boundaryKind,
  validFrom: isoDate,
  crs: z.enum(['wgs84', 'utm33']),
  units: z.number().int(),
  unassigned: z.array(unassignedUnit),
});

export const boundarySetList = z.array(
  z.object({ id: z.uuid(), kind: boundaryKind, count: z.number().int(), validFrom: isoDate, importedAt: z.string(), source: z.string() }),
);

/** A street directory import: CSV text with street, from, to, parity, postcode (optional), stadtteil_code (and optional ortschaft). */
export const createStreetImport = z.object({ csv: z.string().min(1) }).strict();

export const streetImportResult = z.object({
  entries: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});

/** Population per quarter from the city's statistics: CSV `stadtteil_code,population`, as of a date (default today). */
export const createPopulationImport = z.object({ csv: z.string().min(1), asOf: isoDate.optional() }).strict();

export const populationImportResult = z.object({
  asOf: isoDate,
  quarters: z.number().int(),
  total: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
