import type { z } from 'zod';
import type { erasePersonBody, ErasureResult, SubjectAccessExport } from '#contracts/subject-access.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { guardConstraints } from '#server/db-errors.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfOrganisations } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { notFound } from '#server/platform/problem.ts';
import type { ErasureSubject, SubjectAccessEntry, SubjectAccessSection } from '#server/platform/subject-access.ts';
import { caseScope, joinPartialDate } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { staleProblem } from './people.service.ts';
import { householdInReach } from './reach.ts';
import { erasePeopleAndHousehold, tombstonesOf } from './subject-access.queries.ts';

/**
 * Subject access (DSGVO Art. 15) and erasure (Art. 17) of one person of a case file. The person and
 * household records are this file's; everything else comes from the sections the modules offer
 * (`deps.subjectAccess`, composed in server/subject-access.ts).
 */

function sectionsOf(deps: Deps): readonly SubjectAccessSection[] {
  if (!deps.subjectAccess) throw new Error('deps.subjectAccess is not composed (server/app.ts composeDeps)');
  return deps.subjectAccess;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function personEntry(p: q.PersonRow): SubjectAccessEntry {
  return {
    familyName: p.familyName,
    givenNames: p.givenNames,
    familyNameOriginal: p.familyNameOriginal,
    givenNamesOriginal: p.givenNamesOriginal,
    otherSpellings: p.otherSpellings,
    birthDate: joinPartialDate(p),
    sex: p.sex,
    relationship: p.relationship,
    nationalities: p.nationalities,
    languages: p.languages,
    interpreterNeeded: p.interpreterNeeded,
    residenceStatus: p.residenceStatusCode,
    residenceParagraph: p.residenceParagraph,
    residenceExpiresOn: p.residenceExpiresOn,
    arrivedOn: p.arrivedOn,
    assignedOn: p.assignedOn,
    integrationCourseOn: p.integrationCourseOn,
    schoolStartOn: p.schoolStartOn,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

function householdEntry(h: q.HouseholdRow, file: q.CaseFileRow | undefined, members: number): SubjectAccessEntry {
  return {
    accommodation: h.accommodation,
    accommodationName: h.accommodationName,
    street: h.street,
    houseNumber: h.houseNumber,
    postcode: h.postcode,
    quarterCode: h.quarterCode,
    regionCode: h.regionCode,
    members,
    openedAt: iso(file?.openedAt ?? null),
    closedAt: iso(file?.closedAt ?? null),
    closeReason: file?.closeReason ?? null,
  };
}

async function personInReach(tx: Tx, staff: StaffActor, action: 'person.export' | 'person.erase', id: string) {
  const person = await q.findPerson(tx, id);
  if (!person || person.mergedIntoId) throw notFound();
  const household = await householdInReach(tx, staff, action, person.householdId);
  return { person, household };
}

/**
 * GET /api/people/:id/subject-access.json (and the PDF built from it): everything the provider
 * holds about the person — the person and household records, and each module's part (consents,
 * assessments, goals, service entries, appointments, who opened the case file), sealed notes
 * opened. What concerns only another member is left out. 404 out of reach; audited as `person.export`.
 */
export async function exportSubjectAccess(deps: Deps, actor: Actor, personId: string, locale: string): Promise<SubjectAccessExport> {
  const staff = authorizeStaff(actor, 'person.export');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { person, household } = await personInReach(tx, staff, 'person.export', personId);
    const members = await q.membersOf(tx, household.id);
    const file = await q.caseFileOfHousehold(tx, household.id);
    const subject = { organisationId: staff.organisationId, householdId: household.id, personId: person.id, otherMemberIds: members.filter((m) => m.id !== person.id).map((m) => m.id), locale };
    const sections = [
      { name: 'person', entries: [personEntry(person)] },
      { name: 'household', entries: [householdEntry(household, file, members.length)] },
    ];
    for (const section of sectionsOf(deps)) sections.push({ name: section.name, entries: await section.collect(tx, deps.keys, subject) });
    const [provider] = await labelsOfOrganisations(tx, [staff.organisationId]);
    await recordAudit(tx, staff, { action: 'person.export', recordType: 'person', recordIds: [person.id, household.id] }, now);
    return { generatedAt: now.toISOString(), provider: { id: staff.organisationId, name: provider?.name ?? '' }, personId: person.id, householdId: household.id, sections };
  });
}

/**
 * Erases people of a household (or the whole household) in the caller's tenant transaction: every
 * module's section first (deleting or anonymising what it holds), then the people (their merged
 * tombstones and search keys too) and, for the whole household, its case file and the household.
 * The statistics rows stay (decision 0014), the audit entries too (ids only). Answers ids and
 * counts. The use case below calls it on request; a retention job may call it for closed cases.
 */
export async function erasePeople(tx: Tx, sections: readonly SubjectAccessSection[], subject: ErasureSubject): Promise<ErasureResult> {
  const personIds = [...subject.personIds, ...(await tombstonesOf(tx, subject.personIds))];
  const full = { ...subject, personIds };
  const counts: Record<string, number> = {};
  for (const section of sections) counts[section.name] = await section.erase(tx, full);
  const gone = await erasePeopleAndHousehold(tx, subject.householdId, personIds, subject.wholeHousehold);
  counts.people = gone.people;
  counts.households = gone.households;
  return { householdId: subject.householdId, personIds: [...subject.personIds], wholeHousehold: subject.wholeHousehold, counts };
}

/**
 * POST /api/people/:id/erase: the provider's administrator erases the person (or the whole
 * household) on request, with a reason code and the person's version read (409 with `current` when
 * it changed). Logged as `person.erase` / `household.erase` with ids, the reason and counts only.
 * A record that no module's section erases yet still pointing at them answers 409 (`details.inUse`).
 */
export async function erasePersonOnRequest(deps: Deps, actor: Actor, personId: string, input: z.infer<typeof erasePersonBody>): Promise<ErasureResult> {
  const staff = authorizeStaff(actor, 'person.erase');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { person, household } = await personInReach(tx, staff, 'person.erase', personId);
    if (person.version !== input.version) throw staleProblem({ id: person.id, version: person.version });
    const members = await q.membersOf(tx, household.id);
    const personIds = input.wholeHousehold ? members.map((m) => m.id) : [person.id];
    // A record no section erases still names them (a gap, decision 0021): 409, nothing erased.
    const result = await guardConstraints(() => erasePeople(tx, sectionsOf(deps), { organisationId: staff.organisationId, householdId: household.id, personIds, wholeHousehold: input.wholeHousehold }));
    const counts = Object.entries(result.counts).map(([name, n]) => `count:${name}=${n}`);
    await recordAudit(tx, staff, { action: input.wholeHousehold ? 'household.erase' : 'person.erase', recordType: input.wholeHousehold ? 'household' : 'person', recordIds: [...personIds, household.id, `reason:${input.reason}`, ...counts] }, now);
    return result;
  });
}
