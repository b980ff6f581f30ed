import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { translate, type PublicLocale } from '#server/i18n.ts';
import type { FormErrors } from '#web/public/forms.tsx';
import type { ContactInput } from '#web/public/booking/flow.ts';
import type { BookingProblem } from '#web/public/booking/ResultPages.tsx';
import { Problem } from '#server/platform/problem.ts';

/** What the booking pages do with a problem a use case threw. */
export type Outcome =
  | { kind: 'taken' }
  | { kind: 'tooLate' }
  | { kind: 'notFound' }
  | { kind: 'problem'; problem: BookingProblem; status: number; detail?: string; retryAfter?: string };

/** Maps the appointments module's problems to what the visitor sees; anything else is rethrown. */
export function outcomeOf(error: unknown, lang: PublicLocale): Outcome {
  if (!(error instanceof Problem)) throw error;
  const detail = error.options.detailKey ? translate(lang, `errors:${error.options.detailKey}`) : undefined;
  const retryAfter = error.options.headers?.['retry-after'];
  switch (error.type) {
    case 'slot-taken':
    case 'slot-unavailable':
      return { kind: 'taken' };
    case 'too-late':
      return { kind: 'tooLate' };
    case 'not-found':
      return { kind: 'notFound' };
    case 'rate-limited':
      return { kind: 'problem', problem: 'rateLimited', status: 429, ...(retryAfter ? { retryAfter } : {}) };
    case 'booking-limit':
      // Re-booking a just-cancelled time (slot trading) is about the time, not about too many bookings.
      if (error.options.detailKey === 'details.rebookBlocked') return { kind: 'problem', problem: 'unavailable', status: error.status, ...(detail ? { detail } : {}) };
      return { kind: 'problem', problem: 'tooManyOpen', status: error.status, ...(detail ? { detail } : {}), ...(retryAfter ? { retryAfter } : {}) };
    case 'idempotency-mismatch':
    case 'conflict':
      return { kind: 'problem', problem: 'unavailable', status: 409 };
    default:
      throw error;
  }
}

export function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** A string field of a urlencoded body or query (repeated fields: the first). */
export function field(source: unknown, name: string): string {
  if (!source || typeof source !== 'object') return '';
  const value = (source as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' ? first : '';
}

const PHONE = /^[+0-9 ()/-]*$/;
const email = z.email().max(320);

/** Name plus a phone number or an email (one is enough), with messages in the page's language. */
export function validateContact(lang: PublicLocale, c: ContactInput, requireEmail = false): FormErrors {
  const errors: FormErrors = [];
  const t = (key: string) => translate(lang, key);
  if (!c.name) errors.push({ field: 'name', message: t('booking:details.nameMissing') });
  else if (c.name.length > 120) errors.push({ field: 'name', message: t('booking:details.nameTooLong') });
  if (requireEmail && !c.email) errors.push({ field: 'email', message: t('booking:waitlist.emailMissing') });
  if (!requireEmail && !c.phone && !c.email) errors.push({ field: 'phone', message: t('booking:details.contactMissing') });
  if (c.phone && (!PHONE.test(c.phone) || c.phone.replace(/\D/g, '').length < 5 || c.phone.length > 40)) errors.push({ field: 'phone', message: t('booking:details.phoneInvalid') });
  if (c.email && !email.safeParse(c.email).success) errors.push({ field: 'email', message: t('booking:details.emailInvalid') });
  return errors;
}

export const contactFrom = (body: unknown): ContactInput => ({ name: field(body, 'name').trim(), phone: field(body, 'phone').trim(), email: field(body, 'email').trim() });

export const isUuid = (v: string): boolean => z.uuid().safeParse(v).success;
export const isInstant = (v: string): boolean => z.iso.datetime({ offset: true }).safeParse(v).success;
export const isIsoDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
