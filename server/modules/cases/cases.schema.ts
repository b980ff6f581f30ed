import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { account, organisation } from '../identity/identity.schema.ts';

/**
 * Case work (Fallarbeit): households and their people, owned by the provider that serves them —
 * there is no city-wide register of people. Every tenant table carries `organisation_id` and
 * row-level security (`organisation_id = lotse_current_org()` or a named system use case; never the
 * city scope), FORCE-d so that not even the owner reads past it (custom migration `cases_security`).
 * Every editable record has a `version` for optimistic concurrency: a save names the version it
 * read, a stale one is refused with the current record ("changed meanwhile").
 */

export const ACCOMMODATION_KINDS = ['shared_accommodation', 'own_flat'] as const;
export const RELATIONSHIPS = ['head', 'spouse', 'partner', 'child', 'stepchild', 'parent', 'sibling', 'grandchild', 'other_relative', 'other'] as const;
export const SEXES = ['female', 'male', 'diverse'] as const;
export const RESIDENCE_GROUPS = ['asylum_procedure', 'tolerated', 'protection', 'residence_permit', 'settlement', 'eu_citizen', 'other'] as const;

/**
 * Residence statuses (Aufenthaltsstatus): a code list the city maintains, like the integration
 * areas. `group` is what statistics count by; `paragraphRequired`: the permit names its paragraph
 * (Aufenthaltserlaubnis nach § 25 Abs. 2 AufenthG).
 */
export const residenceStatus = pgTable('residence_status', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  /** Labels per language, German first. */
  name: jsonb('name').$type<Record<string, string>>().notNull(),
  group: text('group', { enum: RESIDENCE_GROUPS }).notNull(),
  paragraphRequired: boolean('paragraph_required').notNull().default(false),
  expires: boolean('expires').notNull().default(true),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/**
 * A household (Haushalt): the unit of case work and of counting. Where it lives: an address or a
 * shared accommodation, in a quarter; member and region follow from the quarter code through the
 * regions module (or are chosen from the list when the quarter is unknown).
 */
export const household = pgTable(
  'household',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    accommodation: text('accommodation', { enum: ACCOMMODATION_KINDS }).notNull(),
    /** Name of the shared accommodation (Gemeinschaftsunterkunft), where it is one. */
    accommodationName: text('accommodation_name').notNull().default(''),
    street: text('street').notNull().default(''),
    houseNumber: text('house_number').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    quarterCode: text('quarter_code'),
    memberCode: text('member_code'),
    regionCode: text('region_code').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('household_organisation_region_idx').on(t.organisationId, t.regionCode),
    /** Target of tenant-bound references (an appointment's household is its provider's). */
    unique('household_id_organisation_key').on(t.id, t.organisationId),
  ],
);

/**
 * A person of a household. Names as written in the documents (Latin) and in the original script;
 * other spellings; a date of birth that may be known only to the year or month.
 */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    householdId: uuid('household_id').notNull().references(() => household.id),
    relationship: text('relationship', { enum: RELATIONSHIPS }).notNull(),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names').notNull(),
    familyNameOriginal: text('family_name_original').notNull().default(''),
    givenNamesOriginal: text('given_names_original').notNull().default(''),
    /** Other spellings of the full name (earlier documents, transliterations, how the person writes it). */
    otherSpellings: text('other_spellings').array().notNull().default(sql`'{}'::text[]`),
    birthYear: smallint('birth_year'),
    birthMonth: smallint('birth_month'),
    birthDay: smallint('birth_day'),
    sex: text('sex', { enum: SEXES }),
    /** ISO 3166-1 alpha-2 codes; `XX` stateless / unknown. */
    nationalities: text('nationalities').array().notNull().default(sql`'{}'::text[]`),
    /** ISO 639-1 codes (or 639-3 where there is no two-letter code, e.g. `prs` Dari). */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    residenceStatusCode: text('residence_status_code').references(() => residenceStatus.code),
    residenceParagraph: text('residence_paragraph').notNull().default(''),
    residenceExpiresOn: date('residence_expires_on'),
    arrivedOn: date('arrived_on'),
    /** Kommunale Zuweisung: starts the 12-month Grundleistung window. */
    assignedOn: date('assigned_on'),
    /** The integration course (Integrationskurs) starts or started. */
    integrationCourseOn: date('integration_course_on'),
    /** School or Kita starts or started (children). */
    schoolStartOn: date('school_start_on'),
    /** Set when this record was merged into another (a duplicate): the record stays as a tombstone. */
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('person_household_idx').on(t.householdId),
    index('person_organisation_birth_year_idx').on(t.organisationId, t.birthYear),
    check('person_birth_month_check', sql`${t.birthMonth} IS NULL OR (${t.birthYear} IS NOT NULL AND ${t.birthMonth} BETWEEN 1 AND 12)`),
    check('person_birth_day_check', sql`${t.birthDay} IS NULL OR (${t.birthMonth} IS NOT NULL AND ${t.birthDay} BETWEEN 1 AND 31)`),
    check('person_birth_year_check', sql`${t.birthYear} IS NULL OR ${t.birthYear} BETWEEN 1900 AND 2100`),
    check('person_merge_check', sql`(${t.mergedIntoId} IS NULL) = (${t.mergedAt} IS NULL)`),
    /** Target of references that bind a person to its household and tenant (an appointment's person). */
    unique('person_id_household_organisation_key').on(t.id, t.householdId, t.organisationId),
  ],
);

