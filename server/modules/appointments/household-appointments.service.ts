import type { z } from 'zod';
import type { HouseholdAppointment, householdAppointmentsQuery } from '#contracts/appointments.ts';
import type { Deps, PersonMerged } from '#server/deps.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import { caseLinkForAppointment } from '#server/modules/cases/cases.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { labelsOfOffices } from '#server/modules/offices/offices.public.ts';
import * as q from './appointments.queries.ts';

/**
 * GET /api/households/:id/appointments: the appointments booked from a household's case file, newest
 * first, for those who may read the case (another provider's household: 404 as unknown). Audited as a
 * read of the household and of each appointment listed.
 */
export async function listHouseholdAppointments(deps: Deps, actor: Actor, householdId: string, query: z.infer<typeof householdAppointmentsQuery>): Promise<{ appointments: HouseholdAppointment[] }> {
  const staff = authorizeStaff(actor, 'case.read');
  const now = deps.now();
  return deps.db.transaction({ kind: 'tenant', organisationId: staff.organisationId }, async (tx) => {
    const link = await caseLinkForAppointment(tx, staff, householdId, undefined);
    const rows = await q.appointmentsOfHousehold(tx, link.householdId, query.limit);
    const offices = new Map((await labelsOfOffices(tx, [...new Set(rows.map((r) => r.officeId))])).map((o) => [o.id, o.name]));
    await recordAudit(tx, staff, { action: 'appointment.list', recordType: 'appointment', recordIds: [link.householdId, ...rows.map((r) => r.id)] }, now);
    return {
      appointments: rows.map((r) => ({
        id: r.id,
        code: r.code,
        start: r.startsAt.toISOString(),
        end: r.endsAt.toISOString(),
        status: r.status,
        office: { id: r.officeId, name: offices.get(r.officeId) ?? '' },
        type: { name: r.typeName, kind: r.typeKind },
        counsellor: r.counsellorName,
        language: r.language,
        personId: r.personId,
      })),
    };
  });
}

/**
 * Two person records were merged (`deps.personMerged`, composed in server/app.ts, run in the merge's
 * transaction): the duplicate's appointments now name the record that stays and its household, so
 * that household's case file lists them and no appointment points to a tombstone.
 */
export const moveAppointmentsOfMergedPerson: PersonMerged = async (tx, gone, kept) => {
  await q.movePersonAppointments(tx, gone.id, { personId: kept.id, householdId: kept.householdId });
};
