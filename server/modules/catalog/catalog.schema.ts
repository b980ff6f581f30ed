import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { account } from '../identity/identity.schema.ts';

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

/**
 * A version of the service catalog (Leistungskatalog). The city edits a `draft` (at most one at a
 * time, a copy of the latest published version) and publishes it; a `published` version never
 * changes again (a trigger refuses it, db/migrations), so a service entry documented under it keeps
 * its meaning. The current catalog is the published version with the highest number.
 */
export const catalogVersion = pgTable(
  'catalog_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().unique(),
    label: text('label').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
    /** An example catalog shipped with Lotse (Beispielkatalog) that the city replaces with its own. */
    example: boolean('example').notNull().default(false),
    /** From when entries are documented under it; set when it is published. */
    validFrom: date('valid_from'),
    basedOnId: uuid('based_on_id'),
    /** Null for the catalog Lotse ships (seeded at start). */
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => account.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('catalog_version_one_draft').on(t.status).where(sql`${t.status} = 'draft'`),
    check('catalog_version_published_check', sql`${t.status} = 'draft' OR (${t.validFrom} IS NOT NULL AND ${t.publishedAt} IS NOT NULL)`),
    foreignKey({ columns: [t.basedOnId], foreignColumns: [t.id] }),
  ],
);

/**
 * A service of one catalog version. Its `code` is stable across versions (a draft copies the
 * services of the version it is based on); an entry keeps the row it was documented against.
 */
export const catalogService = pgTable(
  'catalog_service',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id').notNull().references(() => catalogVersion.id),
    code: text('code').notNull(),
    /** Names per language, German and English at least: {"de": "Wohnungssuche", "en": "Finding a flat"}. */
    name: jsonb('name').$type<Record<string, string>>().notNull(),
    /** Descriptions per language (may be empty). */
    description: jsonb('description').$type<Record<string, string>>().notNull().default({}),
    blockId: uuid('block_id').notNull().references(() => serviceBlock.id),
    areaId: uuid('area_id').notNull().references(() => integrationArea.id),
    /** How it is counted: per contact or by minutes. */
    counting: text('counting', { enum: ['contacts', 'minutes'] }).notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('catalog_service_version_code').on(t.versionId, t.code), index('catalog_service_version_idx').on(t.versionId, t.position)],
);
