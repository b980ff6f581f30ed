import { APPOINTMENT_SUBJECT_ACCESS } from '#server/modules/appointments/appointments.public.ts';
import { AUDIT_SUBJECT_ACCESS } from '#server/modules/audit/audit.public.ts';
import { CASE_SUBJECT_ACCESS } from '#server/modules/cases/cases.public.ts';
import type { SubjectAccessSection } from '#server/platform/subject-access.ts';

/**
 * Every module's part of the subject access export and of erasure (composition root, like
 * server/sealed-columns.ts), in the order the export shows them and the erasure runs them: what
 * refers to a person or household goes before the case work it may point to; the audit entries
 * last (shown, never erased). Composed into `deps.subjectAccess` by server/app.ts. A module that
 * starts keeping something about a person offers its section through its public file and is listed
 * here (decision 0021). A record no section erases that still names the erased people makes the
 * foreign key refuse: the erasure answers 409 (retention lists the file as blocked) and erases nothing.
 */
export const SUBJECT_ACCESS_SECTIONS: readonly SubjectAccessSection[] = [...APPOINTMENT_SUBJECT_ACCESS, ...CASE_SUBJECT_ACCESS, ...AUDIT_SUBJECT_ACCESS];
