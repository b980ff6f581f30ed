import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Public-transport stops from a GTFS feed (`lotse gtfs import`). Reference data: everyone reads,
 * only the city and system use cases write (RLS, custom migration). One feed at a time: an import
 * replaces the stops and departures.
 */
export const gtfsStop = pgTable(
  'gtfs_stop',
  {
    stopId: text('stop_id').primaryKey(),
    code: text('code').notNull().default(''),
    name: text('name').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    /** Short names of the routes serving the stop (from trips and stop_times where present). */
    lines: text('lines').array().notNull().default(sql`'{}'::text[]`),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('gtfs_stop_lat_lon_idx').on(t.lat, t.lon)],
);

/**
 * Compact timetable: departures per stop, ISO weekday (1–7) and hour of day (0–23, local time,
 * GTFS times past 24:00 folded into the next day's hour) in a typical week of the feed's calendar.
 */
export const gtfsDepartureHour = pgTable(
  'gtfs_departure_hour',
  {
    stopId: text('stop_id')
      .notNull()
      .references(() => gtfsStop.stopId, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    hour: smallint('hour').notNull(),
    departures: integer('departures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stopId, t.weekday, t.hour] })],
);
