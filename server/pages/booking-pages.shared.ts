import type { FastifyReply } from 'fastify';
import { translate, type PublicLocale } from '#server/i18n.ts';
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
