import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Appointments (zeitnahe Terminvergabe): configuration per office (types, counsellors, interpreters,
 * availability, absences, closures), public slots, holds, booking, manage by token (details, cancel,
 * move, iCalendar), waitlist, staff booking and calendar, the lead-time KPI.
 *
 * Times on the wire: instants as ISO 8601 with offset (`2026-03-30T07:00:00.000Z`); wall-clock
 * times and dates are Europe/Berlin. A public booking never names a counsellor.
 */

export const publicLocale = z.enum(['de', 'en', 'ar', 'fa', 'uk', 'ru']);
export const language = z.string().regex(/^[a-z]{2}$/, 'ISO 639-1');
export const appointmentKind = z.enum(['first_consultation', 'follow_up', 'specialist']);
export const resourceKind = z.enum(['counsellor', 'interpreter']);
export const appointmentStatus = z.enum(['held', 'booked', 'cancelled', 'done', 'no_show']);
export const appointmentChannel = z.enum(['web', 'staff', 'waitlist']);
export const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const bookingCode = z.string().regex(/^[A-HJ-NP-Z2-9]{8}$/, 'booking code');
const token = z.string().min(20).max(100);

// ---------------------------------------------------------------- configuration (provider staff)

export const appointmentTypeBody = z
  .object({
    kind: appointmentKind,
    name: z.string().trim().min(1).max(120),
    durationMinutes: z.number().int().min(5).max(480),
    bufferBeforeMinutes: z.number().int().min(0).max(120).default(0),
    bufferAfterMinutes: z.number().int().min(0).max(120).default(0),
    minNoticeMinutes: z.number().int().min(0).max(60 * 24 * 14).default(120),
    horizonDays: z.number().int().min(1).max(365).default(28),
    /** Web bookings per office day; null = no limit; the rest of the capacity is kept for staff. */
    webPerDay: z.number().int().min(0).max(1000).nullable().default(null),
    cancelNoticeMinutes: z.number().int().min(0).max(60 * 24 * 14).default(120),
    slotStepMinutes: z.number().int().min(5).max(240).default(30),
    languages: z.array(language).max(40).default([]),
    /** Open consultation (walk-in hours): shown as such, not bookable. */
    walkIn: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export const appointmentTypeUpdate = appointmentTypeBody.partial().strict();

export const appointmentType = appointmentTypeBody.extend({ id: z.uuid(), officeId: z.uuid() });
export type AppointmentType = z.infer<typeof appointmentType>;

export const availabilityWindow = z
  .object({ weekday: z.number().int().min(1).max(7), starts: hhmm, ends: hhmm, validFrom: isoDate.nullable().default(null), validTo: isoDate.nullable().default(null) })
  .strict()
  .refine((w) => w.ends > w.starts, { message: 'ends after starts', path: ['ends'] });
export const absence = z
  .object({ startsAt: instant, endsAt: instant, note: z.string().max(500).default('') })
  .strict()
  .refine((a) => new Date(a.endsAt) > new Date(a.startsAt), { message: 'ends after starts', path: ['endsAt'] });

/** A counsellor or an interpreter; availability and absences are replaced as a whole when given. */
export const resourceBody = z
  .object({
    kind: resourceKind,
    displayName: z.string().trim().min(1).max(120),
    /** A counsellor may be linked to a staff account of the office's provider. */
    accountId: z.uuid().nullable().default(null),
    languages: z.array(language).max(40).default([]),
    active: z.boolean().default(true),
    availability: z.array(availabilityWindow).max(70).default([]),
    absences: z.array(absence).max(200).default([]),
  })
  .strict();
export const resourceUpdate = resourceBody.omit({ kind: true }).partial().strict();
export const resource = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  kind: resourceKind,
  displayName: z.string(),
  accountId: z.uuid().nullable(),
  languages: z.array(z.string()),
  active: z.boolean(),
  availability: z.array(z.object({ weekday: z.number().int(), starts: z.string(), ends: z.string(), validFrom: isoDate.nullable(), validTo: isoDate.nullable() })),
  absences: z.array(z.object({ startsAt: instant, endsAt: instant, note: z.string() })),
});
export type Resource = z.infer<typeof resource>;

export const closure = z
  .object({ startsOn: isoDate, endsOn: isoDate, note: z.string().max(500).default('') })
  .strict()
  .refine((c) => c.endsOn >= c.startsOn, { message: 'ends on or after starts', path: ['endsOn'] });
export const closuresBody = z.object({ closures: z.array(closure).max(200) }).strict();

/** GET /api/offices/:id/appointment-setup (provider staff of the office). */
export const appointmentSetup = z.object({
  officeId: z.uuid(),
  types: z.array(appointmentType),
  resources: z.array(resource),
  closures: z.array(z.object({ startsOn: isoDate, endsOn: isoDate, note: z.string() })),
});

// ---------------------------------------------------------------- public: types, slots, holds, booking

