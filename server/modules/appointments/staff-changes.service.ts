import type { z } from 'zod';
import type { staffMoveBody } from '#contracts/appointments.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { notFound, Problem } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import * as q from './appointments.queries.ts';
import { sendCancellation, sendMoved } from './appointments.mail.ts';
import { officeAndType, slotTaken, slotUnavailable } from './booking.service.ts';
import { slotInput } from './office-context.ts';
import { officeFor } from './setup.service.ts';
import { assignmentsAt } from './slots.ts';
import { berlinWall } from './tz.ts';
import { offerFreedSlot } from './waitlist.service.ts';
import { moveInPlace } from './move-in-place.ts';

export interface StaffChangeResult {
  id: string;
  code: string;
  status: q.AppointmentRow['status'];
  start: string;
  end: string;
  counsellorId: string;
  interpreterId: string | null;
  /** Whether the person was told by mail (an email address is known). */
  notified: boolean;
}

const result = (row: q.AppointmentRow, notified: boolean): StaffChangeResult => ({
  id: row.id,
  code: row.code ?? '',
  status: row.status,
  start: row.startsAt.toISOString(),
  end: row.endsAt.toISOString(),
  counsellorId: row.counsellorId,
  interpreterId: row.interpreterId,
  notified,
});

/** A booked appointment of this office, or 404 (another provider's, a hold) / 409 (cancelled, done, past). */
async function changeable(tx: Tx, officeId: string, id: string, now: Date): Promise<q.AppointmentRow> {
  const row = await q.findAppointment(tx, id);
  if (!row || row.officeId !== officeId || row.status === 'held') throw notFound();
  if (row.status !== 'booked' || row.startsAt <= now) throw new Problem(409, 'conflict');
  return row;
}

/**
 * POST /api/offices/:id/appointments/:appointmentId/cancel: provider staff cancel a booking at any
 * time before its start (no notice period: the office decides). Audited; the person gets the
 * cancellation mail in their language when an email is known; the freed slot goes to the waitlist.
 */
export async function cancelByStaff(deps: Deps, actor: Actor, officeId: string, id: string): Promise<StaffChangeResult> {
  const staff = authorizeStaff(actor, 'appointment.cancel');
  const now = deps.now();
  const { row, office } = await deps.db.transaction({ kind: 'tenant', organisationId: staff.organisationId }, async (tx) => {
    const office = await officeFor(tx, staff, officeId, 'appointment.cancel');
    const current = await changeable(tx, officeId, id, now);
    const updated = await q.updateAppointment(tx, current.id, { status: 'cancelled', cancelledAt: now });
    if (!updated) throw notFound();
    await recordAudit(tx, staff, { action: 'appointment.cancel.staff', recordType: 'appointment', recordIds: [id] }, now);
    return { row: updated, office };
  });
  const to = row.emailSealed ? deps.keys.open(row.emailSealed, `appointment:${row.id}:email`) : null;
  if (to) await sendCancellation(deps, { to, locale: row.locale, code: row.code ?? '', start: row.startsAt, office });
  await offerFreedSlot(deps, row);
  return result(row, to !== null);
}

/**
 * POST /api/offices/:id/appointments/:appointmentId/move: provider staff move a booking to another
 * free start of the same type (staff channel: no web quota; a named counsellor if given). In place,
 * so code and manage link stay; the exclusion constraints judge the new range. Audited; the person
 * gets a mail with the new time in their language; the old slot goes to the waitlist.
 */
export async function moveByStaff(deps: Deps, actor: Actor, officeId: string, id: string, body: z.infer<typeof staffMoveBody>): Promise<StaffChangeResult> {
  const staff = authorizeStaff(actor, 'appointment.move');
  const now = deps.now();
  const start = new Date(body.start);
  const moved = await deps.db.transaction({ kind: 'tenant', organisationId: staff.organisationId }, async (tx) => {
    await officeFor(tx, staff, officeId, 'appointment.move');
    const row = await changeable(tx, officeId, id, now);
    const { ctx, type } = await officeAndType(tx, officeId, row.typeId);
    const date = berlinWall(start).date;
    const input = await slotInput(tx, ctx, type, { from: date, days: 1, now, language: row.language, channel: 'staff', excludeAppointmentId: row.id });
    if (assignmentsAt({ ...input, busy: [] }, start, date).length === 0) throw slotUnavailable();
    let options = assignmentsAt(input, start, date);
    if (body.counsellorId) options = options.filter((o) => o.counsellorId === body.counsellorId);
    if (options.length === 0) throw slotTaken();
    const updated = await moveInPlace(tx, row.id, type, start, options);
    await recordAudit(tx, staff, { action: 'appointment.move.staff', recordType: 'appointment', recordIds: [row.id] }, now);
    return { old: { ...row, status: 'cancelled' as const }, row: updated, office: ctx.office, typeName: type.name };
  });
  const to = moved.row.emailSealed ? deps.keys.open(moved.row.emailSealed, `appointment:${moved.row.id}:email`) : null;
  if (to) await sendMoved(deps, { to, locale: moved.row.locale, code: moved.row.code ?? '', start: moved.row.startsAt, previous: moved.old.startsAt, office: moved.office, typeName: moved.typeName });
  await offerFreedSlot(deps, moved.old);
  return result(moved.row, to !== null);
}
