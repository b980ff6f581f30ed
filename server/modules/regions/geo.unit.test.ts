import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './geo.csv.ts';
import { GeoJsonError, parseFeatureCollection } from './geo.geojson.ts';
import { bboxOf, multiPolygonContains, pickContaining, polygonContains, ringLocation, type MultiPolygonCoords, type Position, type Ring } from './geo.polygon.ts';
import { fromUtm, toUtm } from './geo.projection.ts';

const square = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/** Snyder (1987), USGS Professional Paper 1395, eqs. 8-9 to 8-15: an independent series to check against. */
function snyderForward(lon: number, lat: number): [number, number] {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const k0 = 0.9996;
  const e2 = f * (2 - f);
  const ep2 = e2 / (1 - e2);
  const phi = (lat * Math.PI) / 180;
  const A = (((lon - 15) * Math.PI) / 180) * Math.cos(phi);
  const N = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const T = Math.tan(phi) ** 2;
  const C = ep2 * Math.cos(phi) ** 2;
  const M = a * ((1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256) * phi - ((3 * e2) / 8 + (3 * e2 ** 2) / 32 + (45 * e2 ** 3) / 1024) * Math.sin(2 * phi) + ((15 * e2 ** 2) / 256 + (45 * e2 ** 3) / 1024) * Math.sin(4 * phi) - ((35 * e2 ** 3) / 3072) * Math.sin(6 * phi));
  const x = k0 * N * (A + ((1 - T + C) * A ** 3) / 6 + ((5 - 18 * T + T ** 2 + 72 * C - 58 * ep2) * A ** 5) / 120);
  const y = k0 * (M + N * Math.tan(phi) * (A ** 2 / 2 + ((5 - T + 9 * C + 4 * C ** 2) * A ** 4) / 24 + ((61 - 58 * T + T ** 2 + 600 * C - 330 * ep2) * A ** 6) / 720));
  return [500000 + x, y];
}

/** Meridian arc length by numerical integration (Simpson, 20,000 steps): the northing on the central meridian. */
function meridianArc(latDeg: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const phi = (latDeg * Math.PI) / 180;
  const m = (x: number) => (a * (1 - e2)) / (1 - e2 * Math.sin(x) ** 2) ** 1.5;
  const steps = 20000;
  const h = phi / steps;
  let sum = m(0) + m(phi);
  for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * m(i * h);
  return (sum * h) / 3;
}

describe('UTM 33N ↔ WGS 84', () => {
  it('puts the Frauenkirche (51.0519 N, 13.7416 E) at E 411 798.60, N 5 656 349.73 and back', () => {
    const [e, n] = toUtm(13.7416, 51.0519);
    expect(e).toBeCloseTo(411798.605, 2);
    expect(n).toBeCloseTo(5656349.735, 2);
    const [lon, lat] = fromUtm(e, n);
    // 1e-7 degrees ≈ 1 cm
    expect(Math.abs(lon - 13.7416)).toBeLessThan(1e-7);
    expect(Math.abs(lat - 51.0519)).toBeLessThan(1e-7);
  });

  it('agrees with an independent series (Snyder) within 1 cm across Saxony', () => {
    for (const [lon, lat] of [[13.7416, 51.0519], [12.0, 50.5], [15.0, 51.5], [14.9, 51.2], [12.3, 51.34]] as const) {
      const [e1, n1] = toUtm(lon, lat);
      const [e2, n2] = snyderForward(lon, lat);
      expect(Math.hypot(e1 - e2, n1 - n2)).toBeLessThan(0.01);
    }
  });

  it('on the central meridian: easting 500 000 and northing k0 × the meridian arc', () => {
    const [e, n] = toUtm(15, 51);
    expect(e).toBeCloseTo(500000, 6);
    expect(Math.abs(n - 0.9996 * meridianArc(51))).toBeLessThan(0.001);
  });

  it('round-trips any point of the zone within 1 cm (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 12, max: 18, noNaN: true }), fc.double({ min: 45, max: 56, noNaN: true }), (lon, lat) => {
        const [e, n] = toUtm(lon, lat);
        const [lon2, lat2] = fromUtm(e, n);
        const [e2, n2] = toUtm(lon2, lat2);
        return Math.hypot(e - e2, n - n2) < 0.01 && Math.abs(lat - lat2) < 1e-7 && Math.abs(lon - lon2) < 1e-7;
      }),
    );
  });
});

