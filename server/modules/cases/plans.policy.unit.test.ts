import { describe, expect, it } from 'vitest';
import type { WorklistItem } from '#contracts/plans.ts';
import { addMonths, assignedOnRange, basicWindowClosing, goalDue, inBasicWindow, residenceExpiring, reviewDue, sealsGoal, sortWorklist } from './plans.policy.ts';

const TODAY = '2026-12-01';

describe('worklist date rules', () => {
  it('shows a goal overdue before today, due from today to 14 days ahead, not later or without a date', () => {
    expect(goalDue('2026-11-30', TODAY)).toBe('goal_overdue');
    expect(goalDue('2026-12-01', TODAY)).toBe('goal_due');
    expect(goalDue('2026-12-15', TODAY)).toBe('goal_due');
    expect(goalDue('2026-12-16', TODAY)).toBeNull();
    expect(goalDue(null, TODAY)).toBeNull();
  });

  it('shows a plan review from 14 days before its date on, overdue ones too', () => {
    expect(reviewDue('2026-12-15', TODAY)).toBe(true);
    expect(reviewDue('2026-10-01', TODAY)).toBe(true);
    expect(reviewDue('2026-12-16', TODAY)).toBe(false);
  });

  it('shows a residence permit expiring from today to 60 days ahead, not an expired one', () => {
    expect(residenceExpiring('2026-12-01', TODAY)).toBe(true);
    expect(residenceExpiring('2027-01-30', TODAY)).toBe(true);
    expect(residenceExpiring('2027-01-31', TODAY)).toBe(false);
    expect(residenceExpiring('2026-11-30', TODAY)).toBe(false);
    expect(residenceExpiring(null, TODAY)).toBe(false);
  });

  it('shows the Grundleistung year (12 months from the municipal assignment) in its last two months', () => {
    // assigned 2026-02-01: the year ends 2027-01-31, two months from today is 2027-02-01
    expect(basicWindowClosing('2026-02-01', TODAY)).toBe('2027-01-31');
    expect(basicWindowClosing('2026-02-02', TODAY)).toBe('2027-02-01');
    expect(basicWindowClosing('2026-02-03', TODAY)).toBeNull();
    expect(basicWindowClosing('2025-12-02', TODAY)).toBe('2026-12-01');
    expect(basicWindowClosing('2025-12-01', TODAY)).toBeNull();
    expect(basicWindowClosing(null, TODAY)).toBeNull();
  });

  it('narrows the assignments a query reads to a range that holds every closing year', () => {
    const { from, to } = assignedOnRange(TODAY);
    for (const day of ['2025-12-02', '2026-01-15', '2026-02-02']) expect(day >= from && day <= to).toBe(true);
  });

  it('adds months to the last day a month has', () => {
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', -12)).toBe('2025-12-01');
  });

  it('knows whether a Grundleistung year runs on a day', () => {
    expect(inBasicWindow(['2026-02-01', null], '2027-01-31')).toBe(true);
    expect(inBasicWindow(['2026-02-01'], '2027-02-01')).toBe(false);
    expect(inBasicWindow([null], TODAY)).toBe(false);
  });
});

describe('goals and the worklist order', () => {
  it('seals a goal in a sensitive area or marked sensitive', () => {
    const areas = new Set(['health']);
    expect([sealsGoal(areas, 'health', false), sealsGoal(areas, 'work', true), sealsGoal(areas, 'work', false)]).toEqual([true, true, false]);
  });

  it('sorts by date, then overdue goals and reviews before the rest', () => {
    const item = (kind: WorklistItem['kind'], date: string): WorklistItem => ({ kind, date, household: { id: kind, name: 'A', regionCode: 'nord' }, subject: '', link: `/${kind}`, assignees: [] });
    const sorted = sortWorklist([item('case_dormant', '2026-08-01'), item('goal_due', '2026-12-03'), item('plan_review_due', '2026-12-03'), item('goal_overdue', '2026-11-20')]);
    expect(sorted.map((i) => i.kind)).toEqual(['case_dormant', 'goal_overdue', 'plan_review_due', 'goal_due']);
  });
});
