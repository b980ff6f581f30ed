import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  jsonb,
  primaryKey,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { integrationArea, serviceBlock } from '../catalog/catalog.schema.ts';
import { organisation } from '../identity/identity.schema.ts';
import { region } from '../regions/regions.schema.ts';

/**
 * Integration offices (Integrationsbüros). Tenant-owned by the provider (RLS: everyone reads,
 * a provider writes its own, the city writes all). Offices move: a move is a new row with a new
 * validity period [valid_from, valid_to); `predecessor_id` links the history.
 *
 * `accessibility` holds the A11yJSON-like tri-state facts (contract `OfficeAccessibility` in
 * contracts/offices.ts); `site_assessment` the coordinator's entries for the scorecard
 * (footpaths, signage, position in the building).
 */
export const office = pgTable(
  'office',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => organisation.id),
    regionId: uuid('region_id').notNull().references(() => region.id),
    predecessorId: uuid('predecessor_id'),
    name: text('name').notNull(),
    street: text('street').notNull(),
    houseNumber: text('house_number').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    web: text('web').notNull().default(''),
    /** ISO 639-1 codes of the languages spoken at the office. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    accessibility: jsonb('accessibility').$type<Record<string, unknown>>().notNull().default({}),
    siteAssessment: jsonb('site_assessment').$type<Record<string, unknown>>().notNull().default({}),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('office_provider_idx').on(t.providerId),
    index('office_region_idx').on(t.regionId),
    check('office_period_check', sql`${t.validTo} IS NULL OR ${t.validTo} > ${t.validFrom}`),
    check('office_lat_check', sql`${t.lat} BETWEEN -90 AND 90`),
    check('office_lon_check', sql`${t.lon} BETWEEN -180 AND 180`),
  ],
);

/**
 * Regular opening hours: one row per interval and weekday (ISO: 1 Monday … 7 Sunday), optionally
 * limited to a period [valid_from, valid_to). `kind` tells open hours from walk-in hours.
 */
export const officeOpeningHours = pgTable(
  'office_opening_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => office.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
    kind: text('kind', { enum: ['open', 'walk_in'] }).notNull().default('open'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [
    index('office_opening_hours_office_idx').on(t.officeId),
    check('office_opening_hours_weekday_check', sql`${t.weekday} BETWEEN 1 AND 7`),
    check('office_opening_hours_interval_check', sql`${t.closes} > ${t.opens}`),
  ],
);

/**
 * Exceptions for a date: `closed` (the whole day) or special hours (one row per interval).
 * Saxon public holidays are computed (offices/holidays.ts), not stored.
 */
export const officeHoursException = pgTable(
  'office_hours_exception',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => office.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    closed: boolean('closed').notNull().default(true),
    opens: time('opens'),
    closes: time('closes'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    index('office_hours_exception_office_date_idx').on(t.officeId, t.date),
    check(
      'office_hours_exception_shape_check',
      sql`(${t.closed} AND ${t.opens} IS NULL AND ${t.closes} IS NULL) OR (NOT ${t.closed} AND ${t.opens} IS NOT NULL AND ${t.closes} > ${t.opens})`,
    ),
  ],
);

/**
 * Services the office offers, from the catalog: the service blocks held there and the integration
 * areas it counsels in. Rows follow their office (RLS like the opening hours); a catalog entry in
 * use cannot be deleted (foreign keys without cascade).
 */
export const officeServiceBlock = pgTable(
  'office_service_block',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => office.id, { onDelete: 'cascade' }),
    serviceBlockId: uuid('service_block_id')
      .notNull()
      .references(() => serviceBlock.id),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.serviceBlockId] })],
);

export const officeIntegrationArea = pgTable(
  'office_integration_area',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => office.id, { onDelete: 'cascade' }),
    integrationAreaId: uuid('integration_area_id')
      .notNull()
      .references(() => integrationArea.id),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.integrationAreaId] })],
);
