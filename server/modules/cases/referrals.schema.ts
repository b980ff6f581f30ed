import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { account, organisation } from '../identity/identity.schema.ts';
import { partner } from '../network/network.schema.ts';
import { household, person } from './cases.schema.ts';
import { consent } from './consents.schema.ts';

/**
 * A referral (Vermittlung) of a person of a household to a partner of the provider's network, for
 * a purpose, with its state (sent → accepted → done, or rejected), a follow-up date that lands on
 * the worklist, and the outcome. It is made only while a valid consent of the person covers the
 * partner for the purpose 'referral'; `consent_id` names the consent that did. Tenant-bound: the
 * references include the provider, so a referral can only name its own provider's household, a
 * person of it and its own partner. Tenant-only RLS, FORCE-d; no DELETE for lotse_app (custom part
 * of the migration `referral`). The `version` is named by every change (409 with `current`).
 */

export const REFERRAL_STATES = ['sent', 'accepted', 'done', 'rejected'] as const;

export const referral = pgTable(
  'referral',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    householdId: uuid('household_id').notNull(),
    personId: uuid('person_id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    consentId: uuid('consent_id').notNull(),
    /** What for (e.g. "Integrationskurs B1", "Anmeldung Kita"). */
    purpose: text('purpose').notNull(),
    state: text('state', { enum: REFERRAL_STATES }).notNull().default('sent'),
    sentOn: date('sent_on').notNull(),
    followUpOn: date('follow_up_on'),
    /** What came of it (required once done or rejected). */
    outcome: text('outcome').notNull().default(''),
    createdBy: uuid('created_by').references(() => account.id),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'referral_household_fk', columns: [t.householdId, t.organisationId], foreignColumns: [household.id, household.organisationId] }),
    foreignKey({ name: 'referral_person_fk', columns: [t.personId, t.householdId, t.organisationId], foreignColumns: [person.id, person.householdId, person.organisationId] }),
    foreignKey({ name: 'referral_consent_fk', columns: [t.consentId, t.personId, t.organisationId], foreignColumns: [consent.id, consent.personId, consent.organisationId] }),
    foreignKey({ name: 'referral_partner_fk', columns: [t.partnerId, t.organisationId], foreignColumns: [partner.id, partner.organisationId] }),
    index('referral_household_idx').on(t.householdId, t.sentOn),
    index('referral_follow_up_idx').on(t.organisationId, t.followUpOn),
    check('referral_purpose_check', sql`length(btrim(${t.purpose})) > 0`),
    check('referral_follow_up_check', sql`${t.followUpOn} IS NULL OR ${t.followUpOn} >= ${t.sentOn}`),
    check('referral_version_check', sql`${t.version} >= 1`),
  ],
);
