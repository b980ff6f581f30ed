import type { z } from 'zod';
import type { Calendar, calendarQuery, LeadTimes, SlotsResponse, slotsQuery } from '#contracts/appointments.ts';
import type { DbScope, Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { notFound, Problem } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { addDays, openingAt } from '#server/modules/offices/offices.public.ts';
import type { LeadTimeSource } from '#server/modules/offices/offices.public.ts';
import * as q from './appointments.queries.ts';
import { officeAndType, providerScopeOf } from './booking.service.ts';
import { loadOfficeContext, slotInput } from './office-context.ts';
import { officeFor, staffScope } from './setup.service.ts';
import { computeSlots } from './slots.ts';
import { berlinInstant, berlinToday } from './tz.ts';

/** GET /api/offices/:id/appointment-types (public): bookable types, their languages, walk-in hours. */
export async function publicTypes(deps: Deps, _actor: Actor, officeId: string) {
  const today = berlinToday(deps.now());
  return deps.db.transaction({ kind: 'public' }, async (tx) => {
    const ctx = await loadOfficeContext(tx, officeId);
    if (!ctx) throw notFound();
    const spoken = new Set(['de', ...ctx.counsellors.flatMap((c) => c.languages), ...ctx.interpreters.flatMap((i) => i.languages)]);
    const walkIn = Array.from({ length: 14 }, (_, i) => addDays(today, i)).flatMap((date) => openingAt(ctx.hours, date).intervals.filter((iv) => iv.kind === 'walk_in').map((iv) => ({ date, opens: iv.opens, closes: iv.closes })));
    return {
      officeId,
      types: ctx.types
        .filter((t) => t.active)
        .map((t) => ({
          id: t.id,
          kind: t.kind,
          name: t.name,
          durationMinutes: t.durationMinutes,
          languages: [...spoken].filter((l) => l === 'de' || t.languages.length === 0 || t.languages.includes(l)).sort(),
          walkIn: t.walkIn,
          minNoticeMinutes: t.minNoticeMinutes,
          horizonDays: t.horizonDays,
          cancelNoticeMinutes: t.cancelNoticeMinutes,
        })),
      walkIn,
    };
  });
}

/** GET /api/offices/:id/slots (public): free start times, no counsellor named. */
export async function listSlots(deps: Deps, _actor: Actor, officeId: string, query: z.infer<typeof slotsQuery>): Promise<SlotsResponse> {
  const now = deps.now();
  const from = query.from ?? berlinToday(now);
  // Free times come from the provider's bookings: read in the provider's tenant scope, answered without them.
  return deps.db.transaction(await providerScopeOf(deps, officeId), async (tx) => {
    const { ctx, type } = await officeAndType(tx, officeId, query.type);
    const days = type.walkIn ? Array.from({ length: query.days }, (_, i) => ({ date: addDays(from, i), slots: [] })) : computeSlots(await slotInput(tx, ctx, type, { from, days: query.days, now, language: query.language, channel: 'web' }));
    const out = days.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) }));
    const next = out.flatMap((d) => d.slots)[0]?.start ?? null;
    return { officeId, typeId: type.id, timeZone: 'Europe/Berlin', from, days: out, next };
  });
}

const emptyCounts = () => ({ held: 0, booked: 0, cancelled: 0, done: 0, no_show: 0 });

/**
 * The scope of an office's bookings for staff: the office's provider reads in its own tenant; the
 * city reads on behalf of the office's provider (one provider's rows, never RLS off) and the use
 * case answers aggregates only. Chosen before the transaction opens, never switched inside it.
 */
async function bookingsScope(deps: Deps, actor: StaffActor, officeId: string): Promise<DbScope> {
  return actor.organisationKind === 'provider' ? staffScope(actor) : providerScopeOf(deps, officeId);
}

