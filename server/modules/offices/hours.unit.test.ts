import { describe, expect, it } from 'vitest';
import { isOpenAt, openingAt, weekSummary, type OfficeHours } from './hours.ts';

const office: OfficeHours = {
  hours: [
    { weekday: 1, opens: '09:00', closes: '12:00', kind: 'open' },
    { weekday: 1, opens: '13:00', closes: '16:00', kind: 'open' },
    { weekday: 2, opens: '09:00:00', closes: '12:00:00', kind: 'walk_in' },
    { weekday: 3, opens: '09:00', closes: '12:00', kind: 'open' },
    { weekday: 4, opens: '12:00', closes: '19:00', kind: 'open' },
    { weekday: 5, opens: '09:00', closes: '12:00', kind: 'open', validTo: '2026-12-01' },
  ],
  exceptions: [
    { date: '2026-12-24', closed: true, note: 'Heiligabend' },
    { date: '2026-12-28', closed: false, opens: '10:00', closes: '12:00', note: 'Zwischen den Jahren' },
  ],
};

describe('opening hours', () => {
  it('uses the regular weekly hours on an ordinary day', () => {
    const monday = openingAt(office, '2026-11-16');
    expect(monday.source).toBe('regular');
    expect(monday.intervals).toEqual([
      { opens: '09:00', closes: '12:00', kind: 'open' },
      { opens: '13:00', closes: '16:00', kind: 'open' },
    ]);
    expect(openingAt(office, '2026-11-17').intervals).toEqual([{ opens: '09:00', closes: '12:00', kind: 'walk_in' }]);
  });

  it('is closed on Buß- und Bettag 2026 (a Wednesday with regular hours)', () => {
    const day = openingAt(office, '2026-11-18');
    expect(day.source).toBe('holiday');
    expect(day.holiday).toBe('bussUndBettag');
    expect(day.intervals).toEqual([]);
    expect(openingAt(office, '2026-11-25').intervals).toHaveLength(1);
  });

  it('is closed on Easter Monday 2027', () => {
    expect(openingAt(office, '2027-03-29').intervals).toEqual([]);
    expect(openingAt(office, '2027-04-05').intervals).toHaveLength(2);
  });

  it('lets exceptions win: closed days and special hours', () => {
    expect(openingAt(office, '2026-12-24')).toMatchObject({ source: 'exception', intervals: [], note: 'Heiligabend' });
    expect(openingAt(office, '2026-12-28').intervals).toEqual([{ opens: '10:00', closes: '12:00', kind: 'open' }]);
  });

  it('honours a rule\'s validity period', () => {
    expect(openingAt(office, '2026-11-20').intervals).toHaveLength(1);
    expect(openingAt(office, '2026-12-04').intervals).toHaveLength(0);
  });

  it('judges an instant in Berlin time, across daylight saving', () => {
    // 2026-11-16 08:30 UTC = 09:30 CET (winter)
    expect(isOpenAt(office, new Date('2026-11-16T08:30:00Z'))).toBe(true);
    expect(isOpenAt(office, new Date('2026-11-16T07:30:00Z'))).toBe(false);
    // 2026-06-15 (Monday) 07:30 UTC = 09:30 CEST (summer)
    expect(isOpenAt(office, new Date('2026-06-15T07:30:00Z'))).toBe(true);
    expect(isOpenAt(office, new Date('2026-06-15T10:30:00Z'))).toBe(false);
  });

  it('sums a regular week: hours, after-work hours and days', () => {
    expect(weekSummary(office, '2026-11-18')).toEqual({ hoursPerWeek: 22, afterWorkHours: 2, afterWorkDays: 1, daysOpen: 5 });
    expect(weekSummary(office, '2026-12-09')).toEqual({ hoursPerWeek: 19, afterWorkHours: 2, afterWorkDays: 1, daysOpen: 4 });
  });
});
