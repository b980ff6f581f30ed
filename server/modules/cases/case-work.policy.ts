/**
 * Rules of case work done with a household (service entries, statistics rows): pure functions,
 * tested in case-work.policy.unit.test.ts.
 */

export const AGE_BANDS = ['0-5', '6-17', '18-26', '27-44', '45-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The age band counted in the statistics: from the birth year alone (the day is never used, and
 * a person whose age on that day is uncertain by the missing month counts by the year), null when
 * the year is unknown.
 */
export function ageBandOf(birthYear: number | null, onDate: string): AgeBand | null {
  if (birthYear === null) return null;
  const age = Number(onDate.slice(0, 4)) - birthYear;
  if (age < 0) return null;
  if (age <= 5) return '0-5';
  if (age <= 17) return '6-17';
  if (age <= 26) return '18-26';
  if (age <= 44) return '27-44';
  if (age <= 64) return '45-64';
  return '65+';
}

/** Whether a note is sealed: its integration area is a special category, or it is marked sensitive. */
export function sealsNote(area: { sensitive: boolean }, markedSensitive: boolean): boolean {
  return area.sensitive || markedSensitive;
}

/** The year and month a statistics row is counted under (never the day). */
export function statisticPeriod(date: string): { year: number; month: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}
