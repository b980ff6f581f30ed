import { addDays, isoWeekday, openingAt, type OfficeHours } from '#server/modules/offices/offices.public.ts';
import { berlinInstant, berlinToday } from './tz.ts';

/**
 * Free start times: a pure function over plain data. Wall-clock rules (availability windows,
 * opening hours) are turned into instants per calendar date in Europe/Berlin and slots are stepped
 * in real time from each window's start, so a daylight-saving change neither duplicates nor drops
 * a start. A start is free when some counsellor (a) has an availability window and the office an
 * opening interval holding the whole talk, (b) is not absent and not booked (buffers included) and
 * (c) speaks the language — or a free, available interpreter does.
 */

const MIN = 60_000;

export interface WindowRule {
  weekday: number;
  starts: string;
  ends: string;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface SlotResource {
  id: string;
  languages: string[];
  availability: WindowRule[];
  absences: { startsAt: Date; endsAt: Date }[];
}

export interface SlotType {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  slotStepMinutes: number;
  webPerDay: number | null;
  languages: string[];
}

export interface Busy {
  resourceId: string;
  from: Date;
  to: Date;
}

export interface SlotInput {
  from: string;
  days: number;
  now: Date;
  type: SlotType;
  hours: OfficeHours;
  closures: { startsOn: string; endsOn: string }[];
  counsellors: SlotResource[];
  interpreters: SlotResource[];
  /** Blocked ranges (buffers included) of bookings and unexpired holds, per resource. */
  busy: Busy[];
  /** Language of the talk; undefined = any language the office can serve (German). */
  language?: string | undefined;
  /** `web`: the per-day web quota and notice apply; `staff`: only notice of 0 and no quota. */
  channel: 'web' | 'staff';
  /** Web bookings of this type per Berlin date (for the quota). */
  webBooked?: Map<string, number>;
}

export interface Assignment {
  counsellorId: string;
  interpreterId: string | null;
}

export interface Slot {
  start: Date;
  end: Date;
}

/** A resource speaks a language; German is assumed where no languages are listed. */
export const speaks = (r: { languages: string[] }, language: string): boolean => r.languages.includes(language) || (language === 'de' && r.languages.length === 0);

const validOn = (w: WindowRule, date: string): boolean => (!w.validFrom || w.validFrom <= date) && (!w.validTo || w.validTo > date);

interface Span {
  from: number;
  to: number;
}

const inside = (s: number, e: number, spans: Span[]): boolean => spans.some((w) => w.from <= s && e <= w.to);

/** Sorted, merged (disjoint) spans: overlap tests by binary search. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.from <= last.to) last.to = Math.max(last.to, x.to);
    else out.push({ from: x.from, to: x.to });
  }
  return out;
}

/** Whether [s, e) overlaps one of the disjoint sorted spans. */
function overlaps(s: number, e: number, spans: Span[]): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.from ?? 0) < e) lo = mid + 1;
    else hi = mid;
  }
  const last = spans[lo - 1];
  return last !== undefined && last.to > s;
}

interface Prepared {
  input: SlotInput;
  busyBy: Map<string, Span[]>;
  earliest: number;
  lastDate: string;
  windows: Map<string, Span[]>;
}

/** Availability windows of a resource on a date, as instants (cached per computation). */
function windowsOn(p: Prepared, r: SlotResource, date: string): Span[] {
  const key = `${r.id}|${date}`;
  const known = p.windows.get(key);
  if (known) return known;
  const weekday = isoWeekday(date);
  const spans = r.availability.filter((w) => w.weekday === weekday && validOn(w, date)).map((w) => ({ from: berlinInstant(date, w.starts.slice(0, 5)), to: berlinInstant(date, w.ends.slice(0, 5)) }));
  p.windows.set(key, spans);
  return spans;
}

function prepare(input: SlotInput): Prepared {
  const busyBy = new Map<string, Span[]>();
  for (const b of input.busy) {
    const list = busyBy.get(b.resourceId) ?? [];
    list.push({ from: b.from.getTime(), to: b.to.getTime() });
    busyBy.set(b.resourceId, list);
  }
  for (const r of [...input.counsellors, ...input.interpreters]) {
    const list = busyBy.get(r.id) ?? [];
    for (const a of r.absences) list.push({ from: a.startsAt.getTime(), to: a.endsAt.getTime() });
    busyBy.set(r.id, list);
  }
  for (const [id, spans] of busyBy) busyBy.set(id, merge(spans));
  const notice = input.channel === 'web' ? input.type.minNoticeMinutes : 0;
  return { input, busyBy, earliest: input.now.getTime() + notice * MIN, lastDate: addDays(berlinToday(input.now), input.type.horizonDays), windows: new Map() };
}

