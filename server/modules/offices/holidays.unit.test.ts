import { describe, expect, it } from 'vitest';
import { bussUndBettag, easterSunday, isoWeekday, saxonHolidayOn, saxonHolidays } from './holidays.ts';

describe('Saxon public holidays', () => {
  it('computes Easter by the Gregorian computus', () => {
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });

  it('puts Buß- und Bettag on the Wednesday before 23 November', () => {
    expect(bussUndBettag(2026)).toBe('2026-11-18');
    expect(bussUndBettag(2025)).toBe('2025-11-19');
    // 22 November 2023 was itself a Wednesday
    expect(bussUndBettag(2023)).toBe('2023-11-22');
    for (let y = 2020; y < 2040; y++) {
      const d = bussUndBettag(y);
      expect(isoWeekday(d)).toBe(3);
      expect(d >= `${y}-11-16` && d <= `${y}-11-22`).toBe(true);
    }
  });

  it('lists the eleven holidays of 2027 with the Easter-dependent ones', () => {
    const list = saxonHolidays(2027);
    expect(list).toHaveLength(11);
    expect(Object.fromEntries(list.map((h) => [h.key, h.date]))).toEqual({
      neujahr: '2027-01-01',
      karfreitag: '2027-03-26',
      ostermontag: '2027-03-29',
      tagDerArbeit: '2027-05-01',
      christiHimmelfahrt: '2027-05-06',
      pfingstmontag: '2027-05-17',
      tagDerDeutschenEinheit: '2027-10-03',
      reformationstag: '2027-10-31',
      bussUndBettag: '2027-11-17',
      ersterWeihnachtstag: '2027-12-25',
      zweiterWeihnachtstag: '2027-12-26',
    });
  });

  it('answers a holiday by date, and nothing on an ordinary day', () => {
    expect(saxonHolidayOn('2026-11-18')?.name).toBe('Buß- und Bettag');
    expect(saxonHolidayOn('2026-11-17')).toBeNull();
    expect(saxonHolidayOn('2026-06-04')).toBeNull(); // Fronleichnam: not in Dresden
  });
});
