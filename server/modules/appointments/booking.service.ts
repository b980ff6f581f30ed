import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { bookingBody, BookingResponse, holdBody, staffBookingBody } from '#contracts/appointments.ts';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#server/db.ts';
import { sqlState } from '#server/db-errors.ts';
import type { Deps } from '#server/deps.ts';
import { notFound, Problem } from '#server/http/problem.ts';
import { isPublicLocale } from '#server/i18n.ts';
import { recordAudit } from '#server/modules/audit/audit.service.ts';
import type { Actor, StaffActor } from '#server/modules/identity/actor.ts';
import { hitRateLimit } from '#server/modules/identity/identity.queries.ts';
import * as q from './appointments.queries.ts';
import { appointmentIdempotency, type appointment } from './appointments.schema.ts';
import { sendConfirmation } from './appointments.mail.ts';
import { contactKey, limitsOf, newCode, newToken, tokenHash } from './limits.ts';
import { loadOfficeContext, slotInput, type OfficeContext } from './office-context.ts';
import { assignmentsAt, nextFreeSlot, type Assignment } from './slots.ts';
import { berlinToday, berlinWall } from './tz.ts';
import { addDays } from '#server/modules/offices/holidays.ts';

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

async function providerOf(deps: Deps, officeId: string): Promise<string> {
  const rows = await deps.db.transaction({ kind: 'public' }, (tx) => queryRows<{ provider_id: string }>(tx, sql`select provider_id from office where id = ${officeId}`));
  const providerId = rows[0]?.provider_id;
  if (!providerId) throw notFound();
  return providerId;
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

/** Inserts with the first option the database accepts: the exclusion constraints decide (23P01 → next option). */
export async function insertWithFirstFree(tx: Tx, options: Assignment[], values: (a: Assignment) => typeof appointment.$inferInsert): Promise<q.AppointmentRow> {
  for (const option of options) {
    try {
      return await tx.transaction((sp) => q.insertAppointment(sp, values(option)));
    } catch (error) {
      if (sqlState(error) === '23P01') continue;
      throw error;
    }
  }
  throw slotTaken();
}

/** Counts a request against the limits of its client address and (when given) its contact. */
async function limit(deps: Deps, actor: Actor, contact: string | null): Promise<void> {
  const limits = limitsOf(deps.config);
  const now = deps.now();
  const [ip, perContact] = await deps.db.transaction({ kind: 'system' }, async (tx) => [
    await hitRateLimit(tx, `appt:ip:${actor.ip ?? 'unknown'}`, 3600, now),
    contact ? await hitRateLimit(tx, `appt:contact:${contact}`, 86_400, now) : null,
  ]);
  const retry = (r: { resetAt: Date }) => ({ 'retry-after': String(Math.max(1, Math.ceil((r.resetAt.getTime() - now.getTime()) / 1000))) });
  if (ip.hits > limits.perIpPerHour) throw new Problem(429, 'rate-limited', { headers: retry(ip) });
  if (perContact && perContact.hits > limits.perContactPerDay) throw new Problem(429, 'booking-limit', { detailKey: 'details.bookingsPerDay', headers: retry(perContact) });
}

/** The next free start from now (a week of bookings loaded at a time). */
async function nextFree(tx: Tx, ctx: OfficeContext, type: q.TypeRow, now: Date, language: string): Promise<Date | null> {
  const today = berlinToday(now);
  for (let offset = 0; offset <= type.horizonDays; offset += 7) {
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

/** The stored answer of an earlier request with this key, or null; 422 when the key came with another body. */
async function replay(tx: Tx, deps: Deps, storedKey: string, hash: string): Promise<BookingResponse | null> {
  const row = await q.findIdempotency(tx, storedKey);
  if (!row || row.expiresAt < deps.now()) return null;
  if (row.requestHash !== hash) throw new Problem(422, 'idempotency-mismatch');
  return JSON.parse(deps.keys.open(row.responseSealed, `idempotency:${storedKey}`)) as BookingResponse;
}

/**
 * POST /api/appointments (public). The server picks a free counsellor speaking the language (or a
 * German-speaking one plus an interpreter); the exclusion constraints refuse a double booking, the
 * idempotency key (serialised by an advisory lock) makes retries return the same booking.
 */
export async function bookAppointment(deps: Deps, actor: Actor, body: z.infer<typeof bookingBody>, idempotencyKey: string): Promise<{ response: BookingResponse; replayed: boolean }> {
  const providerId = await providerOf(deps, body.officeId);
  const scope = { kind: 'tenant' as const, organisationId: providerId };
  const storedKey = `${providerId}:${idempotencyKey}`;
  const hash = requestHash(body);
  const earlier = await deps.db.transaction(scope, (tx) => replay(tx, deps, storedKey, hash));
  if (earlier) return { response: earlier, replayed: true };

  const contact = contactKey(deps.config, body);
  await limit(deps, actor, contact);
  const limits = limitsOf(deps.config);
  const now = deps.now();
  const start = new Date(body.start);
  const locale = localeFor(body.language, body.locale);

  const result = await deps.db.transaction(scope, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${storedKey}, 0))`);
    const again = await replay(tx, deps, storedKey, hash);
    if (again) return { response: again, replayed: true, row: null };
    const { ctx, type } = await officeAndType(tx, body.officeId, body.typeId);
    if (type.walkIn) throw slotUnavailable();
    if ((await q.openBookingsOf(tx, contact, now)) >= limits.openPerContact) throw new Problem(429, 'booking-limit', { detailKey: 'details.openBookings' });
    if (await q.recentlyCancelledBy(tx, contact, ctx.office.id, start, new Date(now.getTime() - limits.rebookBlockHours * 3_600_000))) {
      throw new Problem(409, 'booking-limit', { detailKey: 'details.rebookBlocked' });
    }
    await q.deleteExpiredHolds(tx, ctx.office.id, now, start);
    const token = newToken();
    const code = newCode();
    const personal = (id: string) => ({ ...sealed(deps, id, body), contactKey: contact, code, tokenHash: tokenHash(token), locale, language: body.language, requestedAt: now });

    // Next free slot at request time (lead-time KPI), before this booking takes one.
    const nextFreeAt = await nextFree(tx, ctx, type, now, body.language);

    let row: q.AppointmentRow | undefined;
    const held = body.holdToken ? await q.findByTokenHash(tx, tokenHash(body.holdToken)) : undefined;
    if (held && held.status === 'held' && held.holdExpiresAt && held.holdExpiresAt > now && held.officeId === ctx.office.id && held.typeId === type.id && held.startsAt.getTime() === start.getTime() && held.language === body.language) {
      row = await q.updateAppointment(tx, held.id, { ...personal(held.id), status: 'booked', channel: held.channel === 'waitlist' ? 'waitlist' : 'web', holdExpiresAt: null, nextFreeAt: nextFreeAt ?? null });
    } else {
      if (held && held.status === 'held') await tx.transaction((sp) => q.updateAppointment(sp, held.id, { holdExpiresAt: now }));
      const options = await assignments(tx, ctx, type, start, body.language, 'web', now);
      row = await insertWithFirstFree(tx, options, (a) => {
        const v = appointmentValues(ctx, type, start, a, { status: 'booked', channel: 'web' });
        return { ...v, ...personal(v.id), nextFreeAt: nextFreeAt ?? null };
      });
    }
    if (!row) throw slotTaken();
    const response: BookingResponse = { code, manageToken: token, start: row.startsAt.toISOString(), end: row.endsAt.toISOString(), officeId: ctx.office.id, typeId: type.id, ...manageUrls(deps, locale, code, token) };
    await tx.insert(appointmentIdempotency).values({
      key: storedKey,
      providerId,
      requestHash: hash,
      appointmentId: row.id,
      responseSealed: deps.keys.seal(JSON.stringify(response), `idempotency:${storedKey}`),
      expiresAt: new Date(now.getTime() + limits.idempotencyHours * 3_600_000),
    });
    await recordAudit(tx, actor, { action: 'appointment.book', recordType: 'appointment', recordIds: [row.id], organisationId: providerId }, now);
    return { response, replayed: false, row, ctx, type };
  });
  if (!result.replayed && result.row && 'ctx' in result) {
    await sendConfirmation(deps, { to: body.email ?? null, locale, code: result.response.code, start: result.row.startsAt, office: result.ctx.office, typeName: result.type.name, ...manageUrls(deps, locale, result.response.code, result.response.manageToken) });
  }
  return { response: result.response, replayed: result.replayed };
}

/** POST /api/offices/:id/appointments: provider staff book for a household (no web limits, no notice). */
export async function bookForHousehold(deps: Deps, actor: StaffActor, officeId: string, body: z.infer<typeof staffBookingBody>) {
  const now = deps.now();
  const start = new Date(body.start);
  const row = await deps.db.transaction({ kind: 'tenant', organisationId: actor.organisationId }, async (tx) => {
    const { ctx, type } = await officeAndType(tx, officeId, body.typeId);
    if (ctx.office.providerId !== actor.organisationId) throw notFound();
    if (type.walkIn) throw slotUnavailable();
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
      return { ...v, ...sealed(deps, v.id, body), contactKey: contact, code, language: body.language, locale: body.locale, bookedByAccountId: actor.accountId, requestedAt: now };
    });
    await recordAudit(tx, actor, { action: 'appointment.book', recordType: 'appointment', recordIds: [inserted.id] }, now);
    return inserted;
  });
  return { id: row.id, code: row.code ?? '', start: row.startsAt.toISOString(), end: row.endsAt.toISOString(), counsellorId: row.counsellorId, interpreterId: row.interpreterId };
}
