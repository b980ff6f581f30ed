import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/** The nine integration areas (Integrationsbereiche): data the city maintains, not an enum in code. */
export const integrationArea = pgTable('integration_area', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  /** Labels per language, German first: {"de": "Sprache", "en": "language"}. */
  name: jsonb('name').$type<Record<string, string>>().notNull(),
  position: integer('position').notNull().default(0),
  /** Special categories (DSGVO Art. 9): notes in these areas are encrypted at field level. */
  sensitivity: text('sensitivity', { enum: ['normal', 'special'] }).notNull().default('normal'),
});

/**
 * The three service blocks (Bausteine) the providers deliver: `basic` (Grundleistung /
 * Willkommensleistung), `open_consultation` (Offene Sprechzeit), `specialist` (Fachleistung).
 * Catalog data like the integration areas, labelled per language.
 */
export const serviceBlock = pgTable('service_block', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  /** Labels per language, German first: {"de": "Fachleistung", "en": "specialist service"}. */
  name: jsonb('name').$type<Record<string, string>>().notNull(),
  position: integer('position').notNull().default(0),
});
