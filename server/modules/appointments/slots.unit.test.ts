import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '#server/modules/offices/holidays.ts';
import { openingAt } from '#server/modules/offices/hours.ts';
import { assignmentsAt, computeSlots, type SlotInput, type SlotResource } from './slots.ts';
import { berlinInstant, berlinWall } from './tz.ts';

const allWeek = (opens: string, closes: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes, kind: 'open' as const }));
const counsellor = (id: string, starts: string, ends: string, languages = ['de']): SlotResource => ({
  id,
  languages,
  availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts, ends })),
  absences: [],
});
const type = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0, horizonDays: 400, slotStepMinutes: 60, webPerDay: null, languages: [] };

function input(over: Partial<SlotInput> = {}): SlotInput {
  return {
    from: '2026-03-27',
    days: 5,
    now: new Date('2026-03-01T00:00:00Z'),
    type,
    hours: { hours: allWeek('00:00', '23:59'), exceptions: [] },
    closures: [],
    counsellors: [counsellor('c1', '09:00', '12:00')],
    interpreters: [],
    busy: [],
    channel: 'web',
    ...over,
  };
}
const iso = (days: { date: string; slots: { start: Date }[] }[], date: string) => days.find((d) => d.date === date)?.slots.map((s) => s.start.toISOString()) ?? [];

