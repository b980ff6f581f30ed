import { describe, expect, it } from 'vitest';
import { ProblemError } from './api.ts';
import { isValidOn } from './format.ts';
import { toFormError } from './forms.tsx';

describe('toFormError', () => {
  const problem = new ProblemError({
    type: '/problems/validation',
    title: 'Bitte prüfen Sie Ihre Angaben.',
    status: 400,
    errors: [
      { field: 'email', message: 'E-Mail fehlt' },
      { field: 'email', message: 'zweite Meldung' },
      { field: 'members.0.code', message: 'unbekannt' },
      { field: 'token', message: 'Link ungültig' },
    ],
  });

  it('puts the first message of a known field at the field and the rest in the summary', () => {
    const error = toFormError(problem, ['email', 'members'], 'fallback');
    expect(error.title).toBe('Bitte prüfen Sie Ihre Angaben.');
    expect(error.fields).toEqual({ email: 'E-Mail fehlt', members: 'unbekannt' });
    expect(error.other).toEqual(['zweite Meldung', 'Link ungültig']);
  });

  it('puts a message at a known full path (a row of a list) before its first segment', () => {
    const error = toFormError(problem, ['email', 'members.0.code', 'members'], 'fallback');
    expect(error.fields['members.0.code']).toBe('unbekannt');
    expect(error.fields['members']).toBeUndefined();
  });

  it('falls back to the given title for errors that are not problems', () => {
    expect(toFormError(new Error('boom'), ['email'], 'Unerwartet')).toEqual({ title: 'Unerwartet', fields: {}, other: [] });
  });

  it('knows the short problem type', () => {
    expect(problem.kind).toBe('validation');
  });
});

describe('isValidOn', () => {
  it('includes the first day and excludes the end day', () => {
    const period = { validFrom: '2026-01-01', validTo: '2026-02-01' };
    expect(isValidOn(period, '2025-12-31')).toBe(false);
    expect(isValidOn(period, '2026-01-01')).toBe(true);
    expect(isValidOn(period, '2026-01-31')).toBe(true);
    expect(isValidOn(period, '2026-02-01')).toBe(false);
    expect(isValidOn({ validFrom: '2026-01-01', validTo: null }, '2099-01-01')).toBe(true);
  });
});

describe('Berlin times in the browser', () => {
  it('turns a Berlin wall-clock time into the instant, in winter and in summer time', async () => {
    const { berlinInstant, timeInBerlin, mondayOf, addDays } = await import('./format.ts');
    expect(berlinInstant('2026-01-15', '09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(berlinInstant('2026-07-15', '09:30')).toBe('2026-07-15T07:30:00.000Z');
    expect(berlinInstant('2026-03-30', '09:00')).toBe('2026-03-30T07:00:00.000Z');
    expect(berlinInstant('2026-03-30', '9')).toBeNull();
    expect(timeInBerlin('2026-10-26T08:00:00.000Z')).toBe('09:00');
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
