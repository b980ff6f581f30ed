import { and, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { appointment, appointmentResource, appointmentType } from './appointments.schema.ts';

/** The SQL of the subject access export and erasure of appointments booked from a case file (tenant scope). */

/** Appointments booked for the person, or for the household as a whole, newest first. */
export async function appointmentsFor(tx: Tx, householdId: string, personId: string) {
  return tx
    .select({
      id: appointment.id,
      officeId: appointment.officeId,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      status: appointment.status,
      language: appointment.language,
      typeName: appointmentType.name,
      counsellorName: appointmentResource.displayName,
    })
    .from(appointment)
    .innerJoin(appointmentType, eq(appointmentType.id, appointment.typeId))
    .innerJoin(appointmentResource, eq(appointmentResource.id, appointment.counsellorId))
    .where(and(eq(appointment.householdId, householdId), or(eq(appointment.personId, personId), isNull(appointment.personId)), ne(appointment.status, 'held')))
    .orderBy(desc(appointment.startsAt));
}

/**
 * The appointments of the erased people (or of the whole household) keep their slot in the office's
 * calendar and its counts, but lose whom they were for and every sealed contact detail and note.
 */
export async function anonymiseAppointments(tx: Tx, householdId: string, personIds: readonly string[], wholeHousehold: boolean): Promise<number> {
  const rows = await tx
    .update(appointment)
    .set({ householdId: null, personId: null, nameSealed: null, emailSealed: null, phoneSealed: null, noteSealed: null, contactKey: null })
    .where(and(eq(appointment.householdId, householdId), wholeHousehold ? undefined : inArray(appointment.personId, [...personIds])))
    .returning({ id: appointment.id });
  return rows.length;
}
