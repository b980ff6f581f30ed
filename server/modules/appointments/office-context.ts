import type { Tx } from '#server/db.ts';
import { addDays, hhmm } from '#server/modules/offices/offices.public.ts';
import * as oq from '#server/modules/offices/offices.public.ts';
import * as q from './appointments.queries.ts';
import type { SlotInput, SlotResource } from './slots.ts';
import { berlinInstant } from './tz.ts';

/** An office with everything the slot computation needs, loaded in one transaction. */
export interface OfficeContext {
  office: NonNullable<Awaited<ReturnType<typeof oq.findOffice>>>;
  types: q.TypeRow[];
  resources: q.ResourceRow[];
  counsellors: SlotResource[];
  interpreters: SlotResource[];
  hours: SlotInput['hours'];
  closures: { startsOn: string; endsOn: string; note: string }[];
}

export async function loadOfficeContext(tx: Tx, officeId: string): Promise<OfficeContext | null> {
  const office = await oq.findOffice(tx, officeId);
  if (!office) return null;
  const [types, res, hours, exceptions, closures] = [await q.typesOf(tx, officeId), await q.resourcesOf(tx, officeId), await oq.hoursOf(tx, [officeId]), await oq.exceptionsOf(tx, [officeId]), await q.closuresOf(tx, officeId)];
  return buildOfficeContext(office, types, res, hours, exceptions, closures);
}

type HourRow = { weekday: number; opens: string; closes: string; kind: 'open' | 'walk_in'; validFrom: string | null; validTo: string | null };
type ExceptionRow = { date: string; closed: boolean; opens: string | null; closes: string | null; note: string };

/** The context from rows already read (by `loadOfficeContext` or the booking's single read). */
export function buildOfficeContext(
  office: OfficeContext['office'],
  types: q.TypeRow[],
  res: { resources: q.ResourceRow[]; availability: { resourceId: string; weekday: number; starts: string; ends: string; validFrom: string | null; validTo: string | null }[]; absences: { resourceId: string; startsAt: Date; endsAt: Date }[] },
  hours: HourRow[],
  exceptions: ExceptionRow[],
  closures: { startsOn: string; endsOn: string; note: string }[],
): OfficeContext {
  const toSlotResource = (r: q.ResourceRow): SlotResource => ({
    id: r.id,
    languages: r.languages,
    availability: res.availability.filter((a) => a.resourceId === r.id).map((a) => ({ weekday: a.weekday, starts: hhmm(a.starts), ends: hhmm(a.ends), validFrom: a.validFrom, validTo: a.validTo })),
    absences: res.absences.filter((a) => a.resourceId === r.id).map((a) => ({ startsAt: a.startsAt, endsAt: a.endsAt })),
  });
  const active = res.resources.filter((r) => r.active);
  return {
    office,
    types,
    resources: res.resources,
    counsellors: active.filter((r) => r.kind === 'counsellor').map(toSlotResource),
    interpreters: active.filter((r) => r.kind === 'interpreter').map(toSlotResource),
    hours: {
      hours: hours.map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes), kind: h.kind, validFrom: h.validFrom, validTo: h.validTo })),
      exceptions: exceptions.map((e) => ({ date: e.date, closed: e.closed, opens: e.opens, closes: e.closes, note: e.note })),
    },
    closures: closures.map((c) => ({ startsOn: c.startsOn, endsOn: c.endsOn, note: c.note })),
  };
}

export const slotType = (t: q.TypeRow): SlotInput['type'] => ({
  durationMinutes: t.durationMinutes,
  bufferBeforeMinutes: t.bufferBeforeMinutes,
  bufferAfterMinutes: t.bufferAfterMinutes,
  minNoticeMinutes: t.minNoticeMinutes,
  horizonDays: t.horizonDays,
  slotStepMinutes: t.slotStepMinutes,
  webPerDay: t.webPerDay,
  languages: t.languages,
});

/** The slot input for a type over Berlin dates [from, from + days), with the bookings of that range. */
export async function slotInput(
  tx: Tx,
  ctx: OfficeContext,
  type: q.TypeRow,
  opts: { from: string; days: number; now: Date; language?: string | undefined; channel: 'web' | 'staff'; excludeAppointmentId?: string },
): Promise<SlotInput> {
  const start = new Date(berlinInstant(opts.from, '00:00') - 24 * 3_600_000);
  const end = new Date(berlinInstant(addDays(opts.from, opts.days), '00:00') + 24 * 3_600_000);
  const busyRows = (await q.busyOf(tx, ctx.office.id, start, end, opts.now)).filter((b) => !opts.excludeAppointmentId || b.id !== opts.excludeAppointmentId);
  const busy = busyRows.flatMap((b) => [
    { resourceId: b.counsellorId, from: b.blockedFrom, to: b.blockedTo },
    ...(b.interpreterId ? [{ resourceId: b.interpreterId, from: b.blockedFrom, to: b.blockedTo }] : []),
  ]);
  return {
    from: opts.from,
    days: opts.days,
    now: opts.now,
    type: slotType(type),
    hours: ctx.hours,
    closures: ctx.closures,
    counsellors: ctx.counsellors,
    interpreters: ctx.interpreters,
    busy,
    language: opts.language,
    channel: opts.channel,
    webBooked: opts.channel === 'web' ? await q.webBookedPerDay(tx, ctx.office.id, type.id, start, end) : new Map(),
  };
}
