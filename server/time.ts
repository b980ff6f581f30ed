/** Time is Europe/Berlin. */
export const TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Berlin at an instant. */
export function berlinDate(at: Date): string {
  return dateFormat.format(at);
}

const wallFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Berlin wall-clock fields at an instant, each zero-padded (hour 00–23). */
export interface WallFields {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/** The Berlin wall-clock fields at an instant, correct across the daylight-saving changes. */
export function berlinFields(at: Date | number): WallFields {
  const p: Record<string, string> = {};
  for (const x of wallFormat.formatToParts(typeof at === 'number' ? new Date(at) : at)) p[x.type] = x.value;
  return { year: p['year'] ?? '', month: p['month'] ?? '', day: p['day'] ?? '', hour: p['hour'] ?? '', minute: p['minute'] ?? '', second: p['second'] ?? '' };
}

export interface WallClock {
  date: string;
  time: string;
}

/** Berlin wall clock at an instant: date YYYY-MM-DD, time HH:MM. */
export function berlinWall(at: Date | number): WallClock {
  const p = berlinFields(at);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
