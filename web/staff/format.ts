/** Today's date in Europe/Berlin, YYYY-MM-DD (the API's calendar). */
export function todayInBerlin(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function formatDate(iso: string, language: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso));
}

/** Whether a period [validFrom, validTo) covers a day; validTo null means open-ended. */
export function isValidOn(period: { validFrom: string; validTo: string | null }, day: string): boolean {
  return period.validFrom <= day && (period.validTo === null || day < period.validTo);
}
