import { describe, expect, it } from 'vitest';
import { partialDate } from '#contracts/cases.ts';
import { basicServiceEndsOn, birthDateFit, caseStatusOf, joinPartialDate, splitPartialDate } from './cases.policy.ts';

const day = 24 * 60 * 60 * 1000;
const now = new Date('2026-06-01T10:00:00Z');
const ago = (days: number): Date => new Date(now.getTime() - days * day);

describe('case status', () => {
  it('is open until the first contact, active while contacts are recent, dormant after the configured days, closed once closed', () => {
    expect(caseStatusOf({ openedAt: ago(3), lastContactAt: null, closedAt: null }, now, 90)).toBe('open');
    expect(caseStatusOf({ openedAt: ago(200), lastContactAt: ago(10), closedAt: null }, now, 90)).toBe('active');
    expect(caseStatusOf({ openedAt: ago(200), lastContactAt: ago(91), closedAt: null }, now, 90)).toBe('dormant');
    expect(caseStatusOf({ openedAt: ago(200), lastContactAt: ago(91), closedAt: null }, now, 120)).toBe('active');
    expect(caseStatusOf({ openedAt: ago(100), lastContactAt: null, closedAt: null }, now, 90)).toBe('dormant');
    expect(caseStatusOf({ openedAt: ago(100), lastContactAt: ago(1), closedAt: ago(0) }, now, 90)).toBe('closed');
  });
});

describe('the Grundleistung window', () => {
  it('ends the day before the assignment date a year later', () => {
    expect(basicServiceEndsOn('2026-02-01')).toBe('2027-01-31');
    expect(basicServiceEndsOn('2026-01-01')).toBe('2026-12-31');
    expect(basicServiceEndsOn('2024-02-29')).toBe('2025-02-28');
    expect(basicServiceEndsOn(null)).toBeNull();
  });
});

describe('partial dates of birth', () => {
  it('accepts a year, a year and month, or a full valid date', () => {
    for (const ok of ['1987', '1987-04', '1987-04-12', '2000-02-29']) expect(partialDate.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['87', '1987-13', '1987-02-30', '1900-02-29', '1899', '1987-4', '']) expect(partialDate.safeParse(bad).success, bad).toBe(false);
  });

  it('splits and joins without loss', () => {
    for (const v of ['1987', '1987-04', '1987-04-12']) expect(joinPartialDate(splitPartialDate(v))).toBe(v);
    expect(joinPartialDate(splitPartialDate(null))).toBeNull();
  });

  it('tells the same, an unknown and a conflicting date of birth apart', () => {
    expect(birthDateFit('1984', '1984-03-02')).toBe('same');
    expect(birthDateFit('1984-03', '1984-04-02')).toBe('conflict');
    expect(birthDateFit('1985', '1984')).toBe('conflict');
    expect(birthDateFit(null, '1984')).toBe('unknown');
    expect(birthDateFit('1984', null)).toBe('unknown');
  });
});
