import { date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Population per quarter (Stadtteil) from the city's own statistics, as of a date. An import
 * replaces the figures of its date; the scorecard uses the latest date not after its own
 * (docs/decisions/0008). Reference data like the boundaries: written by system use cases only.
 */
export const quarterPopulation = pgTable(
  'quarter_population',
  {
    asOf: date('as_of').notNull(),
    quarterCode: text('quarter_code').notNull(),
    population: integer('population').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.asOf, t.quarterCode] })],
);
