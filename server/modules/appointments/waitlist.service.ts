import type { z } from 'zod';
import type { waitlistBody } from '#contracts/appointments.ts';
import type { Deps } from '#server/deps.ts';
import { notFound, Problem } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import * as q from './appointments.queries.ts';
import { sendOffer } from './appointments.mail.ts';
import { insertWithFirstFree, localeFor, officeAndType } from './booking.service.ts';
import { contactKey, limitsOf, newToken, tokenHash } from './limits.ts';
import { slotInput } from './office-context.ts';
import { assignmentsAt } from './slots.ts';
import { berlinWall } from './tz.ts';

const MIN = 60_000;

/** POST /api/appointments/waitlist (public): wait for an earlier slot; an offer comes by mail. */
export async function joinWaitlist(deps: Deps, actor: Actor, body: z.infer<typeof waitlistBody>): Promise<{ status: 'waiting'; from: string; to: string }> {
  const now = deps.now();
  const limits = limitsOf(deps.config);
  const contact = contactKey(deps.config, body);
  const providerId = await deps.db.transaction({ kind: 'public' }, async (tx) => (await officeAndType(tx, body.officeId, body.typeId)).ctx.office.providerId);
  await deps.db.transaction({ kind: 'tenant', organisationId: providerId }, async (tx) => {
    if ((await q.waitingCount(tx, contact)) >= limits.waitlistPerContact) throw new Problem(429, 'booking-limit', { detailKey: 'details.waitlistLimit' });
    const id = crypto.randomUUID();
    await q.insertWaitlist(tx, {
      id,
      providerId,
      officeId: body.officeId,
      typeId: body.typeId,
      language: body.language,
      locale: localeFor(body.language, body.locale),
      nameSealed: deps.keys.seal(body.name, `waitlist:${id}:name`),
      emailSealed: deps.keys.seal(body.email, `waitlist:${id}:email`),
      phoneSealed: body.phone ? deps.keys.seal(body.phone, `waitlist:${id}:phone`) : null,
      contactKey: contact,
      fromDate: body.from,
      toDate: body.to,
      // created_at: the database's transaction time (default), which orders the waitlist fairly.
    });
    await recordAudit(tx, actor, { action: 'waitlist.join', recordType: 'waitlist_entry', recordIds: [id], organisationId: providerId }, now);
  });
  return { status: 'waiting', from: body.from, to: body.to };
}

/**
 * A slot was freed (cancelled or moved away): the longest-waiting matching person gets it held for
 * `offerHours` (never past the start) and a mail with a link that books it with the hold token.
 */
export async function offerFreedSlot(deps: Deps, freed: q.AppointmentRow): Promise<boolean> {
  const now = deps.now();
  if (freed.startsAt <= now) return false;
  const limits = limitsOf(deps.config);
  const offer = await deps.db.transaction({ kind: 'tenant', organisationId: freed.providerId }, async (tx) => {
    const { ctx, type } = await officeAndType(tx, freed.officeId, freed.typeId).catch(() => {
      throw notFound();
    });
    const date = berlinWall(freed.startsAt).date;
    for (const entry of await q.nextWaiting(tx, freed.officeId, freed.typeId, date)) {
      const input = await slotInput(tx, ctx, type, { from: date, days: 1, now, language: entry.language, channel: 'staff' });
      const options = assignmentsAt(input, freed.startsAt, date);
      if (options.length === 0) continue;
      const token = newToken();
      const expires = new Date(Math.min(now.getTime() + limits.offerHours * 3_600_000, freed.startsAt.getTime()));
      let hold: q.AppointmentRow;
      try {
        hold = await insertWithFirstFree(tx, options, (a) => ({
          providerId: freed.providerId,
          officeId: freed.officeId,
          typeId: freed.typeId,
          counsellorId: a.counsellorId,
          interpreterId: a.interpreterId,
          status: 'held',
          channel: 'waitlist',
          startsAt: freed.startsAt,
          endsAt: freed.endsAt,
          blockedFrom: new Date(freed.startsAt.getTime() - type.bufferBeforeMinutes * MIN),
          blockedTo: new Date(freed.endsAt.getTime() + type.bufferAfterMinutes * MIN),
          language: entry.language,
          locale: entry.locale,
          tokenHash: tokenHash(token),
          holdExpiresAt: expires,
          requestedAt: now,
        }));
      } catch {
        continue;
      }
      await q.updateWaitlist(tx, entry.id, { status: 'offered', offeredAppointmentId: hold.id, offeredAt: now });
      const params = new URLSearchParams({ office: freed.officeId, type: freed.typeId, start: freed.startsAt.toISOString(), language: entry.language, hold: token });
      return {
        to: deps.keys.open(entry.emailSealed, `waitlist:${entry.id}:email`),
        locale: entry.locale,
        office: ctx.office,
        typeName: type.name,
        link: `${deps.config.publicUrl}/${entry.locale}/appointments/book?${params.toString()}`,
        hours: Math.max(1, Math.round((expires.getTime() - now.getTime()) / 3_600_000)),
      };
    }
    return null;
  });
  if (!offer) return false;
  await sendOffer(deps, { ...offer, start: freed.startsAt });
  return true;
}
