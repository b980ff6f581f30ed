/**
 * Public holidays in Saxony (Sachsen), computed per year: no table to maintain. Dates are calendar
 * dates in Europe/Berlin (YYYY-MM-DD). Sources: Sächsisches Sonn- und Feiertagsgesetz (SächsSFG) §1.
 * Fronleichnam is a holiday only in some Sorbian communities, not in Dresden, and is left out.
 */
export interface Holiday {
  date: string;
  /** Stable key for translation, e.g. `bussUndBettag`. */
  key: HolidayKey;
  /** German name (the source language). */
  name: string;
}

export type HolidayKey =
  | 'neujahr'
  | 'karfreitag'
  | 'ostermontag'
  | 'tagDerArbeit'
  | 'christiHimmelfahrt'
  | 'pfingstmontag'
  | 'tagDerDeutschenEinheit'
  | 'reformationstag'
  | 'bussUndBettag'
  | 'ersterWeihnachtstag'
  | 'zweiterWeihnachtstag';

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD of a UTC-midnight date (used as a plain calendar date). */
export function isoOf(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A calendar date as a UTC-midnight Date, for arithmetic only. */
export function dateOf(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function addDays(iso: string, days: number): string {
  const d = dateOf(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return isoOf(d);
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(iso: string): number {
  const day = dateOf(iso).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Easter Sunday by the Gregorian computus (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Buß- und Bettag: the last Wednesday before 23 November (16–22 November). */
export function bussUndBettag(year: number): string {
  const nov22 = `${year}-11-22`;
  const back = (isoWeekday(nov22) - 3 + 7) % 7;
  return addDays(nov22, -back);
}

/** Saxony's public holidays of a year, in date order. */
export function saxonHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: `${year}-01-01`, key: 'neujahr', name: 'Neujahr' },
    { date: addDays(easter, -2), key: 'karfreitag', name: 'Karfreitag' },
    { date: addDays(easter, 1), key: 'ostermontag', name: 'Ostermontag' },
    { date: `${year}-05-01`, key: 'tagDerArbeit', name: 'Tag der Arbeit' },
    { date: addDays(easter, 39), key: 'christiHimmelfahrt', name: 'Christi Himmelfahrt' },
    { date: addDays(easter, 50), key: 'pfingstmontag', name: 'Pfingstmontag' },
    { date: `${year}-10-03`, key: 'tagDerDeutschenEinheit', name: 'Tag der Deutschen Einheit' },
    { date: `${year}-10-31`, key: 'reformationstag', name: 'Reformationstag' },
    { date: bussUndBettag(year), key: 'bussUndBettag', name: 'Buß- und Bettag' },
    { date: `${year}-12-25`, key: 'ersterWeihnachtstag', name: '1. Weihnachtstag' },
    { date: `${year}-12-26`, key: 'zweiterWeihnachtstag', name: '2. Weihnachtstag' },
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

const cache = new Map<number, Map<string, Holiday>>();

/** The Saxon public holiday on a date, or null. */
export function saxonHolidayOn(iso: string): Holiday | null {
  const year = Number(iso.slice(0, 4));
  let byDate = cache.get(year);
  if (!byDate) {
    byDate = new Map(saxonHolidays(year).map((h) => [h.date, h]));
    cache.set(year, byDate);
  }
  return byDate.get(iso) ?? null;
}
