/** Dates, times and language names in the page's language; every instant is shown in Europe/Berlin. */
export const TIME_ZONE = 'Europe/Berlin';

/**
 * The locale the public pages format dates and numbers with: one calendar on every page, the
 * Gregorian (as every appointment; Persian would otherwise default to the Solar Hijri calendar),
 * and one set of digits per language — Persian digits for Persian, and for every other language
 * CLDR's default (Latin digits also for Arabic, as the times, codes and phone numbers are).
 */
export function intlLocale(lang: string): string {
  return lang === 'fa' ? 'fa-u-ca-gregory-nu-arabext' : `${lang}-u-ca-gregory`;
}

/** "25. November 2026" for a calendar date (YYYY-MM-DD). */
export function formatDate(lang: string, isoDate: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** "Dienstag, 1. Dezember" for a calendar date (YYYY-MM-DD). */
export function formatDay(lang: string, isoDate: string, withYear = false): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(date);
}

/** "14:30" in Berlin for an instant. */
export function formatTime(lang: string, instant: string | Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** "Dienstag, 1. Dezember 2026, 14:30" in Berlin. */
export function formatDateTime(lang: string, instant: string | Date): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** A wall-clock "HH:MM" written with the page language's digits. */
export function formatClock(lang: string, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return formatTime(lang, new Date(Date.UTC(2026, 0, 15, (h ?? 0) - 1, m ?? 0)));
}

/** The Berlin calendar date (YYYY-MM-DD) of an instant. */
export function berlinDay(instant: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** An ISO 639-1 code named in the page's language ("Arabisch", "عربي"). */
export function languageName(lang: string, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A whole number in the page's digits. */
export function formatNumber(lang: string, n: number): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(n);
}
