import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#server/db.ts';
import { appointment, appointmentIdempotency, appointmentResource, appointmentType, officeClosure, resourceAbsence, resourceAvailability, waitlistEntry } from './appointments.schema.ts';

/** Every SQL statement of the appointments domain. */

const DAY = 86_400_000;

export type TypeRow = typeof appointmentType.$inferSelect;
export type ResourceRow = typeof appointmentResource.$inferSelect;
export type AppointmentRow = typeof appointment.$inferSelect;
export type WaitlistRow = typeof waitlistEntry.$inferSelect;

export async function typesOf(tx: Tx, officeId: string): Promise<TypeRow[]> {
  return tx.select().from(appointmentType).where(eq(appointmentType.officeId, officeId)).orderBy(asc(appointmentType.createdAt), asc(appointmentType.id));
}

export async function findType(tx: Tx, id: string): Promise<TypeRow | undefined> {
  const [row] = await tx.select().from(appointmentType).where(eq(appointmentType.id, id));
  return row;
}

export async function insertType(tx: Tx, values: typeof appointmentType.$inferInsert): Promise<TypeRow> {
  const [row] = await tx.insert(appointmentType).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateType(tx: Tx, id: string, values: Partial<typeof appointmentType.$inferInsert>): Promise<void> {
  await tx.update(appointmentType).set(values).where(eq(appointmentType.id, id));
}

export async function resourcesOf(tx: Tx, officeId: string) {
  const resources = await tx.select().from(appointmentResource).where(eq(appointmentResource.officeId, officeId)).orderBy(asc(appointmentResource.createdAt), asc(appointmentResource.id));
  const availability = await tx.select().from(resourceAvailability).where(eq(resourceAvailability.officeId, officeId));
  const absences = await tx.select().from(resourceAbsence).where(eq(resourceAbsence.officeId, officeId));
  return { resources, availability, absences };
}

export async function findResource(tx: Tx, id: string): Promise<ResourceRow | undefined> {
  const [row] = await tx.select().from(appointmentResource).where(eq(appointmentResource.id, id));
  return row;
}

export async function insertResource(tx: Tx, values: typeof appointmentResource.$inferInsert): Promise<ResourceRow> {
  const [row] = await tx.insert(appointmentResource).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateResource(tx: Tx, id: string, values: Partial<typeof appointmentResource.$inferInsert>): Promise<void> {
  if (Object.keys(values).length > 0) await tx.update(appointmentResource).set(values).where(eq(appointmentResource.id, id));
}

export async function replaceAvailability(tx: Tx, officeId: string, resourceId: string, rows: { weekday: number; starts: string; ends: string; validFrom: string | null; validTo: string | null }[]): Promise<void> {
  await tx.delete(resourceAvailability).where(eq(resourceAvailability.resourceId, resourceId));
  if (rows.length > 0) await tx.insert(resourceAvailability).values(rows.map((r) => ({ ...r, officeId, resourceId })));
}

export async function replaceAbsences(tx: Tx, officeId: string, resourceId: string, rows: { startsAt: Date; endsAt: Date; note: string }[]): Promise<void> {
  await tx.delete(resourceAbsence).where(eq(resourceAbsence.resourceId, resourceId));
  if (rows.length > 0) await tx.insert(resourceAbsence).values(rows.map((r) => ({ ...r, officeId, resourceId })));
}

export async function closuresOf(tx: Tx, officeId: string) {
  return tx.select().from(officeClosure).where(eq(officeClosure.officeId, officeId)).orderBy(asc(officeClosure.startsOn));
}

export async function replaceClosures(tx: Tx, officeId: string, rows: { startsOn: string; endsOn: string; note: string }[]): Promise<void> {
  await tx.delete(officeClosure).where(eq(officeClosure.officeId, officeId));
  if (rows.length > 0) await tx.insert(officeClosure).values(rows.map((r) => ({ ...r, officeId })));
}

/** Blocked ranges of the office's resources overlapping [from, to): bookings and unexpired holds. */
export async function busyOf(tx: Tx, officeId: string, from: Date, to: Date, now: Date) {
  return tx
    .select({ id: appointment.id, counsellorId: appointment.counsellorId, interpreterId: appointment.interpreterId, blockedFrom: appointment.blockedFrom, blockedTo: appointment.blockedTo })
    .from(appointment)
    .where(
      and(
        eq(appointment.officeId, officeId),
        // A blocked range is at most a day long: bounds on starts_at let the (office_id, starts_at) index work.
        gt(appointment.startsAt, new Date(from.getTime() - DAY)),
        lt(appointment.startsAt, new Date(to.getTime() + DAY)),
        ne(appointment.status, 'cancelled'),
        lt(appointment.blockedFrom, to),
        gt(appointment.blockedTo, from),
        or(ne(appointment.status, 'held'), gt(appointment.holdExpiresAt, now)),
      ),
    );
}

/** Web bookings of a type per Berlin date in a range (quota). */
export async function webBookedPerDay(tx: Tx, officeId: string, typeId: string, from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await queryRows<{ day: string; n: number }>(tx, sql`
    select to_char(${appointment.startsAt} at time zone 'Europe/Berlin', 'YYYY-MM-DD') as day, count(*)::int as n
    from ${appointment}
    where ${appointment.officeId} = ${officeId} and ${appointment.typeId} = ${typeId} and ${appointment.channel} <> 'staff' and ${appointment.status} not in ('cancelled', 'held')
      and ${appointment.startsAt} >= ${from.toISOString()}::timestamptz and ${appointment.startsAt} < ${to.toISOString()}::timestamptz
    group by 1`);
  return new Map(rows.map((r) => [r.day, Number(r.n)]));
}

/** Holds past their expiry no longer block: those around a start go before a booking picks a counsellor. */
export async function deleteExpiredHolds(tx: Tx, officeId: string, now: Date, around: Date): Promise<void> {
  await tx
    .delete(appointment)
    .where(
      and(
        eq(appointment.officeId, officeId),
        gt(appointment.startsAt, new Date(around.getTime() - DAY)),
        lt(appointment.startsAt, new Date(around.getTime() + DAY)),
        eq(appointment.status, 'held'),
        // Expired waitlist offers are referenced by their entry: the housekeeping job passes them on.
        ne(appointment.channel, 'waitlist'),
        lt(appointment.holdExpiresAt, now),
      ),
    );
}

export async function insertAppointment(tx: Tx, values: typeof appointment.$inferInsert): Promise<AppointmentRow> {
  const [row] = await tx.insert(appointment).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Inserts unless a constraint (the exclusion constraints above all) refuses: then no row. */
export async function insertAppointmentIfFree(tx: Tx, values: typeof appointment.$inferInsert): Promise<AppointmentRow | undefined> {
  const [row] = await tx.insert(appointment).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateAppointment(tx: Tx, id: string, values: Partial<typeof appointment.$inferInsert>): Promise<AppointmentRow | undefined> {
  const [row] = await tx.update(appointment).set(values).where(eq(appointment.id, id)).returning();
  return row;
}

export async function findAppointment(tx: Tx, id: string): Promise<AppointmentRow | undefined> {
  const [row] = await tx.select().from(appointment).where(eq(appointment.id, id));
  return row;
}

export async function findByCode(tx: Tx, code: string): Promise<AppointmentRow | undefined> {
  const [row] = await tx.select().from(appointment).where(eq(appointment.code, code));
  return row;
}

export async function findByTokenHash(tx: Tx, tokenHash: string): Promise<AppointmentRow | undefined> {
  const [row] = await tx.select().from(appointment).where(eq(appointment.tokenHash, tokenHash));
  return row;
}

/** Deletes the live web hold behind a token hash (not a waitlist offer: its entry references it); whether there was one. */
export async function deleteLiveWebHold(tx: Tx, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await tx
    .delete(appointment)
    .where(and(eq(appointment.tokenHash, tokenHash), eq(appointment.status, 'held'), eq(appointment.channel, 'web'), gt(appointment.holdExpiresAt, now)))
    .returning({ id: appointment.id });
  return rows.length > 0;
}

/** Open (future, booked) appointments of a contact. */
export async function openBookingsOf(tx: Tx, contactKey: string, now: Date): Promise<number> {
  const rows = await queryRows<{ n: number }>(tx, sql`
    select count(*)::int as n from ${appointment}
    where ${appointment.contactKey} = ${contactKey} and ${appointment.status} = 'booked' and ${appointment.startsAt} > ${now.toISOString()}::timestamptz`);
  return Number(rows[0]?.n ?? 0);
}

/** The same contact cancelled an appointment at this office and start recently (slot trading). */
export async function recentlyCancelledBy(tx: Tx, contactKey: string, officeId: string, start: Date, since: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: appointment.id })
    .from(appointment)
    .where(and(eq(appointment.contactKey, contactKey), eq(appointment.officeId, officeId), eq(appointment.status, 'cancelled'), eq(appointment.startsAt, start), gte(appointment.cancelledAt, since)))
    .limit(1);
  return rows.length > 0;
}

export async function appointmentsBetween(tx: Tx, officeId: string, from: Date, to: Date) {
  return tx
    .select()
    .from(appointment)
    .where(and(eq(appointment.officeId, officeId), gte(appointment.startsAt, from), lt(appointment.startsAt, to)))
    .orderBy(asc(appointment.startsAt), asc(appointment.id));
}

/** Booked appointments starting in [from, to) not reminded yet (all offices; system scope). */
export async function dueReminders(tx: Tx, from: Date, to: Date) {
  return tx
    .select()
    .from(appointment)
    .where(and(eq(appointment.status, 'booked'), isNull(appointment.remindedAt), gte(appointment.startsAt, from), lt(appointment.startsAt, to)))
    .orderBy(asc(appointment.startsAt))
    .limit(500);
}

/** Marks one reminder sent; false when another process was first (idempotent). */
export async function markReminded(tx: Tx, id: string, at: Date): Promise<boolean> {
  const rows = await tx.update(appointment).set({ remindedAt: at }).where(and(eq(appointment.id, id), isNull(appointment.remindedAt))).returning({ id: appointment.id });
  return rows.length > 0;
}

export async function findIdempotency(tx: Tx, key: string) {
  const [row] = await tx.select().from(appointmentIdempotency).where(eq(appointmentIdempotency.key, key));
  return row;
}

/** Claims a key; false when it exists (after waiting for a concurrent claim to commit or roll back). */
export async function claimIdempotency(tx: Tx, values: typeof appointmentIdempotency.$inferInsert, now: Date): Promise<boolean> {
  await tx.delete(appointmentIdempotency).where(and(eq(appointmentIdempotency.key, values.key), lt(appointmentIdempotency.expiresAt, now)));
  const rows = await tx.insert(appointmentIdempotency).values(values).onConflictDoNothing().returning({ key: appointmentIdempotency.key });
  return rows.length > 0;
}

export async function setIdempotencyResponse(tx: Tx, key: string, appointmentId: string, responseSealed: string): Promise<void> {
  await tx.update(appointmentIdempotency).set({ appointmentId, responseSealed }).where(eq(appointmentIdempotency.key, key));
}

export async function insertWaitlist(tx: Tx, values: typeof waitlistEntry.$inferInsert): Promise<WaitlistRow> {
  const [row] = await tx.insert(waitlistEntry).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The longest-waiting entries for a freed slot, locked so two cancellations do not offer to the same person. */
export async function nextWaiting(tx: Tx, officeId: string, typeId: string, date: string): Promise<WaitlistRow[]> {
  return tx
    .select()
    .from(waitlistEntry)
    .where(and(eq(waitlistEntry.officeId, officeId), eq(waitlistEntry.typeId, typeId), eq(waitlistEntry.status, 'waiting'), sql`${waitlistEntry.fromDate} <= ${date}`, sql`${waitlistEntry.toDate} >= ${date}`))
    .orderBy(asc(waitlistEntry.createdAt), asc(waitlistEntry.id))
    .limit(5)
    .for('update', { skipLocked: true });
}

export async function updateWaitlist(tx: Tx, id: string, values: Partial<typeof waitlistEntry.$inferInsert>): Promise<void> {
  await tx.update(waitlistEntry).set(values).where(eq(waitlistEntry.id, id));
}

export async function waitingCount(tx: Tx, contactKey: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${waitlistEntry} where ${waitlistEntry.contactKey} = ${contactKey} and ${waitlistEntry.status} = 'waiting'`);
  return Number(rows[0]?.n ?? 0);
}

/** Lead times per ISO week of the request: [week, lead days, next-free days] of each booking. */
export async function leadTimeRows(tx: Tx, officeId: string, since: Date) {
  return queryRows<{ week: string; lead: number; next_free: number | null }>(tx, sql`
    select to_char(${appointment.requestedAt} at time zone 'Europe/Berlin', 'IYYY-"W"IW') as week,
      extract(epoch from (${appointment.startsAt} - ${appointment.requestedAt})) / 86400.0 as lead,
      extract(epoch from (${appointment.nextFreeAt} - ${appointment.requestedAt})) / 86400.0 as next_free
    from ${appointment}
    where ${appointment.officeId} = ${officeId} and ${appointment.status} <> 'held' and ${appointment.channel} <> 'staff'
      and ${appointment.requestedAt} >= ${since.toISOString()}::timestamptz
    order by 1`);
}

// ---------------------------------------------------------------- housekeeping (system scope)

/**
 * Expired waitlist offers (holds of channel `waitlist`), claimed: locked with `skip locked` so a
 * second process running the same job takes other rows; their waitlist entries become `expired`
 * and let go of the hold (the foreign key), then the holds are deleted. Returns the freed holds.
 */
export async function takeExpiredOffers(tx: Tx, now: Date, limit = 200): Promise<AppointmentRow[]> {
  const claimed = await tx
    .select({ id: appointment.id })
    .from(appointment)
    .where(and(eq(appointment.status, 'held'), eq(appointment.channel, 'waitlist'), lt(appointment.holdExpiresAt, now)))
    .orderBy(asc(appointment.startsAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const ids = claimed.map((c) => c.id);
  if (ids.length === 0) return [];
  await tx.update(waitlistEntry).set({ status: 'expired', offeredAppointmentId: null }).where(and(inArray(waitlistEntry.offeredAppointmentId, ids), eq(waitlistEntry.status, 'offered')));
  return tx.delete(appointment).where(inArray(appointment.id, ids)).returning();
}

/** Other holds past their expiry (the form was left): they no longer block anything. */
export async function deleteAllExpiredHolds(tx: Tx, now: Date): Promise<number> {
  const rows = await tx
    .delete(appointment)
    .where(and(eq(appointment.status, 'held'), ne(appointment.channel, 'waitlist'), lt(appointment.holdExpiresAt, now)))
    .returning({ id: appointment.id });
  return rows.length;
}

/** Idempotency records past their expiry (24 hours after the request by default). */
export async function deleteExpiredIdempotency(tx: Tx, now: Date): Promise<number> {
  const rows = await tx.delete(appointmentIdempotency).where(lt(appointmentIdempotency.expiresAt, now)).returning({ key: appointmentIdempotency.key });
  return rows.length;
}

/** The booking's rate-limit counters whose window has passed (address: 1 hour, contact: 24 hours). */
export async function deletePassedRateLimits(tx: Tx, now: Date): Promise<number> {
  const rows = await queryRows<{ key: string }>(tx, sql`
    delete from rate_limit
    where (key like 'appt:ip:%' and window_start <= ${now.toISOString()}::timestamptz - interval '1 hour')
       or (key like 'appt:contact:%' and window_start <= ${now.toISOString()}::timestamptz - interval '24 hours')
    returning key`);
  return rows.length;
}

/** A household's appointments (booked from its case file), with their type and counsellor, newest start first. */
export async function appointmentsOfHousehold(tx: Tx, householdId: string, limit: number) {
  return tx
    .select({
      id: appointment.id,
      code: appointment.code,
      officeId: appointment.officeId,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      status: appointment.status,
      language: appointment.language,
      personId: appointment.personId,
      typeName: appointmentType.name,
      typeKind: appointmentType.kind,
      counsellorName: appointmentResource.displayName,
    })
    .from(appointment)
    .innerJoin(appointmentType, eq(appointmentType.id, appointment.typeId))
    .innerJoin(appointmentResource, eq(appointmentResource.id, appointment.counsellorId))
    .where(and(eq(appointment.householdId, householdId), ne(appointment.status, 'held')))
    .orderBy(desc(appointment.startsAt), asc(appointment.id))
    .limit(limit);
}

/** A merged duplicate's appointments go to the person record that stays, and with it to that person's household. */
export async function movePersonAppointments(tx: Tx, fromPersonId: string, to: { personId: string; householdId: string }): Promise<string[]> {
  const rows = await tx.update(appointment).set({ personId: to.personId, householdId: to.householdId }).where(eq(appointment.personId, fromPersonId)).returning({ id: appointment.id });
  return rows.map((r) => r.id);
}
