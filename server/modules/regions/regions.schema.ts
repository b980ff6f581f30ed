import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Regions and their members (Stadtbezirke, Ortschaften) and the statistical quarters (Stadtteile).
 * Reference data the city edits; memberships carry validity periods [valid_from, valid_to) so that
 * "which region was this in, then?" has an answer. Overlapping periods are refused by exclusion
 * constraints (custom migration).
 */
export const region = pgTable('region', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
});

export const regionMember = pgTable('region_member', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['district', 'locality'] }).notNull(),
  /** The city's official number where it has one (Stadtbezirk 0 Altstadt … 9 Cotta). */
  officialCode: text('official_code'),
});

export const regionMembership = pgTable(
  'region_membership',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull().references(() => regionMember.id),
    regionId: uuid('region_id').notNull().references(() => region.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [index('region_membership_member_idx').on(t.memberId), index('region_membership_region_idx').on(t.regionId)],
);

export const quarter = pgTable('quarter', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Official two-digit Stadtteil code, e.g. "01" Innere Altstadt. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

/** A quarter belongs to one or more members (three quarters span several Ortschaften). */
export const quarterMembership = pgTable(
  'quarter_membership',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quarterId: uuid('quarter_id').notNull().references(() => quarter.id),
    memberId: uuid('member_id').notNull().references(() => regionMember.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    index('quarter_membership_quarter_idx').on(t.quarterId),
    uniqueIndex('quarter_membership_once_key').on(t.quarterId, t.memberId, t.validFrom),
  ],
);
