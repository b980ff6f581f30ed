import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { bookingBody, BookingResponse, holdBody, staffBookingBody } from '#contracts/appointments.ts';
import type { DbScope, Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { notFound, Problem } from '#server/platform/problem.ts';
import { isPublicLocale } from '#server/i18n.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { hitRateLimit } from '#server/modules/identity/identity.public.ts';
import * as q from './appointments.queries.ts';
import type { appointment } from './appointments.schema.ts';
import { sendConfirmation } from './appointments.mail.ts';
import { contactKey, limitsOf, newCode, newToken, tokenHash } from './limits.ts';
import { bookingPreflight, bookingSnapshot, lockIdempotencyKey, saveIdempotencyRecord } from './booking.queries.ts';
import { loadOfficeContext, slotInput, slotType, type OfficeContext } from './office-context.ts';
import { officeProviderId, officeRecord, addDays } from '#server/modules/offices/offices.public.ts';
import { caseLinkForAppointment } from '#server/modules/cases/cases.public.ts';
import { authorizeRecord, authorizeStaff } from '#server/platform/authorize.ts';
import { assignmentsAt, nextFreeSlot, type Assignment, type SlotInput } from './slots.ts';
import { berlinInstant, berlinToday, berlinWall } from './tz.ts';

const MIN = 60_000;
export const slotTaken = (): Problem => new Problem(409, 'slot-taken', { errors: [{ field: 'start', key: 'field.slotTaken' }] });
export const slotUnavailable = (): Problem => new Problem(422, 'slot-unavailable', { errors: [{ field: 'start', key: 'field.slotUnavailable' }] });

/** Loads the office and a bookable type, or 404. */
export async function officeAndType(tx: Tx, officeId: string, typeId: string): Promise<{ ctx: OfficeContext; type: q.TypeRow }> {
  const ctx = await loadOfficeContext(tx, officeId);
  const type = ctx?.types.find((t) => t.id === typeId && t.active);
  if (!ctx || !type) throw notFound();
  return { ctx, type };
}

async function providerOf(deps: Pick<Deps, 'db'>, officeId: string): Promise<string> {
  const providerId = await deps.db.transaction({ kind: 'public' }, (tx) => officeProviderId(tx, officeId));
  if (!providerId) throw notFound();
  return providerId;
}

/** The tenant scope of the office's provider (offices are public, bookings are the provider's); 404 for an unknown office. */
export async function providerScopeOf(deps: Pick<Deps, 'db'>, officeId: string): Promise<DbScope> {
  return { kind: 'tenant', organisationId: await providerOf(deps, officeId) };
}

/** Who can take the talk: 422 when the start is no slot of this type at all, 409 when it is taken. */
async function assignments(tx: Tx, ctx: OfficeContext, type: q.TypeRow, start: Date, language: string, channel: 'web' | 'staff', now: Date, exclude?: string): Promise<Assignment[]> {
  const date = berlinWall(start).date;
  const input = await slotInput(tx, ctx, type, { from: date, days: 1, now, language, channel, ...(exclude ? { excludeAppointmentId: exclude } : {}) });
  if (assignmentsAt({ ...input, busy: [], webBooked: new Map() }, start, date).length === 0) throw slotUnavailable();
  const options = assignmentsAt(input, start, date);
  if (options.length === 0) throw slotTaken();
  return options;
}

/**
 * Inserts with the first option the database accepts: the exclusion constraints decide. The insert
 * says `on conflict do nothing` (exclusion constraints are arbiters too), so a conflict answers no
 * row instead of aborting: the next option follows without a savepoint; none left → 409.
 */
export async function insertWithFirstFree(tx: Tx, options: Assignment[], values: (a: Assignment) => typeof appointment.$inferInsert): Promise<q.AppointmentRow> {
  for (const option of options) {
    const row = await q.insertAppointmentIfFree(tx, values(option));
    if (row) return row;
  }
  throw slotTaken();
}

/** Counts a request against the limits of its client address and (when given) its contact. */
async function limit(deps: Deps, actor: Actor, contact: string | null): Promise<void> {
  const limits = limitsOf(deps.config);
  const now = deps.now();
  // Counters keyed by address or contact hash, no tenant's rows (rate_limit has no RLS): the public scope.
  const [ip, perContact] = await deps.db.transaction({ kind: 'public' }, async (tx) => [
    await hitRateLimit(tx, `appt:ip:${actor.ip ?? 'unknown'}`, 3600, now),
    contact ? await hitRateLimit(tx, `appt:contact:${contact}`, 86_400, now) : null,
  ]);
  const retry = (r: { resetAt: Date }) => ({ 'retry-after': String(Math.max(1, Math.ceil((r.resetAt.getTime() - now.getTime()) / 1000))) });
  if (ip.hits > limits.perIpPerHour) throw new Problem(429, 'rate-limited', { headers: retry(ip) });
  if (perContact && perContact.hits > limits.perContactPerDay) throw new Problem(429, 'booking-limit', { detailKey: 'details.bookingsPerDay', headers: retry(perContact) });
}

/** The next free start from now (a week of bookings loaded at a time), from `fromOffset` days after today. */
async function nextFree(tx: Tx, ctx: OfficeContext, type: q.TypeRow, now: Date, language: string, fromOffset = 0): Promise<Date | null> {
  const today = berlinToday(now);
  for (let offset = fromOffset; offset <= type.horizonDays; offset += 7) {
    const found = nextFreeSlot(await slotInput(tx, ctx, type, { from: addDays(today, offset), days: 7, now, language, channel: 'web' }));
    if (found) return found;
  }
  return null;
}

/** POST /api/appointments/holds: keeps a slot from others while the form is filled. */
export async function holdSlot(deps: Deps, actor: Actor, body: z.infer<typeof holdBody>): Promise<{ holdToken: string; expiresAt: string; start: string; end: string }> {
  const providerId = await providerOf(deps, body.officeId);
  await limit(deps, actor, null);
  const now = deps.now();
  const token = newToken();
  const expires = new Date(now.getTime() + limitsOf(deps.config).holdMinutes * MIN);
  const row = await deps.db.transaction({ kind: 'tenant', organisationId: providerId }, async (tx) => {
    const { ctx, type } = await officeAndType(tx, body.officeId, body.typeId);
    if (type.walkIn) throw slotUnavailable();
    const start = new Date(body.start);
    await q.deleteExpiredHolds(tx, ctx.office.id, now, start);
    const options = await assignments(tx, ctx, type, start, body.language, 'web', now);
    return insertWithFirstFree(tx, options, (a) => appointmentValues(ctx, type, start, a, { status: 'held', channel: 'web', language: body.language, tokenHash: tokenHash(token), holdExpiresAt: expires, requestedAt: now }));
  });
  return { holdToken: token, expiresAt: expires.toISOString(), start: row.startsAt.toISOString(), end: row.endsAt.toISOString() };
}

/**
 * DELETE /api/appointments/holds/:holdToken (public; the token is the proof): lets a live hold go,
 * so the time is offered again at once. System scope like the manage link (the token is the
 * authority, the provider is not known); an unknown, expired or used token answers 404. Waitlist
 * offers are not released here: they pass on to the next person when they expire.
 */
export async function releaseHold(deps: Deps, _actor: Actor, holdToken: string): Promise<void> {
  const released = await deps.db.transaction({ kind: 'system', useCase: 'appointments.release-hold' }, (tx) => q.deleteLiveWebHold(tx, tokenHash(holdToken), deps.now()));
  if (!released) throw notFound();
}

function appointmentValues(ctx: OfficeContext, type: q.TypeRow, start: Date, a: Assignment, extra: Partial<typeof appointment.$inferInsert> & { status: 'held' | 'booked'; channel: 'web' | 'staff' | 'waitlist' }) {
  const end = new Date(start.getTime() + type.durationMinutes * MIN);
  return {
    id: randomUUID(),
    providerId: ctx.office.providerId,
    officeId: ctx.office.id,
    typeId: type.id,
    counsellorId: a.counsellorId,
    interpreterId: a.interpreterId,
    startsAt: start,
    endsAt: end,
    blockedFrom: new Date(start.getTime() - type.bufferBeforeMinutes * MIN),
    blockedTo: new Date(end.getTime() + type.bufferAfterMinutes * MIN),
    ...extra,
  };
}

/** Seals the personal data of a booking (context: the row id). */
export function sealed(deps: Deps, id: string, p: { name: string; email?: string | undefined; phone?: string | undefined; note?: string | undefined }) {
  return {
    nameSealed: deps.keys.seal(p.name, `appointment:${id}:name`),
    emailSealed: p.email ? deps.keys.seal(p.email, `appointment:${id}:email`) : null,
    phoneSealed: p.phone ? deps.keys.seal(p.phone, `appointment:${id}:phone`) : null,
    noteSealed: p.note ? deps.keys.seal(p.note, `appointment:${id}:note`) : null,
  };
}

export const localeFor = (language: string, locale?: string): string => locale ?? (isPublicLocale(language) ? language : 'de');

export function manageUrls(deps: Deps, locale: string, code: string, token: string) {
  return {
    manageUrl: `${deps.config.publicUrl}/${locale}/appointments/${code}?token=${token}`,
    icsUrl: `${deps.config.publicUrl}/api/appointments/${code}.ics?token=${token}`,
  };
}

const requestHash = (body: unknown): string => createHash('sha256').update(JSON.stringify(body)).digest('base64url');

const retryAfter = (resetAt: Date, now: Date) => ({ 'retry-after': String(Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000))) });

