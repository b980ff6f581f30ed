import type { Tx } from '#server/db.ts';
import { sqlState } from '#server/db-errors.ts';
import * as q from './appointments.queries.ts';
import { slotTaken } from './booking.service.ts';
import type { Assignment } from './slots.ts';

const MIN = 60_000;

/**
 * Moves a booking to a new start in place (same row, code and link), trying the free assignments
 * in turn: the exclusion constraints judge the row's new range, its old range no longer counts, and
 * a conflict (23P01) moves on to the next option. None left: the time is taken.
 */
export async function moveInPlace(
  tx: Tx,
  appointmentId: string,
  type: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number },
  start: Date,
  options: Pick<Assignment, 'counsellorId' | 'interpreterId'>[],
): Promise<q.AppointmentRow> {
  for (const a of options) {
    try {
      const moved = await tx.transaction((sp) =>
        q.updateAppointment(sp, appointmentId, {
          counsellorId: a.counsellorId,
          interpreterId: a.interpreterId,
          startsAt: start,
          endsAt: new Date(start.getTime() + type.durationMinutes * MIN),
          blockedFrom: new Date(start.getTime() - type.bufferBeforeMinutes * MIN),
          blockedTo: new Date(start.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * MIN),
          remindedAt: null,
        }),
      );
      if (moved) return moved;
    } catch (error) {
      if (sqlState(error) !== '23P01') throw error;
    }
  }
  throw slotTaken();
}
