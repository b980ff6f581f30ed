import { describe, expect, it } from 'vitest';
import { basicServiceClock, householdAssignedOn, latestPerArea } from './glance.policy.ts';

const high = [{ areaCode: 'health', level: 'high' as const }, { areaCode: 'language', level: 'medium' as const }, { areaCode: 'housing', level: 'acute' as const }, { areaCode: 'health', level: 'acute' as const }];

describe('the Grundleistung clock', () => {
  it('is unknown without an assignment date', () => {
    expect(basicServiceClock(null, '2026-12-01', high)).toMatchObject({ status: 'unknown', endsOn: null, daysLeft: null, fachleistungPrompt: false });
  });

  it('runs for 12 months from the assignment and prompts nothing before its last 2 months, whatever the needs', () => {
    expect(basicServiceClock('2026-02-01', '2026-11-30', high)).toEqual({ assignedOn: '2026-02-01', endsOn: '2027-01-31', daysLeft: 62, status: 'running', closing: false, fachleistungPrompt: false, promptAreas: [] });
  });

  it('closes in its last 2 months, to its last day included, and then prompts a Fachleistung application for the areas of high or acute need, each once', () => {
    expect(basicServiceClock('2026-02-01', '2026-12-01', high)).toMatchObject({ status: 'closing', closing: true, daysLeft: 61, fachleistungPrompt: true, promptAreas: ['health', 'housing'] });
    expect(basicServiceClock('2026-02-01', '2027-01-31', high)).toMatchObject({ status: 'closing', daysLeft: 0, fachleistungPrompt: true });
  });

  it('prompts nothing when the remaining needs are medium or below', () => {
    expect(basicServiceClock('2026-02-01', '2027-01-15', [{ areaCode: 'language', level: 'medium' }, { areaCode: 'work', level: 'none' }])).toMatchObject({ status: 'closing', fachleistungPrompt: false, promptAreas: [] });
  });

  it('has ended the day after its last day (no prompt from the clock any more)', () => {
    expect(basicServiceClock('2026-02-01', '2027-02-01', high)).toMatchObject({ status: 'ended', closing: false, daysLeft: -1, fachleistungPrompt: false });
  });

  it('counts from the earliest assignment of the household', () => {
    expect(householdAssignedOn([null, '2026-05-01', '2026-02-01'])).toBe('2026-02-01');
    expect(householdAssignedOn([null])).toBeNull();
  });
});

describe('the current need', () => {
  it('is the latest assessment per area: by day, then by entry', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const rows = [
      { id: 'a', areaCode: 'work', assessedOn: '2026-03-01', createdAt: at(3) },
      { id: 'b', areaCode: 'work', assessedOn: '2026-05-01', createdAt: at(1) },
      { id: 'c', areaCode: 'health', assessedOn: '2026-05-01', createdAt: at(1) },
      { id: 'd', areaCode: 'health', assessedOn: '2026-05-01', createdAt: at(2) },
    ];
    expect([...latestPerArea(rows)].map(([area, r]) => [area, r.id])).toEqual([['work', 'b'], ['health', 'd']]);
  });
});