/** An earlier answer under the key, or 422 when the key came with another body. */
function replayed(deps: Deps, storedKey: string, hash: string, row: { requestHash: string; responseSealed: string } | null): BookingResponse | null {
  if (!row) return null;
  if (row.requestHash !== hash) throw new Problem(422, 'idempotency-mismatch');
  return JSON.parse(deps.keys.open(row.responseSealed, `idempotency:${storedKey}`)) as BookingResponse;
}

/** The instants [from, to) of the Berlin dates [date - 1, date + days + 1) — the ranges `slotInput` reads. */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function dayRange(date: string, days: number): [Date, Date] {
  return [new Date(berlinInstant(date, '00:00') - 24 * 3_600_000), new Date(berlinInstant(addDays(date, days), '00:00') + 24 * 3_600_000)];
}

/**
 * POST /api/appointments (public). The server picks a free counsellor speaking the language (or a
 * German-speaking one plus an interpreter); the exclusion constraints refuse a double booking, the
 * idempotency key (serialised by an advisory lock) makes retries return the same booking.
 * Two transactions (decision 0010, "Speed"): (1) one statement — the office's provider, an earlier
 * answer, the counters counted up (committed on its own, so refused attempts count) and the contact's
 * open bookings at all providers (system scope: the cap is global); (2) the
 * idempotency lock, one read of everything, the insert, the idempotency record and the audit entry.
 */
