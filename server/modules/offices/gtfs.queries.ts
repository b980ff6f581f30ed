import { and, between, inArray, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { boundingBox, type Point } from './geo.ts';
import { gtfsDepartureHour, gtfsStop } from './gtfs.schema.ts';

/** Stops inside the box around a point (index on lat, lon); the caller sorts by exact distance. */
export async function stopsNear(tx: Tx, centre: Point, metres: number) {
  const b = boundingBox(centre, metres);
  return tx
    .select({ stopId: gtfsStop.stopId, name: gtfsStop.name, lat: gtfsStop.lat, lon: gtfsStop.lon, lines: gtfsStop.lines })
    .from(gtfsStop)
    .where(and(between(gtfsStop.lat, b.minLat, b.maxLat), between(gtfsStop.lon, b.minLon, b.maxLon)));
}

export async function departuresOf(tx: Tx, stopIds: string[]) {
  if (stopIds.length === 0) return [];
  return tx.select().from(gtfsDepartureHour).where(inArray(gtfsDepartureHour.stopId, stopIds));
}

export async function stopCount(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(gtfsStop);
  return row?.n ?? 0;
}

export async function timetableCount(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(gtfsDepartureHour);
  return row?.n ?? 0;
}

export async function clearGtfs(tx: Tx): Promise<void> {
  await tx.delete(gtfsDepartureHour);
  await tx.delete(gtfsStop);
}

const BATCH = 500;

export async function insertStops(tx: Tx, rows: (typeof gtfsStop.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(gtfsStop).values(rows.slice(i, i + BATCH));
}

export async function insertDepartures(tx: Tx, rows: (typeof gtfsDepartureHour.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(gtfsDepartureHour).values(rows.slice(i, i + BATCH));
}
