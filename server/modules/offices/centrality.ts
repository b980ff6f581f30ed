import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#server/db.ts';
import { haversineMetres, type Point } from './geo.ts';
import type { CentralityInput } from './scorecard.ts';

/**
 * Centrality of an office in its region, from the imported boundaries (regions domain, geo import):
 * the units (quarters or finer units) whose member belongs to the region on the date give the
 * region's centre (area-weighted centroid; no population is imported yet, so `weighted` is false).
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

export function centralityFrom(office: Point, units: { point: Point; area: number }[]): CentralityInput | null {
  if (units.length === 0) return null;
  const total = units.reduce((s, u) => s + u.area, 0);
  const centre = { lat: units.reduce((s, u) => s + u.point.lat * u.area, 0) / total, lon: units.reduce((s, u) => s + u.point.lon * u.area, 0) / total };
  const mean = units.reduce((s, u) => s + haversineMetres(office, u.point) * u.area, 0) / total;
  const km = (m: number): number => Math.round(m / 10) / 100;
  return { distanceToCentreKm: km(haversineMetres(office, centre)), meanQuarterDistanceKm: km(mean), quarters: units.length, weighted: false };
}

export async function centralityOf(tx: Tx, office: Point, regionId: string, at: string): Promise<CentralityInput | null> {
  try {
    // A savepoint: should the boundary tables differ or be absent, the office answer still comes.
    const rows = await tx.transaction(async (sp) =>
      queryRows<{ geometry: Ring[][] }>(
        sp,
        sql`select u.geometry from boundary_unit u
            where u.set_id = (select s.id from boundary_set s where s.valid_from <= ${at} and s.kind in ('quarter', 'unit')
                              order by s.valid_from desc, s.imported_at desc limit 1)
              and exists (
                select 1 from region_member m
                join region_membership rm on rm.member_id = m.id and rm.region_id = ${regionId}
                  and rm.valid_from <= ${at} and (rm.valid_to is null or rm.valid_to > ${at})
                where m.code = u.member_code
                   or m.id in (select qm.member_id from quarter_membership qm join quarter q on q.id = qm.quarter_id
                               where q.code = u.quarter_code and qm.valid_from <= ${at} and (qm.valid_to is null or qm.valid_to > ${at})))`,
      ),
    );
    const units = rows.map((r) => centroidOf(r.geometry)).filter((u): u is { point: Point; area: number } => u !== null);
    return centralityFrom(office, units);
  } catch {
    return null;
  }
}
