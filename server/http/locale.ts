import type { FastifyRequest } from 'fastify';
import { PUBLIC_LOCALES, STAFF_LOCALES, isPublicLocale, negotiate } from '#server/i18n.ts';

/**
 * The language of a response: the locale in a public page's URL (/ar/…); for the API a `lang`
 * query parameter, then the staff member's preference, then Accept-Language. Staff pages exist in
 * German and English; public pages and public API answers in all six public languages.
 */
export function requestLocale(request: FastifyRequest): string {
  const first = request.url.split('/')[1]?.split('?')[0];
  if (isPublicLocale(first)) return first;
  const query = request.query as Record<string, unknown> | undefined;
  const lang = typeof query?.['lang'] === 'string' ? query['lang'] : undefined;
  if (isPublicLocale(lang)) return lang;
  if (request.session) return request.session.account.locale;
  return negotiate(request.headers['accept-language'], PUBLIC_LOCALES, 'de');
}

export function staffLocale(request: FastifyRequest): string {
  return negotiate(request.locale, STAFF_LOCALES, 'de');
}