/** Day/week calendar of an office (optionally one counsellor): the provider's staff see entries, the city counts only. */
export async function officeCalendar(deps: Deps, actor: Actor, officeId: string, query: z.infer<typeof calendarQuery>): Promise<Calendar> {
  const staff = authorizeStaff(actor, 'appointment.read-calendar');
  const from = query.from ?? berlinToday(deps.now());
  // The office's provider sees the entries; the city (coordination, administration) counts only.
  const personal = staff.organisationKind === 'provider';
  return deps.db.transaction(await bookingsScope(deps, staff, officeId), async (tx) => {
    const ctx = await loadOfficeContext(tx, officeId);
    if (!ctx) throw notFound();
    await officeFor(tx, staff, officeId, 'appointment.read-calendar');
    const start = new Date(berlinInstant(from, '00:00'));
    const end = new Date(berlinInstant(addDays(from, query.days), '00:00'));
    const rows = (await q.appointmentsBetween(tx, officeId, start, end)).filter((r) => !query.counsellor || r.counsellorId === query.counsellor || r.interpreterId === query.counsellor);
    const kinds = new Map(ctx.types.map((t) => [t.id, t.kind]));
    const open = (v: string | null, id: string, f: string) => (v && personal ? deps.keys.open(v, `appointment:${id}:${f}`) : null);
    const days = Array.from({ length: query.days }, (_, i) => {
      const date = addDays(from, i);
      const dayStart = berlinInstant(date, '00:00');
      const dayEnd = berlinInstant(addDays(date, 1), '00:00');
      const mine = rows.filter((r) => r.startsAt.getTime() >= dayStart && r.startsAt.getTime() < dayEnd && !(r.status === 'held' && r.holdExpiresAt && r.holdExpiresAt < deps.now()));
      const counts = emptyCounts();
      for (const r of mine) counts[r.status]++;
      return {
        date,
        walkIn: openingAt(ctx.hours, date).intervals.filter((iv) => iv.kind === 'walk_in').map((iv) => ({ opens: iv.opens, closes: iv.closes })),
        counts,
        entries: personal
          ? mine.map((r) => ({
              id: r.id,
              code: r.code,
              start: r.startsAt.toISOString(),
              end: r.endsAt.toISOString(),
              status: r.status,
              channel: r.channel,
              typeId: r.typeId,
              typeKind: kinds.get(r.typeId) ?? 'first_consultation',
              counsellorId: r.counsellorId,
              interpreterId: r.interpreterId,
              language: r.language,
              name: open(r.nameSealed, r.id, 'name'),
              phone: open(r.phoneSealed, r.id, 'phone'),
              email: open(r.emailSealed, r.id, 'email'),
              note: open(r.noteSealed, r.id, 'note'),
            }))
          : [],
      };
    });
    if (personal) await recordAudit(tx, staff, { action: 'appointment.list', recordType: 'office', recordIds: [officeId] }, deps.now());
    return {
      officeId,
      from,
      personalData: personal,
      resources: personal ? ctx.resources.map((r) => ({ id: r.id, kind: r.kind, displayName: r.displayName })) : [],
      days,
    };
  });
}

/** Marks an appointment done or no-show (or back to booked): provider staff of the office. */
export async function markAppointment(deps: Deps, actor: Actor, officeId: string, id: string, status: 'done' | 'no_show' | 'booked') {
  const staff = authorizeStaff(actor, 'appointment.mark');
  return deps.db.transaction(staffScope(staff), async (tx) => {
    await officeFor(tx, staff, officeId, 'appointment.mark');
    const row = await q.findAppointment(tx, id);
    if (!row || row.officeId !== officeId || row.status === 'held') throw notFound();
    if (row.status === 'cancelled') throw new Problem(409, 'conflict');
    await q.updateAppointment(tx, id, { status, markedAt: deps.now() });
    await recordAudit(tx, staff, { action: `appointment.mark.${status}`, recordType: 'appointment', recordIds: [id] }, deps.now());
    return { id, status };
  });
}

/** Median and 90th percentile (nearest rank), rounded to a tenth of a day. */
export function quantiles(values: number[]): { median: number | null; p90: number | null } {
  if (values.length === 0) return { median: null, p90: null };
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  const r = (v: number) => Math.round(v * 10) / 10;
  return { median: r(at(0.5)), p90: r(at(0.9)) };
}

async function leadTimesIn(tx: Tx, officeId: string, since: Date): Promise<LeadTimes['weeks']> {
  const rows = await q.leadTimeRows(tx, officeId, since);
  const byWeek = new Map<string, { lead: number[]; next: number[] }>();
  for (const r of rows) {
    const w = byWeek.get(r.week) ?? { lead: [], next: [] };
    w.lead.push(Number(r.lead));
    if (r.next_free !== null) w.next.push(Math.max(0, Number(r.next_free)));
    byWeek.set(r.week, w);
  }
  return [...byWeek].map(([week, w]) => ({ week, bookings: w.lead.length, leadDays: quantiles(w.lead), nextFreeDays: quantiles(w.next) }));
}

/** GET /api/offices/:id/lead-times: the office's provider and the city (aggregates only). */
export async function leadTimes(deps: Deps, actor: Actor, officeId: string, weeks: number): Promise<LeadTimes> {
  const staff = authorizeStaff(actor, 'office.read-lead-times');
  const since = new Date(deps.now().getTime() - weeks * 7 * 86_400_000);
  return deps.db.transaction(await bookingsScope(deps, staff, officeId), async (tx) => {
    await officeFor(tx, staff, officeId, 'office.read-lead-times');
    return { officeId, weeks: await leadTimesIn(tx, officeId, since) };
  });
}

/**
 * The offices scorecard's "appointment lead time" (passed to the offices module as `deps.leadTimes`,
 * composed in server/app.ts): the last 8 weeks' web bookings and the next free first consultation.
 * Its own transaction, on behalf of the office's provider; it answers aggregates only.
 */
export function leadTimeSource(deps: Pick<Deps, 'db' | 'now'>): LeadTimeSource {
  return async (officeId) => {
    const scope = await providerScopeOf(deps, officeId).catch((error: unknown) => {
      if (error instanceof Problem && error.status === 404) return null;
      throw error;
    });
    if (!scope) return null;
    const since = new Date(deps.now().getTime() - 56 * 86_400_000);
    const rows = await deps.db.transaction(scope, (tx) => q.leadTimeRows(tx, officeId, since));
    if (rows.length === 0) return null;
    const all = quantiles(rows.map((r) => Number(r.lead)));
    const next = quantiles(rows.flatMap((r) => (r.next_free === null ? [] : [Math.max(0, Number(r.next_free))])));
    return { medianDays: all.median ?? 0, p90Days: all.p90 ?? 0, nextFreeSlotDays: next.median, bookings: rows.length };
  };
}
