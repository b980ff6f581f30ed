import type { Tx } from '#server/db.ts';
import { boundaryUnitsOfRegion, populationAt } from '#server/modules/regions/regions.public.ts';
import { haversineMetres, type Point } from './geo.ts';
import type { CentralityInput } from './scorecard.ts';

/**
 * Centrality of an office in its region, from the imported boundaries (regions domain, geo import):
 * the units (quarters or finer units) whose member belongs to the region on the date give each
 * quarter's centroid; the population imported for the latest date not after the scorecard's weights
 * them (regions/population.service.ts), otherwise the figures are unweighted (`weighted: false`).
 * Without imported boundaries the answer is null and the scorecard shows "unknown".
 */
type Ring = number[][];

/** Planar centroid and area of a MultiPolygon ([lon, lat]), longitudes scaled by cos(latitude). */
export function centroidOf(multi: Ring[][]): { point: Point; area: number } | null {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const lat0 = multi[0]?.[0]?.[0]?.[1] ?? 0;
  const k = Math.cos((lat0 * Math.PI) / 180);
  for (const polygon of multi) {
    polygon.forEach((ring, index) => {
      const sign = index === 0 ? 1 : -1;
      let ra = 0;
      let rx = 0;
      let ry = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const [x1 = 0, y1 = 0] = ring[i] ?? [];
        const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
        const cross = x1 * k * y2 - x2 * k * y1;
        ra += cross;
        rx += (x1 * k + x2 * k) * cross;
        ry += (y1 + y2) * cross;
      }
      ra /= 2;
      if (ra === 0) return;
      const area = Math.abs(ra) * sign;
      cx += (rx / (6 * ra)) * area;
      cy += (ry / (6 * ra)) * area;
      a += area;
    });
  }
  if (a <= 0) return null;
  return { point: { lat: cy / a, lon: cx / a / k }, area: a };
}

export interface QuarterCentre {
  code: string;
  point: Point;
  area: number;
}

/** The population of the region's quarters as of a date, or null where none is imported. */
export interface PopulationInput {
  asOf: string;
  byQuarter: Map<string, number>;
}

/** The units of one quarter (finer units, or the quarter itself) joined into one centroid, area-weighted. */
export function quartersOf(units: { quarterCode: string; point: Point; area: number }[]): QuarterCentre[] {
  const byCode = new Map<string, { lat: number; lon: number; area: number }>();
  for (const u of units) {
    const acc = byCode.get(u.quarterCode) ?? { lat: 0, lon: 0, area: 0 };
    acc.lat += u.point.lat * u.area;
    acc.lon += u.point.lon * u.area;
    acc.area += u.area;
    byCode.set(u.quarterCode, acc);
  }
  return [...byCode].map(([code, a]) => ({ code, point: { lat: a.lat / a.area, lon: a.lon / a.area }, area: a.area }));
}

/**
 * Centrality from the quarters' centroids. With population for every quarter of the region, the
 * centre and the mean distance are weighted by population; otherwise the centre is the region's
 * area-weighted centroid and the mean distance the plain (unweighted) mean over its quarters.
 */
export function centralityFrom(office: Point, quarters: QuarterCentre[], population: PopulationInput | null = null): CentralityInput | null {
  if (quarters.length === 0) return null;
  const people = population ? quarters.map((q) => population.byQuarter.get(q.code)) : [];
  const weighted = population !== null && people.every((n) => n !== undefined) && people.reduce<number>((s, n) => s + (n ?? 0), 0) > 0;
  const centreWeights = weighted ? people.map((n) => n ?? 0) : quarters.map((q) => q.area);
  const meanWeights = weighted ? centreWeights : quarters.map(() => 1);
  const sum = (w: number[], f: (q: QuarterCentre) => number): number => quarters.reduce((s, q, i) => s + f(q) * (w[i] ?? 0), 0) / w.reduce((s, x) => s + x, 0);
  const centre = { lat: sum(centreWeights, (q) => q.point.lat), lon: sum(centreWeights, (q) => q.point.lon) };
  const mean = sum(meanWeights, (q) => haversineMetres(office, q.point));
  const km = (m: number): number => Math.round(m / 10) / 100;
  return {
    distanceToCentreKm: km(haversineMetres(office, centre)),
    meanQuarterDistanceKm: km(mean),
    quarters: quarters.length,
    weighted,
    populationAsOf: weighted && population ? population.asOf : null,
  };
}

export async function centralityOf(tx: Tx, office: Point, regionId: string, at: string): Promise<CentralityInput | null> {
  try {
    // A savepoint: should the boundary tables differ or be absent, the office answer still comes.
    const { rows, population } = await tx.transaction(async (sp) => ({
      rows: await boundaryUnitsOfRegion(sp, regionId, at),
      population: await populationAt(sp, at),
    }));
    const units = rows.flatMap((r) => {
      const c = centroidOf(r.geometry);
      return c ? [{ quarterCode: r.quarterCode ?? r.code, ...c }] : [];
    });
    return centralityFrom(office, quartersOf(units), population);
  } catch {
    return null;
  }
}
