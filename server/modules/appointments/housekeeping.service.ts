import type { Deps } from '#server/deps.ts';
import * as q from './appointments.queries.ts';
import { offerFreedSlot } from './waitlist.service.ts';

export interface HousekeepingResult {
  expiredOffers: number;
  passedOn: number;
  holds: number;
  idempotencyKeys: number;
  rateLimits: number;
}

/**
 * The appointments' housekeeping job (server/jobs.ts): expired waitlist offers are passed on to
 * the next waiting person, other expired holds, expired idempotency keys (24 h) and the booking's
 * rate-limit counters whose window has passed are deleted. Idempotent and safe with several
 * processes: deletes by condition, offers claimed with `for update skip locked`, each freed slot
 * offered by `offerFreedSlot` (which locks the waitlist entries it offers to).
 */
export async function appointmentsHousekeeping(deps: Deps): Promise<HousekeepingResult> {
  const now = deps.now();
  const result = await deps.db.transaction({ kind: 'system', useCase: 'appointments.housekeeping' }, async (tx) => {
    const offers = await q.takeExpiredOffers(tx, now);
    return {
      offers,
      holds: await q.deleteAllExpiredHolds(tx, now),
      idempotencyKeys: await q.deleteExpiredIdempotency(tx, now),
      rateLimits: await q.deletePassedRateLimits(tx, now),
    };
  });
  let passedOn = 0;
  for (const freed of result.offers) {
    try {
      if (await offerFreedSlot(deps, freed)) passedOn++;
    } catch (err) {
      deps.log?.warn({ err: err instanceof Error ? err.message : 'unknown', appointmentId: freed.id }, 'waitlist offer not passed on');
    }
  }
  return { expiredOffers: result.offers.length, passedOn, holds: result.holds, idempotencyKeys: result.idempotencyKeys, rateLimits: result.rateLimits };
}
