import { fromUtm } from './geo.projection.ts';
import type { MultiPolygonCoords, PolygonCoords, Position } from './geo.polygon.ts';

/**
 * Reads a GeoJSON FeatureCollection of Polygons/MultiPolygons in WGS 84 or ETRS89 / UTM 33N
 * (EPSG:25833, detected from a `crs` member — of the collection or a geometry — or, without one, from
 * coordinates beyond ±180/±90) and answers every feature as WGS 84 MultiPolygon coordinates.
 */
export interface GeoFeature {
  properties: Record<string, unknown>;
  geometry: MultiPolygonCoords;
}

export type Crs = 'wgs84' | 'utm33';

export class GeoJsonError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function crsOf(value: unknown): Crs | null {
  if (!isRecord(value) || !isRecord(value['properties'])) return null;
  const name = String(value['properties']['name'] ?? '');
  if (/25833/.test(name)) return 'utm33';
  if (/(4326|CRS84|4258)\b/i.test(name)) return 'wgs84';
  throw new GeoJsonError(`unsupported coordinate reference system ${name}: use WGS 84 or ETRS89 / UTM 33N (EPSG:25833)`);
}

function position(value: unknown): Position {
  if (!Array.isArray(value) || value.length < 2 || typeof value[0] !== 'number' || typeof value[1] !== 'number' || !Number.isFinite(value[0]) || !Number.isFinite(value[1])) {
    throw new GeoJsonError('a position is not a pair of numbers');
  }
  return [value[0], value[1]];
}

function polygon(value: unknown): PolygonCoords {
  if (!Array.isArray(value) || value.length === 0) throw new GeoJsonError('a polygon has no rings');
  return value.map((ring) => {
    if (!Array.isArray(ring) || ring.length < 4) throw new GeoJsonError('a ring has fewer than four positions');
    return ring.map(position);
  });
}

function geometryOf(value: unknown): { coords: MultiPolygonCoords; crs: Crs | null } {
  if (!isRecord(value)) throw new GeoJsonError('a feature has no geometry');
  const crs = crsOf(value['crs']);
  if (value['type'] === 'Polygon') return { coords: [polygon(value['coordinates'])], crs };
  if (value['type'] === 'MultiPolygon' && Array.isArray(value['coordinates'])) return { coords: value['coordinates'].map(polygon), crs };
  throw new GeoJsonError(`geometry type ${String(value['type'])} is not a Polygon or MultiPolygon`);
}

const mapPositions = (coords: MultiPolygonCoords, fn: (p: Position) => Position): MultiPolygonCoords => coords.map((poly) => poly.map((ring) => ring.map(fn)));

/** Coordinates beyond longitude/latitude ranges can only be projected metres. */
function looksProjected(coords: MultiPolygonCoords): boolean {
  return coords.some((poly) => poly.some((ring) => ring.some(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90)));
}

export function parseFeatureCollection(text: string): { features: GeoFeature[]; crs: Crs } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new GeoJsonError('not JSON');
  }
  if (!isRecord(doc) || doc['type'] !== 'FeatureCollection' || !Array.isArray(doc['features'])) throw new GeoJsonError('not a GeoJSON FeatureCollection');
  const collectionCrs = crsOf(doc['crs']);
  let seen: Crs | null = null;
  const features = doc['features'].map((f): GeoFeature => {
    if (!isRecord(f)) throw new GeoJsonError('a feature is not an object');
    const { coords, crs } = geometryOf(f['geometry']);
    const effective = crs ?? collectionCrs ?? (looksProjected(coords) ? 'utm33' : 'wgs84');
    seen ??= effective;
    const geometry = effective === 'utm33' ? mapPositions(coords, ([e, nn]) => fromUtm(e, nn)) : coords;
    if (looksProjected(geometry)) throw new GeoJsonError('coordinates out of range');
    return { properties: isRecord(f['properties']) ? f['properties'] : {}, geometry };
  });
  if (features.length === 0) throw new GeoJsonError('the collection has no features');
  return { features, crs: seen ?? 'wgs84' };
}
