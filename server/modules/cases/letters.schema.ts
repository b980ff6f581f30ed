import { sql } from 'drizzle-orm';
import { check, customType, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { account, organisation } from '../identity/identity.schema.ts';
import { household, person } from './cases.schema.ts';

/** Raw bytes: node-postgres answers a Buffer, PGlite a Uint8Array; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

/** Who sent the letter: a code list (labels in the staff app's `letters` namespace). */
export const LETTER_AUTHORITIES = ['jobcenter', 'foreigners_office', 'family_benefits_office', 'social_welfare_office', 'health_insurance', 'school_kita', 'other'] as const;
export const LETTER_STATES = ['open', 'dealt_with'] as const;
export const LETTER_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/**
 * A letter or form a household received (Bescheid, Anhörung, Aufforderung), scanned or
 * photographed: who sent it, the file number, the person it concerns, when it came and the due
 * date it sets; open until a social worker deals with it (with a note). The file itself lies
 * apart in `letter_file`, sealed. Tenant-bound: the references include the provider, so a letter
 * can only name a household of its own provider and a person of that household. Tenant-only RLS,
 * FORCE-d (custom part of the migration `letter`); no DELETE for lotse_app.
 */
export const letter = pgTable(
  'letter',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    householdId: uuid('household_id').notNull(),
    /** The person of the household the letter concerns; null: the household as a whole. */
    personId: uuid('person_id'),
    authority: text('authority', { enum: LETTER_AUTHORITIES }).notNull(),
    /** The sender's name when the authority is `other` (or a finer name: "Jobcenter Dresden Nord"). */
    authorityName: text('authority_name').notNull().default(''),
    /** The Aktenzeichen / file number as printed on the letter. */
    fileNumber: text('file_number').notNull().default(''),
    receivedOn: date('received_on').notNull(),
    dueOn: date('due_on'),
    state: text('state', { enum: LETTER_STATES }).notNull().default('open'),
    note: text('note').notNull().default(''),
    dealtWithAt: timestamp('dealt_with_at', { withTimezone: true }),
    dealtWithBy: uuid('dealt_with_by').references(() => account.id),
    /** Read from the bytes, never from what the browser declared. */
    contentType: text('content_type', { enum: LETTER_CONTENT_TYPES }).notNull(),
    byteSize: integer('byte_size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => account.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'letter_household_fk', columns: [t.householdId, t.organisationId], foreignColumns: [household.id, household.organisationId] }),
    foreignKey({ name: 'letter_person_fk', columns: [t.personId, t.householdId, t.organisationId], foreignColumns: [person.id, person.householdId, person.organisationId] }),
    unique('letter_id_organisation_key').on(t.id, t.organisationId),
    index('letter_household_idx').on(t.householdId, t.receivedOn),
    index('letter_open_due_idx').on(t.organisationId, t.dueOn).where(sql`${t.state} = 'open' and ${t.dueOn} is not null`),
    check('letter_dealt_with_check', sql`(${t.state} = 'dealt_with') = (${t.dealtWithAt} IS NOT NULL)`),
    check('letter_byte_size_check', sql`${t.byteSize} > 0`),
    check('letter_version_check', sql`${t.version} >= 1`),
  ],
);

/**
 * The letter's file, sealed with the key ring (AES-256-GCM, context `letter_file:<letter id>:sealed`),
 * behind `LetterFileStore` (letters.store.ts) so that an object store can replace the table. In the
 * database, every process of the server reads what another wrote. Same tenant as its letter by the
 * reference; tenant-only RLS, FORCE-d; no DELETE for lotse_app.
 */
export const letterFile = pgTable(
  'letter_file',
  {
    letterId: uuid('letter_id').primaryKey(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    sealed: bytea('sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [foreignKey({ name: 'letter_file_letter_fk', columns: [t.letterId, t.organisationId], foreignColumns: [letter.id, letter.organisationId] })],
);
