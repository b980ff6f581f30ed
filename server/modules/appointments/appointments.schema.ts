import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, smallint, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { household, person } from '../cases/cases.schema.ts';
import { account, organisation } from '../identity/identity.schema.ts';
import { office } from '../offices/offices.schema.ts';

/**
 * Appointments (zeitnahe Terminvergabe). Configuration (types, resources, availability, absences,
 * closures) is public to read and written by the office's provider (RLS as for offices). Bookings,
 * holds, idempotency records and the waitlist hold personal data: tenant-owned by the office's
 * provider (RLS `provider_id = lotse_current_org()` or system).
 *
 * No double booking by construction: exclusion constraints over `tstzrange(blocked_from, blocked_to)`
 * (start − buffer before, end + buffer after) per counsellor and per interpreter, for every row
 * that is not cancelled (custom migration `appointments_security`).
 */

export const APPOINTMENT_KINDS = ['first_consultation', 'follow_up', 'specialist'] as const;
export const RESOURCE_KINDS = ['counsellor', 'interpreter'] as const;
export const APPOINTMENT_STATUSES = ['held', 'booked', 'cancelled', 'done', 'no_show'] as const;
export const APPOINTMENT_CHANNELS = ['web', 'staff', 'waitlist'] as const;
export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'expired', 'withdrawn'] as const;

export const appointmentType = pgTable(
  'appointment_type',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id').notNull().references(() => office.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: APPOINTMENT_KINDS }).notNull(),
    /** Name as the office calls it (German); the UI translates `kind`. */
    name: text('name').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    bufferBeforeMinutes: smallint('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: smallint('buffer_after_minutes').notNull().default(0),
    /** Earliest bookable start: now + minimum notice. */
    minNoticeMinutes: integer('min_notice_minutes').notNull().default(120),
    /** Latest bookable day: today + horizon. */
    horizonDays: smallint('horizon_days').notNull().default(28),
    /** Bookings from the web per office day; null = no limit. The rest of the capacity is kept for staff. */
    webPerDay: smallint('web_per_day'),
    /** Cancelling or moving by the token: not later than this before the start. */
    cancelNoticeMinutes: integer('cancel_notice_minutes').notNull().default(120),
    /** Step between offered start times. */
    slotStepMinutes: smallint('slot_step_minutes').notNull().default(30),
    /** ISO 639-1 languages offered (with a counsellor or an interpreter); empty = German only. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** Open consultation (walk-in hours): shown as such, not bookable. */
    walkIn: boolean('walk_in').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointment_type_office_idx').on(t.officeId),
    check('appointment_type_duration_check', sql`${t.durationMinutes} BETWEEN 5 AND 480`),
    check('appointment_type_buffers_check', sql`${t.bufferBeforeMinutes} >= 0 AND ${t.bufferAfterMinutes} >= 0`),
    check('appointment_type_step_check', sql`${t.slotStepMinutes} BETWEEN 5 AND 240`),
  ],
);

/** Counsellors and interpreters: bookable resources of an office. A counsellor may be a staff account. */
export const appointmentResource = pgTable(
  'appointment_resource',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id').notNull().references(() => office.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: RESOURCE_KINDS }).notNull(),
    accountId: uuid('account_id').references(() => account.id),
    displayName: text('display_name').notNull(),
    /** ISO 639-1 languages spoken (a counsellor: for the talk; an interpreter: besides German). */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_resource_office_idx').on(t.officeId)],
);

/** Weekly availability windows (local Europe/Berlin wall-clock times), optionally for a period. */
export const resourceAvailability = pgTable(
  'resource_availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id').notNull().references(() => office.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').notNull().references(() => appointmentResource.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    starts: time('starts').notNull(),
    ends: time('ends').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [
    index('resource_availability_resource_idx').on(t.resourceId),
    index('resource_availability_office_idx').on(t.officeId),
    check('resource_availability_weekday_check', sql`${t.weekday} BETWEEN 1 AND 7`),
    check('resource_availability_interval_check', sql`${t.ends} > ${t.starts}`),
  ],
);

/** Absences of a resource (holiday, illness, training): [starts_at, ends_at). */
export const resourceAbsence = pgTable(
  'resource_absence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id').notNull().references(() => office.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').notNull().references(() => appointmentResource.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('resource_absence_resource_idx').on(t.resourceId), check('resource_absence_period_check', sql`${t.endsAt} > ${t.startsAt}`)],
);

/** Office closed for appointments on the days [starts_on, ends_on] (inclusive), beside the office's hours exceptions and holidays. */
export const officeClosure = pgTable(
  'office_closure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id').notNull().references(() => office.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('office_closure_office_idx').on(t.officeId), check('office_closure_period_check', sql`${t.endsOn} >= ${t.startsOn}`)],
);

