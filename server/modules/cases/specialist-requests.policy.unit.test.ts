import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationErrors, approvalErrors, hoursOf, latestUntil, newPseudonym } from './specialist-requests.policy.ts';

const CODES = new Set(['health', 'housing']);
const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('Fachleistung rules', () => {
  it('lets an approval run until the day before the same date a year later, as PostgreSQL counts 12 months', () => {
    expect(latestUntil('2026-12-01')).toBe('2027-11-30');
    expect(latestUntil('2026-01-31')).toBe('2027-01-30');
    expect(latestUntil('2026-03-01')).toBe('2027-02-28');
    // date '2024-02-29' + interval '12 months' is 2025-02-28: the approval ends the day before.
    expect(latestUntil('2024-02-29')).toBe('2025-02-27');
  });

  it('never proposes more than 12 months, nor less than 11 (property)', () => {
    fc.assert(
      fc.property(day, (from) => {
        const until = latestUntil(from);
        const days = (Date.parse(until) - Date.parse(from)) / 86_400_000;
        return days >= 362 && days <= 365 && approvalErrors({ approvedFrom: from, approvedUntil: until }).length === 0;
      }),
    );
  });

  it('refuses an approval ending before it starts or past 12 months, naming the last day allowed', () => {
    expect(approvalErrors({ approvedFrom: '2026-12-01', approvedUntil: '2026-11-30' })).toEqual([{ field: 'approvedUntil', key: 'field.periodOrder' }]);
    expect(approvalErrors({ approvedFrom: '2026-12-01', approvedUntil: '2027-12-01' })).toEqual([{ field: 'approvedUntil', key: 'field.atMostTwelveMonths', values: { latest: '2027-11-30' } }]);
    expect(approvalErrors({ approvedFrom: '2026-12-01', approvedUntil: '2026-12-01' })).toEqual([]);
  });

  it('checks the threshold when the application is sent, not in a draft; criteria of the catalog, each once', () => {
    expect(applicationErrors({ criteria: ['health'], forecastHours: 34, submit: true }, CODES, 35)).toEqual([{ field: 'forecastHours', key: 'field.belowThreshold', values: { threshold: 35 } }]);
    expect(applicationErrors({ criteria: ['health'], forecastHours: 35, submit: true }, CODES, 35)).toEqual([]);
    expect(applicationErrors({ criteria: ['health'], forecastHours: 10, submit: false }, CODES, 35)).toEqual([]);
    expect(applicationErrors({ criteria: ['health', 'health'], forecastHours: 40, submit: true }, CODES, 35).map((e) => e.field)).toEqual(['criteria']);
    expect(applicationErrors({ criteria: ['astrology'], forecastHours: 40, submit: true }, CODES, 35).map((e) => e.field)).toEqual(['criteria']);
  });

  it('shows minutes as hours to the quarter hour', () => {
    expect([hoursOf(0), hoursOf(90), hoursOf(135), hoursOf(50)]).toEqual([0, 1.5, 2.25, 0.75]);
  });

  it('makes random pseudonyms of one form, without characters that read alike', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newPseudonym()));
    expect(seen.size).toBe(200);
    for (const p of seen) expect(p).toMatch(/^FL-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
  });
});