/** GET /api/offices/:id/appointment-types (public): what can be booked, in which languages. */
export const publicAppointmentType = z.object({
  id: z.uuid(),
  kind: appointmentKind,
  name: z.string(),
  durationMinutes: z.number().int(),
  /** Languages bookable (a counsellor speaks it, or an interpreter is available); German always. */
  languages: z.array(z.string()),
  walkIn: z.boolean(),
  minNoticeMinutes: z.number().int(),
  horizonDays: z.number().int(),
  cancelNoticeMinutes: z.number().int(),
});
export const publicAppointmentTypes = z.object({
  officeId: z.uuid(),
  types: z.array(publicAppointmentType),
  /** Walk-in hours (open consultation) of the next days, shown as such. */
  walkIn: z.array(z.object({ date: isoDate, opens: hhmm, closes: hhmm })),
});

export const slotsQuery = z
  .object({
    type: z.uuid(),
    from: isoDate.optional(),
    days: z.coerce.number().int().min(1).max(90).default(14),
    /** Only times at which this language can be served (counsellor or interpreter). Default: any. */
    language: language.optional(),
  })
  .strict();
export const slot = z.object({ start: instant, end: instant });
export const slotsResponse = z.object({
  officeId: z.uuid(),
  typeId: z.uuid(),
  timeZone: z.literal('Europe/Berlin'),
  from: isoDate,
  days: z.array(z.object({ date: isoDate, slots: z.array(slot) })),
  /** First free start in the range, if any. */
  next: instant.nullable(),
});
export type SlotsResponse = z.infer<typeof slotsResponse>;

export const holdBody = z.object({ officeId: z.uuid(), typeId: z.uuid(), start: instant, language: language.default('de') }).strict();
export const holdResponse = z.object({ holdToken: token, expiresAt: instant, start: instant, end: instant });
/** DELETE /api/appointments/holds/:holdToken (public): let a hold go; 204, or 404 when unknown or expired. */
export const holdParams = z.object({ holdToken: token }).strict();

const contactFields = {
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().max(40).regex(/^[+0-9 ()/-]*$/, 'phone').optional(),
  email: z.email().max(320).optional(),
};

/** POST /api/appointments (public), header `Idempotency-Key` (8–100 characters). */
export const bookingBody = z
  .object({
    officeId: z.uuid(),
    typeId: z.uuid(),
    start: instant,
    ...contactFields,
    /** Language of the talk (ISO 639-1). */
    language: language.default('de'),
    /** Language of the mails and the manage page; defaults to the talk's language where public, else German. */
    locale: publicLocale.optional(),
    /** From POST /api/appointments/holds or a waitlist offer. */
    holdToken: token.optional(),
  })
  .strict()
  .refine((b) => Boolean(b.phone) || Boolean(b.email), { message: 'phone or email', path: ['email'] });
export type BookingBody = z.infer<typeof bookingBody>;
export const idempotencyKey = z.string().min(8).max(100).regex(/^[\x21-\x7e]+$/, 'printable ASCII');

export const bookingResponse = z.object({
  code: bookingCode,
  manageToken: token,
  start: instant,
  end: instant,
  officeId: z.uuid(),
  typeId: z.uuid(),
  /** Where the booker manages the appointment (public pages). */
  manageUrl: z.string(),
  icsUrl: z.string(),
});
export type BookingResponse = z.infer<typeof bookingResponse>;

// ---------------------------------------------------------------- manage by token (public)

export const codeParams = z.object({ code: bookingCode }).strict();
export const tokenQuery = z.object({ token }).strict();
export const moveBody = z.object({ start: instant }).strict();

export const appointmentDetails = z.object({
  code: bookingCode,
  status: appointmentStatus,
  start: instant,
  end: instant,
  language: z.string(),
  locale: publicLocale,
  /** True when an interpreter was added for the language. */
  interpreter: z.boolean(),
  office: z.object({ id: z.uuid(), name: z.string(), street: z.string(), houseNumber: z.string(), postcode: z.string(), city: z.string(), phone: z.string(), email: z.string() }),
  type: z.object({ id: z.uuid(), kind: appointmentKind, name: z.string(), durationMinutes: z.number().int() }),
  /** Cancelling and moving by the token are possible until this instant. */
  changeableUntil: instant,
  changeable: z.boolean(),
  /** An email address was given: the confirmation and later notices go there (the address itself is not shown). */
  emailGiven: z.boolean(),
});
export type AppointmentDetails = z.infer<typeof appointmentDetails>;

// ---------------------------------------------------------------- waitlist (public)

export const waitlistBody = z
  .object({
    officeId: z.uuid(),
    typeId: z.uuid(),
    language: language.default('de'),
    locale: publicLocale.optional(),
    name: contactFields.name,
    /** Offers go out by mail: an email address is needed. */
    email: z.email().max(320),
    phone: contactFields.phone,
    from: isoDate,
    to: isoDate,
  })
  .strict()
  .refine((w) => w.to >= w.from, { message: 'to on or after from', path: ['to'] });
