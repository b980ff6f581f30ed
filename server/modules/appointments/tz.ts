import { berlinFields, berlinWall } from '#server/time.ts';

/**
 * A small Europe/Berlin helper on top of Intl: wall-clock date and time ↔ instant, correct across
 * the daylight-saving changes. A wall time that does not exist (02:30 on the spring change day)
 * moves forward by the gap (03:30 CEST); a wall time that exists twice (02:30 on the autumn change
 * day) means the earlier instant (CEST) — the "compatible" rule of Temporal.
 */

export { berlinWall, type WallClock } from '#server/time.ts';

const MINUTE = 60_000;

/** Offset of Berlin from UTC at an instant, in minutes (60 or 120). */
export function berlinOffsetMinutes(at: number): number {
  const p = berlinFields(at);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / MINUTE);
}

const memo = new Map<string, number>();

/** The instant (ms since epoch) of a Berlin wall-clock date and time "HH:MM" (or "24:00"); memoised. */
export function berlinInstant(date: string, time: string): number {
  const key = `${date}T${time}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size > 100_000) memo.clear();
  const value = computeInstant(date, time);
  memo.set(key, value);
  return value;
}

function computeInstant(date: string, time: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const naive = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  const before = berlinOffsetMinutes(naive - 6 * 60 * MINUTE);
  const after = berlinOffsetMinutes(naive + 6 * 60 * MINUTE);
  const candidates = [...new Set([before, after])]
    .map((o) => naive - o * MINUTE)
    .filter((t) => berlinOffsetMinutes(t) * MINUTE === naive - t)
    .sort((a, b) => a - b);
  // Existing wall time: the earlier of its instants. In the spring gap: shifted forward by the gap.
  return candidates[0] ?? naive - before * MINUTE;
}

/** Today's date in Berlin. */
export const berlinToday = (now: Date): string => berlinWall(now).date;
