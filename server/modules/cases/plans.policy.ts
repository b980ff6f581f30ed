import type { WorklistItem } from '#contracts/plans.ts';
import { basicServiceEndsOn } from './cases.policy.ts';

/**
 * Rules of support plans and the worklist: pure functions on calendar dates (YYYY-MM-DD, Berlin),
 * tested in plans.policy.unit.test.ts.
 */

/** A goal or a plan review shows in the worklist this many days before it is due (and after, until done). */
export const DUE_SOON_DAYS = 14;
/** A residence permit shows this many days before it expires. */
export const RESIDENCE_DAYS = 60;
/** The end of the Grundleistung year shows in its last this many months. */
export const BASIC_CLOSING_MONTHS = 2;

const parse = (date: string): Date => new Date(`${date}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** The same day `months` later; a day the month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return iso(first);
}

/** A goal's place in the worklist: overdue before today, due within DUE_SOON_DAYS, else none. */
export function goalDue(dueOn: string | null, today: string): 'goal_overdue' | 'goal_due' | null {
  if (!dueOn) return null;
  if (dueOn < today) return 'goal_overdue';
  return dueOn <= addDays(today, DUE_SOON_DAYS) ? 'goal_due' : null;
}

/** The plan review is due: its date lies before today + DUE_SOON_DAYS (overdue ones included). */
export function reviewDue(reviewOn: string, today: string): boolean {
  return reviewOn <= addDays(today, DUE_SOON_DAYS);
}

/** A residence permit expiring from today to RESIDENCE_DAYS ahead (an expired one is past dealing with here). */
export function residenceExpiring(expiresOn: string | null, today: string): boolean {
  return expiresOn !== null && expiresOn >= today && expiresOn <= addDays(today, RESIDENCE_DAYS);
}

/**
 * The last day of the Grundleistung year when it falls in its last BASIC_CLOSING_MONTHS from today
 * (12 months from the municipal assignment), else null.
 */
export function basicWindowClosing(assignedOn: string | null, today: string): string | null {
  const end = basicServiceEndsOn(assignedOn);
  if (!end) return null;
  return end >= today && end <= addMonths(today, BASIC_CLOSING_MONTHS) ? end : null;
}

/** The assignment dates whose Grundleistung year may close in the window (a query's coarse range; basicWindowClosing decides). */
export function assignedOnRange(today: string): { from: string; to: string } {
  return { from: addDays(addMonths(today, -12), -3), to: addDays(addMonths(today, BASIC_CLOSING_MONTHS - 12), 3) };
}

/** Whether a Grundleistung year of any of these assignments is running on the day (the block a plan review counts under). */
export function inBasicWindow(assignedOns: readonly (string | null)[], day: string): boolean {
  return assignedOns.some((a) => a !== null && a <= day && (basicServiceEndsOn(a) ?? '') >= day);
}

/** Whether a goal's texts are sealed: its area is a special category, or it is marked sensitive. */
export function sealsGoal(sensitiveAreas: ReadonlySet<string>, areaCode: string, marked: boolean): boolean {
  return sensitiveAreas.has(areaCode) || marked;
}

const ORDER: Record<WorklistItem['kind'], number> = { goal_overdue: 0, plan_review_due: 1, goal_due: 2, residence_expiring: 3, basic_window_closing: 4, case_dormant: 5, referral_follow_up: 3, letter_overdue: 0, letter_due: 2, specialist_ending: 3, transfer_incoming: 0 };

/** The worklist in the order it is worked: overdue first, then by date, kind and household. */
export function sortWorklist(items: WorklistItem[]): WorklistItem[] {
  return [...items].sort((a, b) => a.date.localeCompare(b.date) || ORDER[a.kind] - ORDER[b.kind] || a.household.name.localeCompare(b.household.name) || a.link.localeCompare(b.link));
}
