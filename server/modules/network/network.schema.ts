import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisation } from '../identity/identity.schema.ts';
import { region } from '../regions/regions.schema.ts';

/**
 * The social space's partners (sozialräumliche Koordinierung): language course providers, the
 * Jobcenter, health services, Kitas and schools, counselling services. Until the network is made
 * public (a later issue), each provider keeps its own list per region: tenant-only RLS, FORCE-d
 * (custom part of the migration `partner`). A partner is archived, never deleted, so the
 * referrals that name it keep their recipient. `(id, organisation_id)` is the target of
 * tenant-bound references (a referral can only name its own provider's partner).
 */

export const PARTNER_KINDS = ['language_course', 'jobcenter', 'health', 'kita_school', 'counselling', 'other'] as const;

export const partner = pgTable(
  'partner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    regionCode: text('region_code').notNull().references(() => region.code),
    kind: text('kind', { enum: PARTNER_KINDS }).notNull(),
    /** The name a consent names as its recipient (compared case- and space-insensitively). */
    name: text('name').notNull(),
    /** How to reach it: a contact person, phone, email, address (free text). */
    contact: text('contact').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partner_organisation_region_idx').on(t.organisationId, t.regionCode),
    uniqueIndex('partner_name_key').on(t.organisationId, t.regionCode, sql`lower(${t.name})`),
    unique('partner_id_organisation_key').on(t.id, t.organisationId),
    check('partner_name_check', sql`length(btrim(${t.name})) > 0`),
    check('partner_version_check', sql`${t.version} >= 1`),
  ],
);
