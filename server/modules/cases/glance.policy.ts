import type { BasicServiceClock, NeedLevel } from '#contracts/assessments.ts';
import { basicServiceEndsOn } from './cases.policy.ts';
import { addMonths, BASIC_CLOSING_MONTHS } from './plans.policy.ts';

/**
 * Rules of the household at a glance: pure functions on calendar dates (YYYY-MM-DD, Berlin),
 * tested in glance.policy.unit.test.ts.
 */

/** The need levels that, remaining at the end of the Grundleistung year, call for a Fachleistung application. */
export const FACHLEISTUNG_LEVELS: ReadonlySet<NeedLevel> = new Set(['high', 'acute']);

const DAY = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The household's assignment date: the earliest municipal assignment (Zuweisung) among its people. */
export function householdAssignedOn(assignedOns: readonly (string | null)[]): string | null {
  return assignedOns.filter((a): a is string => a !== null).sort()[0] ?? null;
}

/** The latest of a row's assessments per area: by day, then by when it was entered. */
export function latestPerArea<T extends { areaCode: string; assessedOn: string; createdAt: Date }>(rows: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const r of rows) {
    const seen = latest.get(r.areaCode);
    if (!seen || r.assessedOn > seen.assessedOn || (r.assessedOn === seen.assessedOn && r.createdAt > seen.createdAt)) latest.set(r.areaCode, r);
  }
  return latest;
}

/**
 * The 12-month Grundleistung clock from the assignment: running, closing in its last
 * BASIC_CLOSING_MONTHS (to the last day included), ended after. While closing, current needs of
 * level high or acute (`currentNeeds`: area code and level, any row) prompt a Fachleistung
 * application for their areas (each area once, in the order given).
 */
export function basicServiceClock(assignedOn: string | null, today: string, currentNeeds: readonly { areaCode: string; level: NeedLevel }[]): BasicServiceClock {
  const endsOn = basicServiceEndsOn(assignedOn);
  if (!assignedOn || !endsOn) return { assignedOn: null, endsOn: null, daysLeft: null, status: 'unknown', closing: false, fachleistungPrompt: false, promptAreas: [] };
  const closing = today <= endsOn && today > addMonths(endsOn, -BASIC_CLOSING_MONTHS);
  const status = today > endsOn ? 'ended' : closing ? 'closing' : 'running';
  const promptAreas = closing ? [...new Set(currentNeeds.filter((n) => FACHLEISTUNG_LEVELS.has(n.level)).map((n) => n.areaCode))] : [];
  return { assignedOn, endsOn, daysLeft: daysBetween(today, endsOn), status, closing, fachleistungPrompt: promptAreas.length > 0, promptAreas };
}
