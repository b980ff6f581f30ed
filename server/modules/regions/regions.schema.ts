import { customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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

/** A PostgreSQL `box` (core type, no PostGIS): a polygon's bounding box for the GiST candidate search. */
const box = customType<{ data: string; driverData: string }>({ dataType: () => 'box' });

/**
 * One import of official boundaries, valid from a date on. A lookup uses the set valid at its date
 * (the latest `valid_from` not after it). `kind`: which level the polygons are — statistical quarters
 * (Stadtteile), region members (Stadtbezirke/Ortschaften) or finer units (e.g. election districts)
 * assigned to quarters by a table.
 */
export const boundarySet = pgTable(
  'boundary_set',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['quarter', 'member', 'unit'] }).notNull(),
    validFrom: date('valid_from').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
    unitCount: integer('unit_count').notNull(),
    source: text('source').notNull().default(''),
  },
  (t) => [index('boundary_set_valid_from_idx').on(t.validFrom)],
);

/**
 * One polygon of a boundary set, in WGS 84 as GeoJSON MultiPolygon coordinates ([lon, lat]), with its
 * bounding box indexed by GiST. `quarterCode`/`memberCode` say where the unit belongs.
 */
export const boundaryUnit = pgTable(
  'boundary_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    setId: uuid('set_id').notNull().references(() => boundarySet.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull().default(''),
    quarterCode: text('quarter_code'),
    memberCode: text('member_code'),
    geometry: jsonb('geometry').$type<[number, number][][][]>().notNull(),
    bbox: box('bbox').notNull(),
  },
  (t) => [
    uniqueIndex('boundary_unit_set_code_key').on(t.setId, t.code),
    index('boundary_unit_bbox_idx').using('gist', t.bbox),
  ],
);

/**
 * The street directory: a house-number range of a street lies in a quarter (and, where the quarter
 * spans several Ortschaften, in one of them). `streetKey` is the normalised street name.
 */
export const streetDirectoryEntry = pgTable(
  'street_directory_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    streetKey: text('street_key').notNull(),
    street: text('street').notNull(),
    numberFrom: integer('number_from').notNull(),
    numberTo: integer('number_to').notNull(),
    parity: text('parity', { enum: ['all', 'odd', 'even'] }).notNull(),
    postcode: text('postcode'),
    quarterCode: text('quarter_code').notNull(),
    memberCode: text('member_code'),
  },
  (t) => [index('street_directory_entry_key_idx').on(t.streetKey)],
);
