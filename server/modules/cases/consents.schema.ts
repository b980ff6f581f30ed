import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { account, organisation } from '../identity/identity.schema.ts';
import { household, person } from './cases.schema.ts';

/**
 * Consent as data (Schweigepflichtentbindung): what one person of a household agreed to, per
 * purpose and per recipient, when and how it was given and until when it holds. A withdrawal
 * takes effect at once (`withdrawn_at`); the row stays as evidence (no DELETE for lotse_app).
 * Tenant-bound: the references include the provider, so a consent can only name a household of
 * its own provider and a person of that household. Tenant-only RLS, FORCE-d (custom part of the
 * migration `consent`). The `version` is named by a withdrawal (409 with `current` otherwise).
 */

export const CONSENT_PURPOSES = ['referral', 'transfer', 'exchange'] as const;
/** A named partner organisation (free text for now), or the provider receiving a transfer. */
export const CONSENT_RECIPIENT_KINDS = ['partner', 'receiving_provider'] as const;
export const CONSENT_METHODS = ['signed_paper', 'verbal_witnessed'] as const;

export const consent = pgTable(
  'consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    householdId: uuid('household_id').notNull(),
    personId: uuid('person_id').notNull(),
    purpose: text('purpose', { enum: CONSENT_PURPOSES }).notNull(),
    recipientKind: text('recipient_kind', { enum: CONSENT_RECIPIENT_KINDS }).notNull(),
    /** The recipient's name as the person agreed to it (a partner, or the receiving provider). */
    recipient: text('recipient').notNull(),
    givenOn: date('given_on').notNull(),
    method: text('method', { enum: CONSENT_METHODS }).notNull(),
    /** Verbal consent: who witnessed it (required then, empty for signed paper). */
    witnessName: text('witness_name').notNull().default(''),
    validUntil: date('valid_until'),
    recordedBy: uuid('recorded_by').references(() => account.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => account.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'consent_household_fk', columns: [t.householdId, t.organisationId], foreignColumns: [household.id, household.organisationId] }),
    foreignKey({ name: 'consent_person_fk', columns: [t.personId, t.householdId, t.organisationId], foreignColumns: [person.id, person.householdId, person.organisationId] }),
    index('consent_household_idx').on(t.householdId, t.givenOn),
    index('consent_person_idx').on(t.personId, t.purpose),
    /** Target of tenant-bound references (a referral names the consent of its own person and provider). */
    unique('consent_id_person_organisation_key').on(t.id, t.personId, t.organisationId),
    check('consent_recipient_check', sql`length(btrim(${t.recipient})) > 0`),
    check('consent_witness_check', sql`(${t.method} = 'verbal_witnessed') = (length(btrim(${t.witnessName})) > 0)`),
    check('consent_valid_until_check', sql`${t.validUntil} IS NULL OR ${t.validUntil} >= ${t.givenOn}`),
    check('consent_withdrawn_check', sql`${t.withdrawnBy} IS NULL OR ${t.withdrawnAt} IS NOT NULL`),
    check('consent_version_check', sql`${t.version} >= 1`),
  ],
);
