import { timingSafeEqual } from 'node:crypto';
import type { AppointmentDetails } from '#contracts/appointments.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { notFound, Problem } from '#server/platform/problem.ts';
import { isPublicLocale } from '#server/i18n.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import * as oq from '#server/modules/offices/offices.public.ts';
import * as q from './appointments.queries.ts';
import { sendCancellation } from './appointments.mail.ts';
import { manageUrls, officeAndType, slotTaken, slotUnavailable } from './booking.service.ts';
import { bookingIcs } from './ics.ts';
import { tokenHash } from './limits.ts';
import { slotInput } from './office-context.ts';
import { assignmentsAt } from './slots.ts';
import { berlinWall } from './tz.ts';
import { offerFreedSlot } from './waitlist.service.ts';
import { moveInPlace } from './move-in-place.ts';

const MIN = 60_000;

/** The booking behind a code and token (system scope: the token is the authority), or 404. */
async function byToken(tx: Tx, code: string, token: string): Promise<q.AppointmentRow> {
  const row = await q.findByCode(tx, code);
  const expected = row?.tokenHash ? Buffer.from(row.tokenHash) : null;
  const given = Buffer.from(tokenHash(token));
  if (!row || !expected || expected.length !== given.length || !timingSafeEqual(expected, given) || row.status === 'held') throw notFound();
  return row;
}

const changeableUntil = (row: q.AppointmentRow, type: q.TypeRow): Date => new Date(row.startsAt.getTime() - type.cancelNoticeMinutes * MIN);

async function details(tx: Tx, row: q.AppointmentRow, now: Date): Promise<AppointmentDetails> {
  const office = await oq.findOffice(tx, row.officeId);
  const type = await q.findType(tx, row.typeId);
  if (!office || !type) throw notFound();
  const until = changeableUntil(row, type);
  return {
    code: row.code ?? '',
    status: row.status,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    language: row.language,
    locale: isPublicLocale(row.locale) ? row.locale : 'de',
    interpreter: row.interpreterId !== null,
    office: { id: office.id, name: office.name, street: office.street, houseNumber: office.houseNumber, postcode: office.postcode, city: office.city, phone: office.phone, email: office.email },
    type: { id: type.id, kind: type.kind, name: type.name, durationMinutes: type.durationMinutes },
    changeableUntil: until.toISOString(),
    changeable: row.status === 'booked' && now < until,
    emailGiven: row.emailSealed !== null,
  };
}

export async function getByToken(deps: Deps, _actor: Actor, code: string, token: string): Promise<AppointmentDetails> {
  return deps.db.transaction({ kind: 'system', useCase: 'appointments.details-by-token' }, async (tx) => details(tx, await byToken(tx, code, token), deps.now()));
}

export async function icsByToken(deps: Deps, _actor: Actor, code: string, token: string): Promise<string> {
  return deps.db.transaction({ kind: 'system', useCase: 'appointments.ics-by-token' }, async (tx) => {
    const row = await byToken(tx, code, token);
    const d = await details(tx, row, deps.now());
    return bookingIcs(d, { uid: `${row.id}@lotse`, stamp: deps.now(), manageUrl: manageUrls(deps, d.locale, d.code, token).manageUrl });
  });
}

function requireChangeable(row: q.AppointmentRow, type: q.TypeRow, now: Date): void {
  if (row.status !== 'booked') throw new Problem(409, 'conflict');
  if (now >= changeableUntil(row, type)) throw new Problem(409, 'too-late', { detailKey: 'details.tooLateToChange' });
}

/** POST /api/appointments/:code/cancel?token=: cancels before the notice period; the freed slot goes to the waitlist. */
export async function cancelByToken(deps: Deps, actor: Actor, code: string, token: string): Promise<AppointmentDetails> {
  const now = deps.now();
  const result = await deps.db.transaction({ kind: 'system', useCase: 'appointments.cancel-by-token' }, async (tx) => {
    const row = await byToken(tx, code, token);
    const type = await q.findType(tx, row.typeId);
    if (!type) throw notFound();
    requireChangeable(row, type, now);
    const updated = await q.updateAppointment(tx, row.id, { status: 'cancelled', cancelledAt: now });
    if (!updated) throw notFound();
    await recordAudit(tx, actor, { action: 'appointment.cancel', recordType: 'appointment', recordIds: [row.id], organisationId: row.providerId }, now);
    return { row: updated, details: await details(tx, updated, now) };
  });
  await afterCancel(deps, result.row, token);
  return result.details;
}

/** Cancellation mail and the waitlist offer (outside the cancelling transaction). */
export async function afterCancel(deps: Deps, row: q.AppointmentRow, _token: string | null): Promise<void> {
  if (row.emailSealed) {
    const office = await deps.db.transaction({ kind: 'public' }, (tx) => oq.findOffice(tx, row.officeId));
    if (office) await sendCancellation(deps, { to: deps.keys.open(row.emailSealed, `appointment:${row.id}:email`), locale: row.locale, code: row.code ?? '', start: row.startsAt, office });
  }
  await offerFreedSlot(deps, row);
}

/** POST /api/appointments/:code/move?token=: a new start for the same type (any free counsellor); code and token stay. */
export async function moveByToken(deps: Deps, actor: Actor, code: string, token: string, startIso: string): Promise<AppointmentDetails> {
  const now = deps.now();
  const start = new Date(startIso);
  const result = await deps.db.transaction({ kind: 'system', useCase: 'appointments.move-by-token' }, async (tx) => {
    const row = await byToken(tx, code, token);
    const { ctx, type } = await officeAndType(tx, row.officeId, row.typeId);
    requireChangeable(row, type, now);
    const date = berlinWall(start).date;
    const input = await slotInput(tx, ctx, type, { from: date, days: 1, now, language: row.language, channel: 'web', excludeAppointmentId: row.id });
    if (assignmentsAt({ ...input, busy: [], webBooked: new Map() }, start, date).length === 0) throw slotUnavailable();
    const options = assignmentsAt(input, start, date);
    if (options.length === 0) throw slotTaken();
    const moved = await moveInPlace(tx, row.id, type, start, options);
    await recordAudit(tx, actor, { action: 'appointment.move', recordType: 'appointment', recordIds: [row.id], organisationId: row.providerId }, now);
    return { old: { ...row, status: 'cancelled' as const }, details: await details(tx, moved, now) };
  });
  await offerFreedSlot(deps, result.old);
  return result.details;
}
