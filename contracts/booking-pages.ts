import { z } from 'zod';
import { idempotencyKey, instant, language } from './appointments.ts';
import { isoDate } from './common.ts';
import { locateAddressQuery } from './geo.ts';

/**
 * The forms of the server-rendered public pages (office finder, booking, managing a booking):
 * urlencoded GET queries and POST bodies, as a browser without JavaScript sends them.
 *
 * Two kinds of schema:
 * - *state* (`…Query`, `…State`): what the pages carry in links and hidden fields. They never fail:
 *   a missing, repeated or malformed value reads as '' (absent), and the page then starts the
 *   step again. Unknown fields are ignored (old forms and bookmarks keep working).
 * - *answers* (`…Answers`): what the visitor typed or chose. Each issue's message is the
 *   translation key (`namespace:key`) of the words shown at the field and in the error summary;
 *   its path's first segment is the field's id. Issues come in the order of the form's fields.
 */

/** The first value of a field sent more than once; a value that is not text reads as ''. */
const one = (v: unknown): string => {
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
};

/** A carried value: '' when absent or not what `schema` accepts. */
const carried = <T extends string>(schema: z.ZodType<T>) =>
  z.preprocess(one, z.string()).transform((v): T | '' => {
    const parsed = schema.safeParse(v);
    return parsed.success ? parsed.data : '';
  });

/** A text field as typed, trimmed ('' when absent). */
const typed = z.preprocess(one, z.string()).transform((v) => v.trim());

/** A link or form flag (`choose=1`, `taken=1`): present and not empty. */
const flag = z.preprocess(one, z.string()).transform((v) => v !== '');

/** An answer that must satisfy `schema`; otherwise the field's message is `key`. */
const answer = (schema: z.ZodType<string>, key: string) => z.string().refine((v) => schema.safeParse(v).success, { error: key });

/** A choice among the values the page offered (radio buttons); anything else is the field's message `key`. */
export const choiceAmong = (values: readonly string[], key: string) => z.string().refine((v) => values.includes(v), { error: key });

const holdToken = z.string().min(20).max(100);
const manageToken = z.string().min(20).max(100);

// ---------------------------------------------------------------- office finder (/{lang}/offices)

/** `?street=&number=` searches by address, `?member=` chooses a Stadtbezirk or Ortschaft. Absent fields stay undefined. */
export const officeFinderQuery = z.object({
  street: z.preprocess((v) => (v === undefined ? undefined : one(v)), z.string().max(200).optional()),
  number: z.preprocess((v) => (v === undefined ? undefined : one(v)), z.string().max(20).optional()),
  member: z.preprocess((v) => (v === undefined ? undefined : one(v)), z.string().max(60).optional()),
});

const houseNumber = locateAddressQuery.shape.number;

export const addressAnswers = z.object({
  street: z.string().trim().min(1, { error: 'booking:offices.byAddress.streetMissing' }),
  number: z
    .string()
    .trim()
    .min(1, { error: 'booking:offices.byAddress.numberMissing' })
    .refine((v) => v === '' || houseNumber.safeParse(v).success, { error: 'booking:offices.byAddress.numberInvalid' }),
});

// ---------------------------------------------------------------- booking (/{lang}/offices/{id}/book/…)

/** The booking's state as links and hidden fields carry it from step to step. */
export const bookingState = z.object({
  type: carried(z.uuid()),
  language: carried(language),
  /** The chosen time, once chosen. */
  start: carried(instant),
  /** The time held while the visitor fills in the form (back from the details it is offered again first). */
  hold: carried(holdToken),
  /** The times page starts at this day. */
  from: carried(isoDate),
  /** The step's form was sent (GET forms of the topic and language steps). */
  choose: flag,
  /** Back at the times because the chosen time was taken meanwhile. */
  taken: flag,
  /** From the check page: change the contact details. */
  edit: flag,
  /** The confirm form's Idempotency-Key: a double submit books once. */
  key: carried(idempotencyKey),
});
export type BookingState = z.infer<typeof bookingState>;

/** Step 1, the topic: one of the office's bookable types. */
export const topicAnswers = (typeIds: readonly string[]) => z.object({ type: typed.pipe(choiceAmong(typeIds, 'booking:topic.missing')) });

/** Step 2, the language of the talk: one the type offers. */
export const languageAnswers = (languages: readonly string[]) => z.object({ language: typed.pipe(choiceAmong(languages, 'booking:language.missing')) });

/** Step 3, the time (also when moving a booking). */
export const timeAnswers = z.object({ start: typed.pipe(answer(instant, 'booking:times.missing')) });

/** Name, phone and email as typed (for showing the form again). */
export const contactInput = z.object({ name: typed, phone: typed, email: typed });

const PHONE = /^[+0-9 ()/-]*$/;
const phoneNumber = z.string().max(40).regex(PHONE).refine((v) => v.replace(/\D/g, '').length >= 5);
const emailAddress = z.email().max(320);
const name = z.string().min(1, { error: 'booking:details.nameMissing' }).max(120, { error: 'booking:details.nameTooLong' });
const optionalPhone = z.string().refine((v) => v === '' || phoneNumber.safeParse(v).success, { error: 'booking:details.phoneInvalid' });
const optionalEmail = z.string().refine((v) => v === '' || emailAddress.safeParse(v).success, { error: 'booking:details.emailInvalid' });

/** Step 4, the contact details (in the order of the form): a name and a phone number or an email (one is enough). */
export const contactAnswers = z
  .object({ name, phone: optionalPhone, email: optionalEmail })
  // Also when the name is missing: every field's message at once.
  .refine((c) => Boolean(c.phone) || Boolean(c.email), { path: ['phone'], error: 'booking:details.contactMissing', when: (p) => typeof p.value === 'object' && p.value !== null });

/** The waitlist (in the order of its form): offers go out by mail, so an email is needed; a phone number may be added. */
export const waitlistAnswers = z.object({
  name,
  email: z.string().min(1, { error: 'booking:waitlist.emailMissing' }).pipe(optionalEmail),
  phone: optionalPhone,
});

// ---------------------------------------------------------------- managing a booking (/{lang}/appointments/{code}/…)

/** The manage link's token, the notice after a change, and the times page's first day. */
export const manageState = z.object({
  token: carried(manageToken),
  done: carried(z.enum(['cancelled', 'moved'])),
  from: carried(isoDate),
});
export type ManageState = z.infer<typeof manageState>;

/** The booking code of the link, case-insensitive; '' when it cannot be one. */
export const manageCode = z
  .string()
  .transform((v) => v.toUpperCase())
  .transform((v) => (/^[A-HJ-NP-Z2-9]{8}$/.test(v) ? v : ''));
