/** Time is Europe/Berlin. */
export const TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Berlin at an instant. */
export function berlinDate(at: Date): string {
  return dateFormat.format(at);
}
