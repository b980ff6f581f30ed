/**
 * What other modules may call of case work (households, people, case files). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { seedResidenceStatuses } from './reference.ts';
export { seedSpecialistCriteria } from './specialist-criteria.ts';
/** Demo content: households of every demo provider (in the demo seed's transaction). */
export { seedDemoHouseholds } from './demo.seed.ts';
/** Demo support plans with goals due around today, case files assigned to the region's demo social worker (in the demo seed's transaction). */
export { seedDemoPlans } from './demo.plans.ts';
/** Demo needs assessments with their history per area, one household's Grundleistung year closing (in the demo seed's transaction). */
export { seedDemoAssessments } from './demo.assessments.ts';
/** Demo service entries of the last weeks with their statistics rows (in the demo seed's transaction). */
export { seedDemoServiceEntries } from './demo.service-entries.ts';
/** Demo quick contacts at every provider's office over the last two weeks, anonymous, with their statistics rows (in the demo seed's transaction). */
export { seedDemoQuickContacts } from './demo.quick-contacts.ts';
export { seedDemoConsents } from './demo.consents.ts';
/** Demo referrals to partners, covered by the demo consents, one with its follow-up on the worklist (in the demo seed's transaction). */
export { seedDemoReferrals } from './demo.referrals.ts';
/** Demo letters with their deadlines, the files made in code and sealed (in the demo seed's transaction). */
export { seedDemoLetters } from './demo.letters.ts';
/** Demo Fachleistungen: an approval with hours booked and a request waiting, per region (in the demo seed's transaction). */
export { seedDemoSpecialistRequests } from './demo.specialist-requests.ts';
/** Demo transfers: one household coming in to every region's provider, pending, with the consents that cover it (in the demo seed's transaction). */
export { seedDemoTransfers } from './demo.transfers.ts';
/** Demo retention: one household per provider whose case file was closed long enough ago to be due for erasure (in the demo seed's transaction). */
export { seedDemoRetention } from './demo.retention.ts';
/** `lotse demo generate --households N`: generated households for trying Lotse at scale and the benchmark. */
export { generateDemoHouseholds } from './demo.generate.ts';
/** Appointments and case files: the household (and the person of it) within reach for reading the case, else 404 alike an unknown one. */
export { caseLinkForAppointment } from './booking-link.ts';
/** Referrals and transfers: whether a valid consent covers a person, purpose and recipient at a moment, or what is missing (pure, and in the caller's tenant transaction). */
export { consentCovers, type ConsentAnswer, type ConsentQuestion } from './consents.policy.ts';
export { consentCoversPerson } from './consents.service.ts';
/** `lotse keys rotate`: the sealed columns of case work. */
export { CASE_SEALED_COLUMNS } from './sealed-fields.ts';
/** Subject access and erasure (server/subject-access.ts): consents, assessments, goals and service entries of a person. */
export { CASE_SUBJECT_ACCESS } from './subject-access.sections.ts';
/** The retention job (closed cases after their period) erases through the same function as a request, in its tenant transaction, with deps.subjectAccess. */
export { erasePeople } from './subject-access.service.ts';
/** The daily retention job: every provider's closed case files due for erasure, each provider in its tenant scope. */
export { runRetention } from './retention.service.ts';