export async function bookAppointment(deps: Deps, actor: Actor, body: z.infer<typeof bookingBody>, idempotencyKey: string): Promise<{ response: BookingResponse; replayed: boolean }> {
  const limits = limitsOf(deps.config);
  const now = deps.now();
  const hash = requestHash(body);
  const contact = contactKey(deps.config, body);
  const ipKey = `appt:ip:${actor.ip ?? 'unknown'}`;
  const pre = await deps.db.transaction({ kind: 'system', useCase: 'appointments.booking-preflight' }, (tx) => bookingPreflight(tx, { officeId: body.officeId, idempotencyKey, now, ipKey, contactKey: `appt:contact:${contact}`, openContactKey: contact }));
  const providerId = pre.providerId;
  if (!providerId) throw notFound();
  const storedKey = `${providerId}:${idempotencyKey}`;
  const earlier = replayed(deps, storedKey, hash, pre.replay);
  if (earlier) return { response: earlier, replayed: true };
  const ip = pre.hits.find((h) => h.key === ipKey);
  const perContact = pre.hits.find((h) => h.key !== ipKey);
  if (ip && ip.hits > limits.perIpPerHour) throw new Problem(429, 'rate-limited', { headers: retryAfter(new Date(ip.windowStart.getTime() + 3600_000), now) });
  if (perContact && perContact.hits > limits.perContactPerDay) throw new Problem(429, 'booking-limit', { detailKey: 'details.bookingsPerDay', headers: retryAfter(new Date(perContact.windowStart.getTime() + 86_400_000), now) });

  const start = new Date(body.start);
  const date = berlinWall(start).date;
  const today = berlinToday(now);
  const locale = localeFor(body.language, body.locale);
  // The next free slot is at the latest the requested start: read from today up to its day (at most a week).
  const searchDays = Math.min(7, Math.max(1, daysBetween(today, date) + 1));
  const ranges: [Date, Date][] = date >= today && date < addDays(today, 7) ? [dayRange(today, searchDays)] : [dayRange(date, 1), dayRange(today, searchDays)];
  const result = await deps.db.transaction({ kind: 'tenant', organisationId: providerId }, async (tx) => {
    await lockIdempotencyKey(tx, storedKey);
    const snap = await bookingSnapshot(tx, {
      officeId: body.officeId,
      typeId: body.typeId,
      idempotencyKey: storedKey,
      contactKey: contact,
      now,
      start,
      rebookSince: new Date(now.getTime() - limits.rebookBlockHours * 3_600_000),
      holdTokenHash: body.holdToken ? tokenHash(body.holdToken) : null,
      ranges: ranges,
    });
    const again = snap ? replayed(deps, storedKey, hash, snap.replay) : null;
    if (again) return { response: again, replayed: true, row: null };
    const type = snap?.type;
    if (!snap || !type || !type.active) throw notFound();
    const ctx = snap.ctx;
    if (type.walkIn) throw slotUnavailable();
    if (pre.openBookings >= limits.openPerContact) throw new Problem(429, 'booking-limit', { detailKey: 'details.openBookings' });
    if (snap.recentlyCancelled) throw new Problem(409, 'booking-limit', { detailKey: 'details.rebookBlocked' });
    const token = newToken();
    const code = newCode();
    const personal = (id: string) => ({ ...sealed(deps, id, body), contactKey: contact, code, tokenHash: tokenHash(token), locale, language: body.language, requestedAt: now });
    const busy = snap.busy.flatMap((b) => [
      { resourceId: b.counsellorId, from: b.blockedFrom, to: b.blockedTo },
      ...(b.interpreterId ? [{ resourceId: b.interpreterId, from: b.blockedFrom, to: b.blockedTo }] : []),
    ]);
    const input = (from: string, days: number): SlotInput => ({ from, days, now, type: slotType(type), hours: ctx.hours, closures: ctx.closures, counsellors: ctx.counsellors, interpreters: ctx.interpreters, busy, language: body.language, channel: 'web', webBooked: snap.webBooked });
    const held = snap.held;
    const useHold = held && held.status === 'held' && held.holdExpiresAt && held.holdExpiresAt > now && held.officeId === ctx.office.id && held.typeId === type.id && held.startsAt.getTime() === start.getTime() && held.language === body.language;
    let options: Assignment[] = [];
    if (!held || !useHold) {
      // A live hold of this token that does not fit the request is let go; an expired one is already gone.
      if (held && held.status === 'held' && held.holdExpiresAt && held.holdExpiresAt >= now) await q.updateAppointment(tx, held.id, { holdExpiresAt: now });
      const day = input(date, 1);
      if (assignmentsAt({ ...day, busy: [], webBooked: new Map() }, start, date).length === 0) throw slotUnavailable();
      options = assignmentsAt(day, start, date);
      if (options.length === 0) throw slotTaken();
    }
    // Next free slot at request time (lead-time KPI), before this booking takes one: up to the start's
    // day from the read above; later weeks (rare: only when the start itself is held) week by week.
    const nextFreeAt = nextFreeSlot(input(today, searchDays)) ?? (await nextFree(tx, ctx, type, now, body.language, searchDays));
    const row = held && useHold
      ? await q.updateAppointment(tx, held.id, { ...personal(held.id), status: 'booked', channel: held.channel === 'waitlist' ? 'waitlist' : 'web', holdExpiresAt: null, nextFreeAt: nextFreeAt ?? null })
      : await insertWithFirstFree(tx, options, (a) => {
          const v = appointmentValues(ctx, type, start, a, { status: 'booked', channel: 'web' });
          return { ...v, ...personal(v.id), nextFreeAt: nextFreeAt ?? null };
        });
    if (!row) throw slotTaken();
    const response: BookingResponse = { code, manageToken: token, start: row.startsAt.toISOString(), end: row.endsAt.toISOString(), officeId: ctx.office.id, typeId: type.id, ...manageUrls(deps, locale, code, token) };
    // An expired record of the key (not yet swept by the housekeeping job) is replaced.
    const record = { requestHash: hash, appointmentId: row.id, responseSealed: deps.keys.seal(JSON.stringify(response), `idempotency:${storedKey}`), expiresAt: new Date(now.getTime() + limits.idempotencyHours * 3_600_000) };
    await saveIdempotencyRecord(tx, { key: storedKey, providerId, ...record });
    await recordAudit(tx, actor, { action: 'appointment.book', recordType: 'appointment', recordIds: [row.id], organisationId: providerId }, now);
    return { response, replayed: false, row, ctx, type };
  });
  if (!result.replayed && result.row && 'ctx' in result) {
    await sendConfirmation(deps, { to: body.email ?? null, locale, code: result.response.code, start: result.row.startsAt, office: result.ctx.office, typeName: result.type.name, ...manageUrls(deps, locale, result.response.code, result.response.manageToken) });
  }
  return { response: result.response, replayed: result.replayed };
}