/**
 * Search keys of one spelling of a person's name (names.ts): `latin` the normalised Latin
 * transliteration (tokens sorted), `skeleton` the consonant skeleton across scripts, `phonetic`
 * the double metaphone codes of the Latin tokens (fuzzystrmatch). Looked up by value (btree); the
 * trigram search runs over their distinct values (person_name_term).
 */
export const personNameKey = pgTable(
  'person_name_key',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    personId: uuid('person_id').notNull().references(() => person.id, { onDelete: 'cascade' }),
    spelling: text('spelling').notNull(),
    latin: text('latin').notNull(),
    skeleton: text('skeleton').notNull(),
    phonetic: text('phonetic').notNull(),
  },
  (t) => [
    index('person_name_key_person_idx').on(t.personId),
    index('person_name_key_latin_idx').on(t.organisationId, t.latin),
    index('person_name_key_skeleton_idx').on(t.organisationId, t.skeleton),
    index('person_name_key_phonetic_idx').on(t.organisationId, t.phonetic),
  ],
);

/**
 * The distinct values of a tenant's search keys, per kind (`latin`, `skeleton`, `phonetic`), kept
 * equal to person_name_key by its triggers (migration person_name_term). Trigram-indexed (GIN) per
 * kind: the person search scores these, a few hundred or thousand, instead of every person's keys.
 * Reached only through the owner's functions (no grant to lotse_app).
 */
export const personNameTerm = pgTable(
  'person_name_term',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    // One expression, not three columns: a btree over (organisation_id, kind, …) would let the planner
    // scan a tenant's terms of a kind (PostgreSQL 18 skips leading columns too) and score every one.
    uniqueIndex('person_name_term_key').on(sql`(${t.organisationId}::text || ' ' || ${t.kind} || ' ' || ${t.value})`),
    index('person_name_term_latin_trgm_idx').using('gin', sql`${t.value} gin_trgm_ops`).where(sql`${t.kind} = 'latin'`),
    index('person_name_term_skeleton_trgm_idx').using('gin', sql`${t.value} gin_trgm_ops`).where(sql`${t.kind} = 'skeleton'`),
    index('person_name_term_phonetic_trgm_idx').using('gin', sql`${t.value} gin_trgm_ops`).where(sql`${t.kind} = 'phonetic'`),
  ],
);

/**
 * The case file (Fallakte): one per household and provider. Its status is derived (cases.policy.ts):
 * closed when closed, else open until the first contact, active while contacts are recent, dormant
 * after the configured days without one.
 */
export const caseFile = pgTable(
  'case_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    householdId: uuid('household_id').notNull().references(() => household.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_file_household_key').on(t.householdId)],
);

/** The social workers a case file is assigned to (one or more). */
export const caseAssignment = pgTable(
  'case_assignment',
  {
    caseFileId: uuid('case_file_id').notNull().references(() => caseFile.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(() => account.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseFileId, t.accountId] }), index('case_assignment_account_idx').on(t.accountId)],
);
