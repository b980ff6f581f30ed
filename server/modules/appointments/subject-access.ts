import { labelsOfOffices } from '#server/modules/offices/offices.public.ts';
import type { SubjectAccessSection } from '#server/platform/subject-access.ts';
import * as q from './subject-access.queries.ts';

/** The appointments booked from a person's case file, for the subject access export and erasure (server/subject-access.ts). */
export const APPOINTMENT_SUBJECT_ACCESS: readonly SubjectAccessSection[] = [
  {
    name: 'appointments',
    async collect(tx, _keys, subject) {
      const rows = await q.appointmentsFor(tx, subject.householdId, subject.personId);
      const offices = new Map((await labelsOfOffices(tx, [...new Set(rows.map((r) => r.officeId))])).map((o) => [o.id, o.name]));
      return rows.map((r) => ({
        start: r.startsAt.toISOString(),
        end: r.endsAt.toISOString(),
        office: offices.get(r.officeId) ?? '',
        type: r.typeName,
        counsellor: r.counsellorName,
        language: r.language,
        status: r.status,
      }));
    },
    erase: (tx, subject) => q.anonymiseAppointments(tx, subject.householdId, subject.personIds, subject.wholeHousehold),
  },
];
