import type { Tx } from '#server/db.ts';
import type { StaffActor } from '#server/modules/identity/identity.public.ts';
import { notFound } from '#server/platform/problem.ts';
import * as q from './cases.queries.ts';
import { householdInReach } from './reach.ts';

/**
 * The household a staff booking names, within the actor's reach for reading its case (another
 * provider's or region's household answers exactly like an unknown one), and the person it is for,
 * who must be a current member (a merged duplicate is gone). Returns the ids to store on the appointment.
 */
export async function caseLinkForAppointment(tx: Tx, staff: StaffActor, householdId: string, personId: string | undefined): Promise<{ householdId: string; personId: string | null }> {
  const household = await householdInReach(tx, staff, 'case.read', householdId);
  if (personId === undefined) return { householdId: household.id, personId: null };
  const person = await q.findPerson(tx, personId);
  if (!person || person.householdId !== household.id || person.mergedIntoId) throw notFound();
  return { householdId: household.id, personId: person.id };
}
