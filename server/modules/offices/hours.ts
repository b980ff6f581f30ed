import { berlinWall } from '#server/time.ts';
import { addDays, isoWeekday, saxonHolidayOn, type HolidayKey } from './holidays.ts';

/**
 * Opening hours: regular weekly intervals, exceptions per date and Saxon public holidays. Pure
 * functions over plain data; times are local Europe/Berlin wall-clock times "HH:MM".
 */
export interface HoursRule {
  weekday: number;
  opens: string;
  closes: string;
  kind: 'open' | 'walk_in';
  validFrom?: string | null;
  validTo?: string | null;
}

export interface HoursException {
  date: string;
  closed: boolean;
  opens?: string | null;
  closes?: string | null;
  note?: string;
}

export interface OfficeHours {
  hours: HoursRule[];
  exceptions: HoursException[];
}

export interface Interval {
  opens: string;
  closes: string;
  kind: 'open' | 'walk_in';
}

export interface DaySchedule {
  date: string;
  weekday: number;
  /** Where the day's hours come from. */
  source: 'regular' | 'exception' | 'holiday';
  holiday: HolidayKey | null;
  note: string;
  intervals: Interval[];
}

/** After-work hours begin here (Feierabend): time open after 17:00 counts as after-work time. */
export const AFTER_WORK_FROM = '17:00';

/** "HH:MM" or "HH:MM:SS" → "HH:MM". */
export const hhmm = (t: string): string => t.slice(0, 5);

export const minutesOf = (t: string): number => {
  const [h, m] = t.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const ruleValidOn = (rule: HoursRule, date: string): boolean =>
  (!rule.validFrom || rule.validFrom <= date) && (!rule.validTo || rule.validTo > date);

const byStart = (a: Interval, b: Interval): number => a.opens.localeCompare(b.opens);

/** The regular weekly rules in force on a date (ignoring exceptions and holidays). */
export function regularIntervals(office: OfficeHours, date: string): Interval[] {
  const weekday = isoWeekday(date);
  return office.hours
    .filter((r) => r.weekday === weekday && ruleValidOn(r, date))
    .map((r) => ({ opens: hhmm(r.opens), closes: hhmm(r.closes), kind: r.kind }))
    .sort(byStart);
}

/**
 * The office's hours on a calendar date. Precedence: an exception for the date (closed, or special
 * hours), then a Saxon public holiday (closed), then the regular weekly hours.
 */
export function openingAt(office: OfficeHours, date: string): DaySchedule {
  const weekday = isoWeekday(date);
  const exceptions = office.exceptions.filter((e) => e.date === date);
  if (exceptions.length > 0) {
    const note = exceptions.map((e) => e.note ?? '').filter(Boolean).join('; ');
    const closed = exceptions.some((e) => e.closed);
    const intervals = closed
      ? []
      : exceptions.flatMap((e) => (e.opens && e.closes ? [{ opens: hhmm(e.opens), closes: hhmm(e.closes), kind: 'open' as const }] : [])).sort(byStart);
    return { date, weekday, source: 'exception', holiday: saxonHolidayOn(date)?.key ?? null, note, intervals };
  }
  const holiday = saxonHolidayOn(date);
  if (holiday) return { date, weekday, source: 'holiday', holiday: holiday.key, note: holiday.name, intervals: [] };
  return { date, weekday, source: 'regular', holiday: null, note: '', intervals: regularIntervals(office, date) };
}

/** The schedule for `days` consecutive days from `from`. */
export function openingFrom(office: OfficeHours, from: string, days: number): DaySchedule[] {
  return Array.from({ length: days }, (_, i) => openingAt(office, addDays(from, i)));
}

/** Whether the office is open at an instant (judged in Europe/Berlin local time). */
export function isOpenAt(office: OfficeHours, instant: Date): boolean {
  const { date, time } = berlinWall(instant);
  return openingAt(office, date).intervals.some((i) => i.opens <= time && time < i.closes);
}

export interface WeekSummary {
  /** Hours open in a regular week (rules in force on the reference date, no holidays). */
  hoursPerWeek: number;
  /** Hours of those after 17:00. */
  afterWorkHours: number;
  /** Weekdays with opening after 17:00. */
  afterWorkDays: number;
  /** Weekdays open at all. */
  daysOpen: number;
}

/** A regular week's figures, with the weekly rules in force on the week starting at `weekOf`. */
export function weekSummary(office: OfficeHours, weekOf: string): WeekSummary {
  const monday = addDays(weekOf, 1 - isoWeekday(weekOf));
  const afterWork = minutesOf(AFTER_WORK_FROM);
  let total = 0;
  let after = 0;
  let afterDays = 0;
  let days = 0;
  for (let i = 0; i < 7; i++) {
    const intervals = regularIntervals(office, addDays(monday, i));
    if (intervals.length === 0) continue;
    days++;
    let dayAfter = 0;
    for (const iv of intervals) {
      const o = minutesOf(iv.opens);
      const c = minutesOf(iv.closes);
      total += c - o;
      dayAfter += Math.max(0, c - Math.max(o, afterWork));
    }
    after += dayAfter;
    if (dayAfter > 0) afterDays++;
  }
  const round = (m: number): number => Math.round((m / 60) * 100) / 100;
  return { hoursPerWeek: round(total), afterWorkHours: round(after), afterWorkDays: afterDays, daysOpen: days };
}