/**
 * A booking (or a hold: status `held` until `hold_expires_at`). Personal data (name, email, phone)
 * is sealed with the key ring (context: the row id); `contact_key` is a keyed hash of the
 * normalised email or phone, for the limits. `next_free_at` is the next free slot at request time
 * (lead-time KPI).
 */
export const appointment = pgTable(
  'appointment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => organisation.id),
    officeId: uuid('office_id').notNull().references(() => office.id),
    typeId: uuid('type_id').notNull().references(() => appointmentType.id),
    counsellorId: uuid('counsellor_id').notNull().references(() => appointmentResource.id),
    interpreterId: uuid('interpreter_id').references(() => appointmentResource.id),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull(),
    channel: text('channel', { enum: APPOINTMENT_CHANNELS }).notNull(),
    /** Short booking code (8 characters without 0/O/1/I); null while held. */
    code: text('code'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    blockedFrom: timestamp('blocked_from', { withTimezone: true }).notNull(),
    blockedTo: timestamp('blocked_to', { withTimezone: true }).notNull(),
    language: text('language').notNull().default('de'),
    /** Language of mails to the booker (a public locale). */
    locale: text('locale').notNull().default('de'),
    nameSealed: text('name_sealed'),
    emailSealed: text('email_sealed'),
    phoneSealed: text('phone_sealed'),
    contactKey: text('contact_key'),
    /** sha256 of the manage token (or of the hold token while held). */
    tokenHash: text('token_hash'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    /** Staff note; sealed. */
    noteSealed: text('note_sealed'),
    /** The household whose case file the booking was made from (staff bookings), of the same provider. */
    householdId: uuid('household_id'),
    /** The person of that household the appointment is for. */
    personId: uuid('person_id'),
    bookedByAccountId: uuid('booked_by_account_id').references(() => account.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    nextFreeAt: timestamp('next_free_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appointment_code_key').on(t.code),
    uniqueIndex('appointment_token_hash_key').on(t.tokenHash),
    index('appointment_office_start_idx').on(t.officeId, t.startsAt),
    index('appointment_contact_idx').on(t.contactKey),
    index('appointment_provider_idx').on(t.providerId),
    check('appointment_period_check', sql`${t.endsAt} > ${t.startsAt} AND ${t.blockedFrom} <= ${t.startsAt} AND ${t.blockedTo} >= ${t.endsAt}`),
    check('appointment_hold_check', sql`(${t.status} = 'held') = (${t.holdExpiresAt} IS NOT NULL)`),
    check('appointment_code_check', sql`${t.status} = 'held' OR ${t.code} IS NOT NULL`),
    index('appointment_household_start_idx').on(t.householdId, t.startsAt),
    // Same tenant by construction: the household is the provider's, the person one of that household.
    foreignKey({ name: 'appointment_household_fk', columns: [t.householdId, t.providerId], foreignColumns: [household.id, household.organisationId] }),
    foreignKey({ name: 'appointment_person_fk', columns: [t.personId, t.householdId, t.providerId], foreignColumns: [person.id, person.householdId, person.organisationId] }),
    check('appointment_person_household_check', sql`${t.personId} IS NULL OR ${t.householdId} IS NOT NULL`),
  ],
);

/** Idempotency keys of booking requests: a retry with the same key and body gets the same answer. */
export const appointmentIdempotency = pgTable(
  'appointment_idempotency',
  {
    key: text('key').primaryKey(),
    providerId: uuid('provider_id').notNull().references(() => organisation.id),
    requestHash: text('request_hash').notNull(),
    appointmentId: uuid('appointment_id').notNull().references(() => appointment.id, { onDelete: 'cascade' }),
    /** The 201 body, sealed (it carries the manage token). */
    responseSealed: text('response_sealed').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('appointment_idempotency_expires_idx').on(t.expiresAt)],
);

/** People waiting for an earlier slot; a cancellation offers the freed slot (held for them) to the next. */
export const waitlistEntry = pgTable(
  'waitlist_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => organisation.id),
    officeId: uuid('office_id').notNull().references(() => office.id),
    typeId: uuid('type_id').notNull().references(() => appointmentType.id),
    language: text('language').notNull().default('de'),
    locale: text('locale').notNull().default('de'),
    nameSealed: text('name_sealed').notNull(),
    emailSealed: text('email_sealed').notNull(),
    phoneSealed: text('phone_sealed'),
    contactKey: text('contact_key').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    status: text('status', { enum: WAITLIST_STATUSES }).notNull().default('waiting'),
    offeredAppointmentId: uuid('offered_appointment_id').references(() => appointment.id),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('waitlist_entry_office_idx').on(t.officeId, t.typeId, t.status),
    check('waitlist_entry_period_check', sql`${t.toDate} >= ${t.fromDate}`),
  ],
);