/** POST /api/offices/:id/appointments: provider staff book for a household (no web limits, no notice). */
export async function bookForHousehold(deps: Deps, actor: Actor, officeId: string, body: z.infer<typeof staffBookingBody>) {
  const staff = authorizeStaff(actor, 'appointment.book-for-person');
  const now = deps.now();
  const start = new Date(body.start);
  const row = await deps.db.transaction({ kind: 'tenant', organisationId: staff.organisationId }, async (tx) => {
    const { ctx, type } = await officeAndType(tx, officeId, body.typeId);
    authorizeRecord(staff, 'appointment.book-for-person', officeRecord(ctx.office));
    if (type.walkIn) throw slotUnavailable();
    const link = body.householdId ? await caseLinkForAppointment(tx, staff, body.householdId, body.personId) : { householdId: null, personId: null };
    await q.deleteExpiredHolds(tx, ctx.office.id, now, start);
    let options = await assignments(tx, ctx, type, start, body.language, 'staff', now);
    if (body.counsellorId) {
      options = options.filter((o) => o.counsellorId === body.counsellorId);
      if (options.length === 0) throw slotTaken();
    }
    const code = newCode();
    const contact = body.email || body.phone ? contactKey(deps.config, body) : null;
    const inserted = await insertWithFirstFree(tx, options, (a) => {
      const v = appointmentValues(ctx, type, start, a, { status: 'booked', channel: 'staff' });
      return { ...v, ...sealed(deps, v.id, body), contactKey: contact, code, language: body.language, locale: body.locale, bookedByAccountId: staff.accountId, requestedAt: now, ...link };
    });
    const linked = [link.householdId, link.personId].filter((id): id is string => id !== null);
    await recordAudit(tx, staff, { action: 'appointment.book', recordType: 'appointment', recordIds: [inserted.id, ...linked] }, now);
    return inserted;
  });
  return { id: row.id, code: row.code ?? '', start: row.startsAt.toISOString(), end: row.endsAt.toISOString(), counsellorId: row.counsellorId, interpreterId: row.interpreterId };
}
