import { describe, expect, it } from 'vitest';
import { ageBandOf, sealsNote, statisticPeriod } from './case-work.policy.ts';

describe('case work rules', () => {
  it('counts the age band from the birth year alone, null when unknown', () => {
    expect([ageBandOf(null, '2026-11-20'), ageBandOf(2026, '2026-01-01'), ageBandOf(2020, '2026-11-20'), ageBandOf(2008, '2026-11-20'), ageBandOf(2000, '2026-11-20'), ageBandOf(1984, '2026-11-20'), ageBandOf(1962, '2026-11-20'), ageBandOf(1961, '2026-11-20'), ageBandOf(2027, '2026-11-20')])
      .toEqual([null, '0-5', '6-17', '18-26', '18-26', '27-44', '45-64', '65+', null]);
  });
  it('seals a note in a sensitive area or marked sensitive', () => {
    expect([sealsNote({ sensitive: true }, false), sealsNote({ sensitive: false }, true), sealsNote({ sensitive: false }, false)]).toEqual([true, true, false]);
  });
  it('counts by year and month, never the day', () => {
    expect(statisticPeriod('2026-03-31')).toEqual({ year: 2026, month: 3 });
  });
});