describe('point in polygon', () => {
  const ring = square(0, 0, 10, 10);
  it('tells inside, outside and boundary of a ring, closed or not', () => {
    expect(ringLocation([5, 5], ring)).toBe('inside');
    expect(ringLocation([11, 5], ring)).toBe('outside');
    expect(ringLocation([10, 5], ring)).toBe('boundary');
    expect(ringLocation([0, 0], ring)).toBe('boundary');
    expect(ringLocation([5, 5], ring.slice(0, 4))).toBe('inside');
    expect(ringLocation([5, 0], ring.slice(0, 4))).toBe('boundary');
  });

  it('excludes holes but counts a hole’s edge as inside (the border rule)', () => {
    const withHole = [ring, square(3, 3, 6, 6)];
    expect(polygonContains(withHole, [1, 1])).toBe(true);
    expect(polygonContains(withHole, [4, 4])).toBe(false);
    expect(polygonContains(withHole, [3, 4])).toBe(true);
    expect(polygonContains(withHole, [10, 10])).toBe(true);
    expect(polygonContains(withHole, [-1, 4])).toBe(false);
  });

  it('finds points in any part of a multipolygon', () => {
    const mp: MultiPolygonCoords = [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]];
    expect(multiPolygonContains(mp, [0.5, 0.5])).toBe(true);
    expect(multiPolygonContains(mp, [5.5, 5.9])).toBe(true);
    expect(multiPolygonContains(mp, [3, 3])).toBe(false);
    expect(bboxOf(mp)).toEqual({ minX: 0, minY: 0, maxX: 6, maxY: 6 });
  });

  it('gives a point on a shared border to the lowest code, whatever the order of candidates', () => {
    const west = { code: '02', geometry: [[square(0, 0, 1, 1)]] };
    const east = { code: '01', geometry: [[square(1, 0, 2, 1)]] };
    const border: Position = [1, 0.5];
    expect(pickContaining([west, east], border)?.code).toBe('01');
    expect(pickContaining([east, west], border)?.code).toBe('01');
    expect(pickContaining([west, east], [0.5, 0.5])?.code).toBe('02');
    expect(pickContaining([west, east], [3, 0.5])).toBeNull();
    // a corner shared by both, and a border point computed in floating point
    expect(pickContaining([west, east], [1, 1])?.code).toBe('01');
    expect(pickContaining([west, east], [0.1 + 0.9, 0.3])?.code).toBe('01');
  });

  it('finds a point inside a random convex polygon inside it (property)', () => {
    const polygonAndPoint = fc.record({
      cx: fc.double({ min: 12, max: 15, noNaN: true }),
      cy: fc.double({ min: 50, max: 52, noNaN: true }),
      r: fc.integer({ min: 1, max: 5000 }).map((m) => m * 1e-4),
      degrees: fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 24 }),
      weights: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 24, maxLength: 24 }),
    });
    fc.assert(
      fc.property(polygonAndPoint, ({ cx, cy, r, degrees, weights }) => {
        const vertices: Position[] = [...degrees].sort((a, b) => a - b).map((d) => [cx + r * Math.cos((d * Math.PI) / 180), cy + r * Math.sin((d * Math.PI) / 180)]);
        const w = vertices.map((_, i) => (weights[i] ?? 0) + 1e-6);
        const total = w.reduce((s, x) => s + x, 0);
        const point: Position = [vertices.reduce((s, v, i) => s + v[0] * (w[i] ?? 0), 0) / total, vertices.reduce((s, v, i) => s + v[1] * (w[i] ?? 0), 0) / total];
        const closed = [...vertices, vertices[0] as Position];
        return polygonContains([closed], point) && pickContaining([{ code: 'x', geometry: [[closed]] }], point)?.code === 'x';
      }),
    );
  });
});

describe('GeoJSON and CSV reading', () => {
  const fc1 = (geometry: object, extra: object = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features: [{ type: 'Feature', properties: { code: '01' }, geometry }] });

  it('reprojects UTM 33N named by the crs member, and detects it from coordinate ranges without one', () => {
    const utm = { type: 'Polygon', coordinates: [square(411000, 5656000, 412000, 5657000)] };
    for (const doc of [fc1(utm, { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25833' } } }), fc1(utm)]) {
      const { features, crs } = parseFeatureCollection(doc);
      expect(crs).toBe('utm33');
      const [lon, lat] = features[0]?.geometry[0]?.[0]?.[0] ?? [0, 0];
      expect(lon).toBeGreaterThan(13.72);
      expect(lat).toBeLessThan(51.05);
      const [e, n] = toUtm(lon, lat);
      expect(Math.hypot(e - 411000, n - 5656000)).toBeLessThan(0.01);
    }
  });

  it('keeps WGS 84 as it is, turns a Polygon into a MultiPolygon, refuses other geometries and CRSs', () => {
    const { features, crs } = parseFeatureCollection(fc1({ type: 'Polygon', coordinates: [square(13.7, 51, 13.8, 51.1)] }));
    expect(crs).toBe('wgs84');
    expect(features[0]?.geometry).toEqual([[square(13.7, 51, 13.8, 51.1)]]);
    expect(() => parseFeatureCollection(fc1({ type: 'Point', coordinates: [13.7, 51] }))).toThrow(GeoJsonError);
    expect(() => parseFeatureCollection(fc1({ type: 'Polygon', coordinates: [square(0, 0, 1, 1)] }, { crs: { type: 'name', properties: { name: 'EPSG:31469' } } }))).toThrow(/unsupported/);
    expect(() => parseFeatureCollection('{"type":"Feature"}')).toThrow(GeoJsonError);
    expect(() => parseFeatureCollection('nope')).toThrow(GeoJsonError);
  });

  it('reads CSV with commas or semicolons, quotes and a BOM', () => {
    expect(parseCsv('\uFEFFwb,Name\r\n01,"A, ""B"""\r\n\r\n02,C\n')).toEqual({ header: ['wb', 'name'], rows: [{ wb: '01', name: 'A, "B"' }, { wb: '02', name: 'C' }] });
    expect(parseCsv('street;from\nPrager Str.;1').rows).toEqual([{ street: 'Prager Str.', from: '1' }]);
  });
});