export const waitlistResponse = z.object({ status: z.literal('waiting'), from: isoDate, to: isoDate });

// ---------------------------------------------------------------- staff: booking, calendar, marks

/** POST /api/offices/:id/appointments (provider staff): book for a household or person. */
export const staffBookingBody = z
  .object({
    typeId: z.uuid(),
    start: instant,
    name: contactFields.name,
    phone: contactFields.phone,
    email: contactFields.email,
    language: language.default('de'),
    locale: publicLocale.default('de'),
    /** A specific counsellor, or any free one. */
    counsellorId: z.uuid().optional(),
    /** A note for the appointment (sealed). */
    note: z.string().max(2000).default(''),
    /** Booked from a case file: the household (of the actor's provider, within reach; else 404 as unknown). */
    householdId: z.uuid().optional(),
    /** The person of that household the appointment is for. */
    personId: z.uuid().optional(),
  })
  .strict()
  .refine((b) => b.personId === undefined || b.householdId !== undefined, { message: 'personId needs householdId', path: ['personId'] });
export const staffBookingResponse = z.object({ id: z.uuid(), code: bookingCode, start: instant, end: instant, counsellorId: z.uuid(), interpreterId: z.uuid().nullable() });

/** GET /api/households/:id/appointments: the appointments booked from the household's case file. */
export const householdAppointmentsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
export const householdAppointment = z.object({
  id: z.uuid(),
  code: bookingCode.nullable(),
  start: instant,
  end: instant,
  status: appointmentStatus,
  office: z.object({ id: z.uuid(), name: z.string() }),
  type: z.object({ name: z.string(), kind: appointmentKind }),
  counsellor: z.string(),
  language: z.string(),
  /** The member it is for (null: the household as a whole). */
  personId: z.uuid().nullable(),
});
export const householdAppointments = z.object({ appointments: z.array(householdAppointment) });
export type HouseholdAppointment = z.infer<typeof householdAppointment>;

export const calendarQuery = z
  .object({ from: isoDate.optional(), days: z.coerce.number().int().min(1).max(31).default(7), counsellor: z.uuid().optional() })
  .strict();

export const calendarEntry = z.object({
  id: z.uuid(),
  code: bookingCode.nullable(),
  start: instant,
  end: instant,
  status: appointmentStatus,
  channel: appointmentChannel,
  typeId: z.uuid(),
  typeKind: appointmentKind,
  counsellorId: z.uuid(),
  interpreterId: z.uuid().nullable(),
  language: z.string(),
  /** Personal data: provider staff only. */
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  note: z.string().nullable(),
});
export const calendarCounts = z.object({ held: z.number().int(), booked: z.number().int(), cancelled: z.number().int(), done: z.number().int(), no_show: z.number().int() });
export const calendarDay = z.object({
  date: isoDate,
  walkIn: z.array(z.object({ opens: hhmm, closes: hhmm })),
  counts: calendarCounts,
  /** Empty for the city (aggregates only). */
  entries: z.array(calendarEntry),
});
export const calendar = z.object({
  officeId: z.uuid(),
  from: isoDate,
  /** False for the city coordinator: counts only, no entries, no resource names. */
  personalData: z.boolean(),
  resources: z.array(z.object({ id: z.uuid(), kind: resourceKind, displayName: z.string() })),
  days: z.array(calendarDay),
});
export type Calendar = z.infer<typeof calendar>;

export const officeAppointmentParams = z.object({ id: z.uuid(), appointmentId: z.uuid() }).strict();
export const markBody = z.object({ status: z.enum(['done', 'no_show', 'booked']) }).strict();
export const markResponse = z.object({ id: z.uuid(), status: appointmentStatus });
/** Staff move a booking: a new start of the same type, optionally with a named counsellor. */
export const staffMoveBody = z.object({ start: instant, counsellorId: z.uuid().optional() }).strict();
/** After a staff cancel or move; `notified`: the person got a mail (an email address is known). */
export const staffChangeResponse = z.object({ id: z.uuid(), code: z.string(), status: appointmentStatus, start: instant, end: instant, counsellorId: z.uuid(), interpreterId: z.uuid().nullable(), notified: z.boolean() });
export type StaffChangeResponse = z.infer<typeof staffChangeResponse>;

// ---------------------------------------------------------------- lead-time KPI

export const leadTimesQuery = z.object({ weeks: z.coerce.number().int().min(1).max(104).default(12) }).strict();
const quantiles = z.object({ median: z.number().nullable(), p90: z.number().nullable() });
export const leadTimes = z.object({
  officeId: z.uuid(),
  weeks: z.array(
    z.object({
      /** ISO week of the booking request, e.g. `2026-W14`. */
      week: z.string().regex(/^\d{4}-W\d{2}$/),
      bookings: z.number().int(),
      /** Days from the booking request to the appointment. */
      leadDays: quantiles,
      /** Days from the booking request to the next free slot at that time. */
      nextFreeDays: quantiles,
    }),
  ),
});
export type LeadTimes = z.infer<typeof leadTimes>;