/** Whether the language can be offered at all for the type (type list, German always). */
export function languageOffered(type: SlotType, language: string): boolean {
  return language === 'de' || type.languages.length === 0 || type.languages.includes(language);
}

function dayOpen(p: Prepared, date: string): Span[] | null {
  const { input } = p;
  if (date > p.lastDate) return null;
  if (input.closures.some((c) => c.startsOn <= date && date <= c.endsOn)) return null;
  if (input.channel === 'web' && input.type.webPerDay !== null && (input.webBooked?.get(date) ?? 0) >= input.type.webPerDay) return null;
  const open = openingAt(input.hours, date).intervals.filter((i) => i.kind === 'open');
  if (open.length === 0) return null;
  return open.map((i) => ({ from: berlinInstant(date, i.opens), to: berlinInstant(date, i.closes) }));
}

function resourceFree(p: Prepared, r: SlotResource, date: string, s: number, e: number, bs: number, be: number): boolean {
  return inside(s, e, windowsOn(p, r, date)) && !overlaps(bs, be, p.busyBy.get(r.id) ?? []);
}

/** Who could take a talk starting at `start` on `date` (all options, counsellors speaking the language first). */
function optionsAt(p: Prepared, date: string, open: Span[], start: number, language: string | undefined, first: boolean): Assignment[] {
  const t = p.input.type;
  const s = start;
  const e = s + t.durationMinutes * MIN;
  if (s < p.earliest || !inside(s, e, open)) return [];
  const bs = s - t.bufferBeforeMinutes * MIN;
  const be = e + t.bufferAfterMinutes * MIN;
  const lang = language ?? 'de';
  if (!languageOffered(t, lang)) return [];
  const free = p.input.counsellors.filter((c) => resourceFree(p, c, date, s, e, bs, be));
  const direct = free.filter((c) => speaks(c, lang)).map((c) => ({ counsellorId: c.id, interpreterId: null }));
  if (first && direct.length > 0) return direct.slice(0, 1);
  const out: Assignment[] = [...direct];
  if (lang !== 'de') {
    const interpreters = p.input.interpreters.filter((i) => speaks(i, lang) && resourceFree(p, i, date, s, e, bs, be));
    for (const c of free.filter((c) => !speaks(c, lang) && speaks(c, 'de'))) {
      for (const i of interpreters) {
        out.push({ counsellorId: c.id, interpreterId: i.id });
        if (first) return out;
      }
    }
  }
  return out;
}

/** Candidate starts on a date: each counsellor window stepped in real time from its start. */
function candidates(p: Prepared, date: string): number[] {
  const t = p.input.type;
  const set = new Set<number>();
  for (const c of p.input.counsellors) {
    for (const w of windowsOn(p, c, date)) {
      for (let s = w.from; s + t.durationMinutes * MIN <= w.to; s += t.slotStepMinutes * MIN) set.add(s);
    }
  }
  return [...set].sort((a, b) => a - b);
}

/** Free start times per Berlin date over [from, from + days). */
export function computeSlots(input: SlotInput): { date: string; slots: Slot[] }[] {
  const p = prepare(input);
  const out: { date: string; slots: Slot[] }[] = [];
  for (let i = 0; i < input.days; i++) {
    const date = addDays(input.from, i);
    const open = dayOpen(p, date);
    const slots: Slot[] = [];
    if (open) {
      for (const s of candidates(p, date)) {
        if (optionsAt(p, date, open, s, input.language, true).length > 0) slots.push({ start: new Date(s), end: new Date(s + input.type.durationMinutes * MIN) });
      }
    }
    out.push({ date, slots });
  }
  return out;
}

/**
 * Who may take a talk at `start` (a start the slots would offer): every counsellor/interpreter
 * combination, counsellors speaking the language first. Empty when the start is not bookable.
 */
export function assignmentsAt(input: Omit<SlotInput, 'from' | 'days'>, start: Date, date: string): Assignment[] {
  const p = prepare({ ...input, from: date, days: 1 });
  const open = dayOpen(p, date);
  if (!open) return [];
  if (!candidates(p, date).includes(start.getTime())) return [];
  return optionsAt(p, date, open, start.getTime(), input.language, false);
}

/** The first free start from `input.from` on (up to `input.days` days), or null. */
export function nextFreeSlot(input: SlotInput): Date | null {
  const p = prepare(input);
  for (let i = 0; i < input.days; i++) {
    const date = addDays(input.from, i);
    if (date > p.lastDate) return null;
    const open = dayOpen(p, date);
    if (!open) continue;
    for (const s of candidates(p, date)) if (optionsAt(p, date, open, s, input.language, true).length > 0) return new Date(s);
  }
  return null;
}
