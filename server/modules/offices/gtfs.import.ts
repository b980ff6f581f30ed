import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { referenceDataScope } from '#server/modules/regions/regions.public.ts';
import * as q from './gtfs.queries.ts';

/**
 * GTFS import (`lotse gtfs import <folder-or-zip>`): stops.txt is required; routes.txt, trips.txt,
 * stop_times.txt and calendar.txt add the lines serving each stop and the departures per stop,
 * weekday and hour of a typical week (services counted on every weekday their calendar sets,
 * regardless of the calendar's date range). An import replaces the previous feed.
 * Files are read whole (fine for a city's feed; a country-wide stop_times.txt would want streaming).
 */
export class GtfsError extends Error {}

/** Parses RFC 4180 CSV (quotes, doubled quotes, CRLF, a UTF-8 BOM) into objects by header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  const [header, ...body] = rows;
  if (!header) return [];
  const keys = header.map((h) => h.trim());
  return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()])));
}

/** The feed's files by name, from a folder or a zip file. */
export function readFeed(path: string): Map<string, string> {
  if (!existsSync(path)) throw new GtfsError(`${path} does not exist`);
  const files = new Map<string, string>();
  const wanted = ['stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt', 'calendar.txt'];
  if (statSync(path).isDirectory()) {
    for (const name of wanted) if (existsSync(join(path, name))) files.set(name, readFileSync(join(path, name), 'utf8'));
  } else {
    const entries = unzipSync(readFileSync(path), { filter: (f) => wanted.includes(f.name.split('/').pop() ?? '') });
    for (const [name, data] of Object.entries(entries)) files.set(name.split('/').pop() ?? name, strFromU8(data));
  }
  if (!files.has('stops.txt')) throw new GtfsError('stops.txt is missing: a GTFS feed needs at least its stops');
  return files;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export interface ParsedFeed {
  stops: { stopId: string; code: string; name: string; lat: number; lon: number; lines: string[] }[];
  departures: { stopId: string; weekday: number; hour: number; departures: number }[];
  skipped: number;
}

export function parseFeed(files: Map<string, string>): ParsedFeed {
  let skipped = 0;
  const stops = new Map<string, ParsedFeed['stops'][number]>();
  for (const s of parseCsv(files.get('stops.txt') ?? '')) {
    const lat = Number(s['stop_lat']);
    const lon = Number(s['stop_lon']);
    const type = s['location_type'] ?? '';
    // Entrances, generic nodes and boarding areas (2–4) are not where people board.
    if (!s['stop_id'] || !s['stop_name'] || !Number.isFinite(lat) || !Number.isFinite(lon) || s['stop_lat'] === '' || !['', '0', '1'].includes(type)) {
      skipped++;
      continue;
    }
    stops.set(s['stop_id'], { stopId: s['stop_id'], code: s['stop_code'] ?? '', name: s['stop_name'], lat, lon, lines: [] });
  }
  const departures: ParsedFeed['departures'] = [];
  const routes = new Map(parseCsv(files.get('routes.txt') ?? '').map((r) => [r['route_id'] ?? '', r['route_short_name'] || r['route_long_name'] || r['route_id'] || '']));
  const calendar = new Map(parseCsv(files.get('calendar.txt') ?? '').map((c) => [c['service_id'] ?? '', WEEKDAYS.flatMap((d, i) => (c[d] === '1' ? [i + 1] : []))]));
  const trips = new Map(parseCsv(files.get('trips.txt') ?? '').map((t) => [t['trip_id'] ?? '', { route: routes.get(t['route_id'] ?? '') ?? '', days: calendar.get(t['service_id'] ?? '') ?? [] }]));
  if (files.has('stop_times.txt') && trips.size > 0) {
    const lines = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    for (const st of parseCsv(files.get('stop_times.txt') ?? '')) {
      const trip = trips.get(st['trip_id'] ?? '');
      const stopId = st['stop_id'] ?? '';
      const time = st['departure_time'] || st['arrival_time'] || '';
      if (!trip || !stops.has(stopId)) continue;
      if (trip.route) (lines.get(stopId) ?? lines.set(stopId, new Set()).get(stopId))?.add(trip.route);
      const hours = Number(time.split(':')[0]);
      if (!time || !Number.isInteger(hours)) continue;
      for (const day of trip.days) {
        // GTFS times run past 24:00 for trips after midnight: fold them into the next day.
        const weekday = ((day - 1 + Math.floor(hours / 24)) % 7) + 1;
        const key = `${stopId}\u0000${weekday}\u0000${hours % 24}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    for (const [stopId, set] of lines) {
      const stop = stops.get(stopId);
      if (stop) stop.lines = [...set].sort((a, b) => a.localeCompare(b, 'de', { numeric: true }));
    }
    for (const [key, n] of counts) {
      const [stopId = '', weekday, hour] = key.split('\u0000');
      departures.push({ stopId, weekday: Number(weekday), hour: Number(hour), departures: n });
    }
  }
  return { stops: [...stops.values()], departures, skipped };
}

/** Replaces the imported feed. The city's administration or the command line (system). */
export async function importGtfs(deps: Pick<Deps, 'db' | 'now'>, actor: Actor, path: string): Promise<{ stops: number; departures: number; skipped: number }> {
  const feed = parseFeed(readFeed(path));
  return deps.db.transaction(referenceDataScope(actor), async (tx) => {
    await q.clearGtfs(tx);
    await q.insertStops(tx, feed.stops);
    await q.insertDepartures(tx, feed.departures);
    if (actor.kind === 'staff') await recordAudit(tx, actor, { action: 'gtfs.import', recordType: 'gtfs_stop', recordIds: [] }, deps.now());
    return { stops: feed.stops.length, departures: feed.departures.length, skipped: feed.skipped };
  });
}
