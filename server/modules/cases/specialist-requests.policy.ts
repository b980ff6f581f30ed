import { randomInt } from 'node:crypto';
import type { Action } from '#contracts/actions.ts';
import type { FieldError } from '#server/platform/problem.ts';

/**
 * The rules of a Fachleistung request (decision 0016): pure functions, tested on their own. An
 * approval runs at most 12 months.
 */

export const PROVIDER_REQUEST_ACTIONS = ['specialist-request.read', 'specialist-request.apply'] as const satisfies readonly Action[];
export const CITY_REQUEST_ACTIONS = ['specialist-request.review', 'specialist-request.decide'] as const satisfies readonly Action[];

/**
 * The last day an approval starting on `from` may run: the day before the same date 12 months
 * later, where a missing day (29 February) falls back to the month's last as PostgreSQL's
 * `date + interval '12 months'` does (the table's check uses that).
 */
export function latestUntil(from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  const end = new Date(Date.UTC(y + 1, m - 1, Math.min(d, lastOfMonth)));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** What the provider's application gets wrong: unknown criteria, a forecast below the threshold when submitted. */
export function applicationErrors(input: { criteria: readonly string[]; forecastHours: number; submit: boolean }, activeCodes: ReadonlySet<string>, thresholdHours: number): FieldError[] {
  const errors: FieldError[] = [];
  if (input.criteria.some((c) => !activeCodes.has(c)) || new Set(input.criteria).size !== input.criteria.length) errors.push({ field: 'criteria', key: 'field.invalidOption' });
  if (input.submit && input.forecastHours < thresholdHours) errors.push({ field: 'forecastHours', key: 'field.belowThreshold', values: { threshold: thresholdHours } });
  return errors;
}

/** What the city's approval gets wrong: an end before its start, or longer than 12 months. */
export function approvalErrors(input: { approvedFrom: string; approvedUntil: string }): FieldError[] {
  if (input.approvedUntil < input.approvedFrom) return [{ field: 'approvedUntil', key: 'field.periodOrder' }];
  const latest = latestUntil(input.approvedFrom);
  if (input.approvedUntil > latest) return [{ field: 'approvedUntil', key: 'field.atMostTwelveMonths', values: { latest } }];
  return [];
}

/** Delivered minutes as hours, to the quarter hour. */
export function hoursOf(minutes: number): number {
  return Math.round(minutes / 15) / 4;
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A new pseudonym: random (50 bits), nothing in it derived from the household or its people. */
export function newPseudonym(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)] ?? '';
  return `FL-${code.slice(0, 5)}-${code.slice(5)}`;
}