describe('slots across the daylight-saving changes (Europe/Berlin)', () => {
  it('29 March 2026 (spring forward): 09:00–12:00 is 07:00–10:00 UTC on the Sunday and Monday, 08:00–11:00 UTC the day before', () => {
    const days = computeSlots(input());
    expect(iso(days, '2026-03-28')).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-28T09:00:00.000Z', '2026-03-28T10:00:00.000Z']);
    expect(iso(days, '2026-03-29')).toEqual(['2026-03-29T07:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-29T09:00:00.000Z']);
    expect(iso(days, '2026-03-30')).toEqual(['2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-03-30T09:00:00.000Z']);
  });

  it('25 October 2026 (fall back): 09:00–12:00 is 08:00–11:00 UTC on the Sunday and Monday, 07:00–10:00 UTC the day before', () => {
    const days = computeSlots(input({ from: '2026-10-23', now: new Date('2026-10-01T00:00:00Z') }));
    expect(iso(days, '2026-10-24')).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-24T08:00:00.000Z', '2026-10-24T09:00:00.000Z']);
    expect(iso(days, '2026-10-25')).toEqual(['2026-10-25T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-25T10:00:00.000Z']);
    expect(iso(days, '2026-10-26')).toEqual(['2026-10-26T08:00:00.000Z', '2026-10-26T09:00:00.000Z', '2026-10-26T10:00:00.000Z']);
  });

  it('a 01:00–04:00 window on the spring change day has two real hours: no slot in the missing hour, none twice', () => {
    const days = computeSlots(input({ type: { ...type, durationMinutes: 30, slotStepMinutes: 30 }, counsellors: [counsellor('c1', '01:00', '04:00')] }));
    const starts = iso(days, '2026-03-29');
    expect(starts).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z']);
    expect(starts.map((s) => berlinWall(new Date(s)).time)).toEqual(['01:00', '01:30', '03:00', '03:30']);
  });

  it('a 01:00–04:00 window on the autumn change day has four real hours: 02:00–03:00 offered once in summer time and once in winter time', () => {
    const days = computeSlots(input({ from: '2026-10-25', days: 1, now: new Date('2026-10-01T00:00:00Z'), type: { ...type, durationMinutes: 30, slotStepMinutes: 30 }, counsellors: [counsellor('c1', '01:00', '04:00')] }));
    const starts = iso(days, '2026-10-25');
    expect(starts).toHaveLength(8);
    expect(new Set(starts).size).toBe(8);
    expect(starts[0]).toBe('2026-10-24T23:00:00.000Z');
    expect(starts[7]).toBe('2026-10-25T02:30:00.000Z');
    expect(starts.map((s) => berlinWall(new Date(s)).time)).toEqual(['01:00', '01:30', '02:00', '02:30', '02:00', '02:30', '03:00', '03:30']);
  });

  it('wall-clock conversion: the spring gap moves forward, the autumn overlap takes the earlier instant', () => {
    expect(new Date(berlinInstant('2026-03-29', '02:30')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(berlinInstant('2026-10-25', '02:30')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(berlinInstant('2026-10-25', '03:00')).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });
});

describe('slots: rules', () => {
  it('a booking (with buffers) removes the overlapping starts; a second counsellor keeps them', () => {
    const busy = [{ resourceId: 'c1', from: new Date('2026-03-30T07:45:00Z'), to: new Date('2026-03-30T08:15:00Z') }];
    expect(iso(computeSlots(input({ busy })), '2026-03-30')).toEqual(['2026-03-30T09:00:00.000Z']);
    expect(iso(computeSlots(input({ busy, counsellors: [counsellor('c1', '09:00', '12:00'), counsellor('c2', '09:00', '12:00')] })), '2026-03-30')).toHaveLength(3);
  });

  it('holidays, office exceptions, closures, notice and horizon', () => {
    // Good Friday 2026-04-03 and Easter Monday 2026-04-06 are Saxon holidays.
    const days = computeSlots(input({ from: '2026-04-02', days: 5 }));
    expect(iso(days, '2026-04-03')).toEqual([]);
    expect(iso(days, '2026-04-06')).toEqual([]);
    expect(iso(days, '2026-04-02')).toHaveLength(3);
    expect(iso(computeSlots(input({ hours: { hours: allWeek('00:00', '23:59'), exceptions: [{ date: '2026-03-30', closed: true }] } })), '2026-03-30')).toEqual([]);
    expect(iso(computeSlots(input({ closures: [{ startsOn: '2026-03-30', endsOn: '2026-03-31' }] })), '2026-03-31')).toEqual([]);
    const notice = computeSlots(input({ now: new Date('2026-03-30T06:30:00Z'), type: { ...type, minNoticeMinutes: 60 } }));
    expect(iso(notice, '2026-03-30')).toEqual(['2026-03-30T08:00:00.000Z', '2026-03-30T09:00:00.000Z']);
    const horizon = computeSlots(input({ now: new Date('2026-03-27T06:00:00Z'), type: { ...type, horizonDays: 2 } }));
    expect(iso(horizon, '2026-03-29')).toHaveLength(3);
    expect(iso(horizon, '2026-03-30')).toEqual([]);
  });

  it('walk-in hours are not bookable; the web quota closes a day for the web only', () => {
    const hours = { hours: [...allWeek('09:00', '10:00'), ...[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '10:00', closes: '12:00', kind: 'walk_in' as const }))], exceptions: [] };
    expect(iso(computeSlots(input({ hours })), '2026-03-30')).toEqual(['2026-03-30T07:00:00.000Z']);
    const quota = input({ type: { ...type, webPerDay: 2 }, webBooked: new Map([['2026-03-30', 2]]) });
    expect(iso(computeSlots(quota), '2026-03-30')).toEqual([]);
    expect(iso(computeSlots({ ...quota, channel: 'staff' }), '2026-03-30')).toHaveLength(3);
  });

  it('language: a counsellor who speaks it, else German counsellor plus a free interpreter', () => {
    const de = counsellor('c1', '09:00', '12:00', ['de']);
    const ar = counsellor('c2', '09:00', '10:00', ['de', 'ar']);
    const interp = counsellor('i1', '10:00', '11:00', ['ar', 'fa']);
    const days = computeSlots(input({ counsellors: [de, ar], interpreters: [interp], language: 'ar' }));
    expect(iso(days, '2026-03-30')).toEqual(['2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z']);
    expect(iso(computeSlots(input({ counsellors: [de], interpreters: [interp], language: 'uk' })), '2026-03-30')).toEqual([]);
    const opts = assignmentsAt({ ...input({ counsellors: [de, ar], interpreters: [interp], language: 'ar' }) }, new Date('2026-03-30T07:00:00Z'), '2026-03-30');
    expect(opts).toEqual([{ counsellorId: 'c2', interpreterId: null }]);
    expect(assignmentsAt(input({ counsellors: [de], interpreters: [interp], language: 'fa' }), new Date('2026-03-30T08:00:00Z'), '2026-03-30')).toEqual([{ counsellorId: 'c1', interpreterId: 'i1' }]);
    expect(assignmentsAt(input(), new Date('2026-03-30T07:30:00Z'), '2026-03-30')).toEqual([]);
  });
});

describe('slots: properties', () => {
  const time = fc.integer({ min: 0, max: 47 }).map((h) => `${String(Math.floor(h / 2)).padStart(2, '0')}:${h % 2 ? '30' : '00'}`);
  const win = fc.tuple(fc.integer({ min: 1, max: 7 }), time, time).filter(([, a, b]) => a < b).map(([weekday, starts, ends]) => ({ weekday, starts, ends }));
  const arb = fc.record({
    fromOffset: fc.integer({ min: 0, max: 400 }),
    windows: fc.array(fc.array(win, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    opens: time,
    closes: time,
    duration: fc.constantFrom(15, 30, 45, 60, 90),
    step: fc.constantFrom(15, 30, 60),
    before: fc.constantFrom(0, 10, 15),
    after: fc.constantFrom(0, 10, 15),
    bookings: fc.array(fc.record({ c: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 0, max: 6 }), minute: fc.integer({ min: 0, max: 1439 }), len: fc.integer({ min: 10, max: 180 }) }), { maxLength: 12 }),
  });

  it('no slot overlaps a booking of every counsellor (buffers included); every slot lies in a window and in opening hours', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const from = addDays('2026-01-01', a.fromOffset);
        const counsellors = a.windows.map((w, i) => ({ id: `c${i}`, languages: ['de'], availability: w, absences: [] }));
        const busy = a.bookings
          .filter((b) => b.c < counsellors.length)
          .map((b) => {
            const start = berlinInstant(addDays(from, b.day), '00:00') + b.minute * 60_000;
            return { resourceId: `c${b.c}`, from: new Date(start), to: new Date(start + b.len * 60_000) };
          });
        const t = { ...type, durationMinutes: a.duration, slotStepMinutes: a.step, bufferBeforeMinutes: a.before, bufferAfterMinutes: a.after };
        const hours = { hours: a.opens < a.closes ? allWeek(a.opens, a.closes) : [], exceptions: [] };
        const days = computeSlots({ ...input({ from, days: 7, now: new Date('2025-12-01T00:00:00Z'), hours, counsellors, busy, type: t }) });
        for (const d of days) {
          const open = openingAt(hours, d.date).intervals.map((i) => ({ from: berlinInstant(d.date, i.opens), to: berlinInstant(d.date, i.closes) }));
          const starts = d.slots.map((s) => s.start.getTime());
          if (new Set(starts).size !== starts.length) return false;
          for (const s of d.slots) {
            const st = s.start.getTime();
            const en = s.end.getTime();
            if (en - st !== a.duration * 60_000) return false;
            if (berlinWall(s.start).date !== d.date) return false;
            if (!open.some((o) => o.from <= st && en <= o.to)) return false;
            const fits = counsellors.some((c) => {
              const inWindow = c.availability.some((w) => w.weekday === openingAt(hours, d.date).weekday && berlinInstant(d.date, w.starts) <= st && en <= berlinInstant(d.date, w.ends));
              const clash = busy.some((b) => b.resourceId === c.id && b.from.getTime() < en + a.after * 60_000 && st - a.before * 60_000 < b.to.getTime());
              return inWindow && !clash;
            });
            if (!fits) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
