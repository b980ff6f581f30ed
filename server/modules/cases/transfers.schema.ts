import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { account, organisation } from '../identity/identity.schema.ts';
import { household } from './cases.schema.ts';

/**
 * Transfer of a household to the provider of the region it moves to (Übergabe bei Umzug). The one
 * table two tenants share: its RLS lets the sending and the receiving provider see the row (policy
 * on both ids, custom part of migration `case_transfer`), never a third one, never the city. What
 * moves lies in `package`, sealed with the key ring bound to the row (`case_transfer:<id>:package`):
 * the receiver reads the package, never the sender's tables. A trigger keeps each side to its
 * columns: the receiver decides (accepted with the household it opened, or declined with a reason),
 * the sender records when its case file was closed. No DELETE for lotse_app.
 */

export const TRANSFER_STATES = ['pending', 'accepted', 'declined'] as const;

export const caseTransfer = pgTable(
  'case_transfer',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromOrganisationId: uuid('from_organisation_id').notNull().references(() => organisation.id),
    toOrganisationId: uuid('to_organisation_id').notNull().references(() => organisation.id),
    /** The sender's household (tenant-bound to the sender); null once the sender erased it. */
    householdId: uuid('household_id'),
    fromRegionCode: text('from_region_code').notNull(),
    toRegionCode: text('to_region_code').notNull(),
    /** What moves (JSON of contracts/transfers.ts `transferPackage`), sealed bound to the row. */
    /** Null once either side erased its household: the row stays as the record that a transfer happened. */
    package: text('package'),
    state: text('state', { enum: TRANSFER_STATES }).notNull().default('pending'),
    startedBy: uuid('started_by').references(() => account.id),
    decidedBy: uuid('decided_by').references(() => account.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    declineReason: text('decline_reason').notNull().default(''),
    /** The household the receiver opened from the package (tenant-bound to the receiver); null once the receiver erased it. */
    receivedHouseholdId: uuid('received_household_id'),
    /** When the sender's case file was closed with reason 'transferred'. */
    senderClosedAt: timestamp('sender_closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'case_transfer_household_fk', columns: [t.householdId, t.fromOrganisationId], foreignColumns: [household.id, household.organisationId] }),
    foreignKey({ name: 'case_transfer_received_household_fk', columns: [t.receivedHouseholdId, t.toOrganisationId], foreignColumns: [household.id, household.organisationId] }),
    /** One transfer under way per household. */
    uniqueIndex('case_transfer_pending_key').on(t.householdId).where(sql`${t.state} = 'pending'`),
    index('case_transfer_incoming_idx').on(t.toOrganisationId, t.state),
    index('case_transfer_outgoing_idx').on(t.fromOrganisationId, t.householdId),
    check('case_transfer_other_provider_check', sql`${t.fromOrganisationId} <> ${t.toOrganisationId}`),
    check('case_transfer_state_check', sql`${t.state} IN ('pending', 'accepted', 'declined')`),
    check('case_transfer_decided_check', sql`(${t.state} = 'pending') = (${t.decidedAt} IS NULL)`),
    check('case_transfer_accepted_check', sql`(${t.state} = 'accepted') = (${t.receivedHouseholdId} IS NOT NULL) OR (${t.state} = 'accepted' AND ${t.package} IS NULL)`),
    check('case_transfer_declined_check', sql`${t.state} <> 'declined' OR length(btrim(${t.declineReason})) > 0`),
    check('case_transfer_version_check', sql`${t.version} >= 1`),
  ],
);
