import type { Tx } from '#server/db.ts';
import { minutesOf, type HoursRule } from './hours.ts';
import { walkBetween, type Point } from './geo.ts';
import * as q from './gtfs.queries.ts';

/** How far to look for stops (straight line); 1000 m ≈ 1.3 km walking, about 17 minutes. */
export const STOP_SEARCH_RADIUS_M = 1000;
export const NEAREST_STOPS = 5;

export interface NearbyStop {
  stopId: string;
  name: string;
  lines: string[];
  point: Point;
  straightMetres: number;
  walkingMetres: number;
  walkingMinutes: number;
  departuresPerHour: number | null;
}

/**
 * Average departures per hour while the office is open: each opening interval's hours weighted by
 * how much of the hour it covers. Null when the office has no hours.
 */
export function departuresPerOpeningHour(departures: { weekday: number; hour: number; departures: number }[], hours: HoursRule[]): number | null {
  const table = new Map(departures.map((d) => [`${d.weekday}:${d.hour}`, d.departures]));
  let weighted = 0;
  let openMinutes = 0;
  for (const rule of hours) {
    const o = minutesOf(rule.opens);
    const c = minutesOf(rule.closes);
    openMinutes += c - o;
    for (let h = Math.floor(o / 60); h * 60 < c; h++) {
      const overlap = Math.min(c, (h + 1) * 60) - Math.max(o, h * 60);
      if (overlap > 0) weighted += ((table.get(`${rule.weekday}:${h}`) ?? 0) * overlap) / 60;
    }
  }
  if (openMinutes === 0) return null;
  return Math.round((weighted / (openMinutes / 60)) * 10) / 10;
}

/** The nearest stops of a point: bounding-box prefilter in SQL, then the exact haversine distance. */
export async function nearestStops(tx: Tx, point: Point, hours: HoursRule[], limit = NEAREST_STOPS): Promise<NearbyStop[]> {
  const candidates = await q.stopsNear(tx, point, STOP_SEARCH_RADIUS_M);
  const measured = candidates
    .map((s) => ({ ...s, walk: walkBetween(point, { lat: s.lat, lon: s.lon }) }))
    .filter((s) => s.walk.straightMetres <= STOP_SEARCH_RADIUS_M)
    .sort((a, b) => a.walk.straightMetres - b.walk.straightMetres)
    .slice(0, limit);
  const hasTimetable = (await q.timetableCount(tx)) > 0;
  const deps = hasTimetable ? await q.departuresOf(tx, measured.map((s) => s.stopId)) : [];
  return measured.map((s) => ({
    stopId: s.stopId,
    name: s.name,
    lines: s.lines,
    point: { lat: s.lat, lon: s.lon },
    ...s.walk,
    departuresPerHour: hasTimetable ? departuresPerOpeningHour(deps.filter((d) => d.stopId === s.stopId), hours) : null,
  }));
}
