import type { z } from 'zod';
import { reachOf } from '#contracts/actions.ts';
import type { mergePersonBody, PersonInput, personSearchBody, SearchCandidate, updatePersonBody } from '#contracts/cases.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { authorizeRecord, authorizeStaff } from '#server/platform/authorize.ts';
import { invalid, notFound, Problem, type FieldError } from '#server/platform/problem.ts';
import { birthDateFit, caseScope, householdRecord, joinPartialDate, splitPartialDate } from './cases.policy.ts';
import { presentCandidate, presentPerson, type ResidenceLabel } from './cases.presenters.ts';
import * as q from './cases.queries.ts';
import { nameKeys } from './names.ts';
import * as search from './search.queries.ts';

/** The regions a search or list is bound to: a region-bound role's assignment, else none (null: all). */
export function regionFilter(staff: StaffActor, action: 'person.search' | 'case.read'): readonly string[] | null {
  return reachOf(staff.role, action) === 'region' ? staff.regionCodes : null;
}

/** Every spelling of a person on record, each once (by its keys). */
export function spellingKeys(p: { givenNames: string; familyName: string; givenNamesOriginal: string; familyNameOriginal: string; otherSpellings: readonly string[] }): search.NameKeyValues[] {
  const spellings = [`${p.givenNames} ${p.familyName}`, `${p.givenNamesOriginal} ${p.familyNameOriginal}`, ...p.otherSpellings].map((s) => s.trim()).filter((s) => s.length > 0);
  const seen = new Set<string>();
  const keys: search.NameKeyValues[] = [];
  for (const spelling of spellings) {
    const k = nameKeys(spelling);
    const id = `${k.latin}|${k.skeleton}|${spelling}`;
    if (!k.latin || seen.has(id)) continue;
    seen.add(id);
    keys.push({ spelling, ...k });
  }
  return keys;
}

/** The columns of a person from what was entered. */
export function personValues(input: PersonInput) {
  return {
    relationship: input.relationship,
    familyName: input.familyName,
    givenNames: input.givenNames,
    familyNameOriginal: input.familyNameOriginal,
    givenNamesOriginal: input.givenNamesOriginal,
    otherSpellings: input.otherSpellings,
    ...splitPartialDate(input.birthDate),
    sex: input.sex,
    nationalities: input.nationalities,
    languages: input.languages,
    interpreterNeeded: input.interpreterNeeded,
    residenceStatusCode: input.residence?.code ?? null,
    residenceParagraph: input.residence?.paragraph ?? '',
    residenceExpiresOn: input.residence?.expiresOn ?? null,
    arrivedOn: input.arrivedOn,
    assignedOn: input.assignedOn,
    integrationCourseOn: input.integrationCourseOn,
    schoolStartOn: input.schoolStartOn,
  };
}

/** The city's residence statuses with their labels (a small list, read whole). */
export async function residenceLabels(tx: Tx): Promise<Map<string, ResidenceLabel & { paragraphRequired: boolean; active: boolean }>> {
  const rows = await q.residenceStatuses(tx);
  return new Map(rows.map((r) => [r.code, { name: r.name, group: r.group, paragraphRequired: r.paragraphRequired, active: r.active }]));
}

/** Field errors of a person's residence status: a code on the list, the paragraph where the status needs one. */
export function residenceErrors(input: PersonInput, labels: Awaited<ReturnType<typeof residenceLabels>>, prefix: string): FieldError[] {
  if (!input.residence) return [];
  const status = labels.get(input.residence.code);
  if (!status) return [{ field: `${prefix}residence.code`, key: 'field.invalidOption' }];
  if (status.paragraphRequired && !input.residence.paragraph) return [{ field: `${prefix}residence.paragraph`, key: 'field.paragraphRequired' }];
  return [];
}

const LIKELY = 0.8;

/**
 * Candidates for a name (and date of birth) within the actor's reach, best first: the name
 * similarity, raised a little by the same date of birth, lowered by a different one.
 */
export async function findCandidates(tx: Tx, staff: StaffActor, query: string, birthDate: string | null, limit: number): Promise<SearchCandidate[]> {
  const keys = nameKeys(query);
  if (!keys.latin) return [];
  const hits = await search.searchPeople(tx, keys, regionFilter(staff, 'person.search'), limit * 2);
  return hits
    .map((hit) => {
      const base = Math.max(hit.nameScore, 0.95 * hit.skeletonScore, 0.8 * hit.phoneticScore);
      const fit = birthDateFit(birthDate, joinPartialDate(hit));
      const score = fit === 'same' ? Math.min(1, base + 0.1) : fit === 'conflict' ? base - 0.3 : base;
      return presentCandidate(hit, Math.max(0, score));
    })
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId))
    .slice(0, limit);
}

/** Likely duplicates of people about to be created: any spelling close enough, no conflicting date of birth. */
export async function likelyDuplicates(tx: Tx, staff: StaffActor, people: readonly PersonInput[]): Promise<SearchCandidate[]> {
  const found = new Map<string, SearchCandidate>();
  for (const p of people) {
    for (const k of spellingKeys({ ...p, otherSpellings: p.otherSpellings })) {
      for (const c of await findCandidates(tx, staff, k.spelling, p.birthDate, 5)) {
        if (c.score >= LIKELY && (found.get(c.personId)?.score ?? 0) < c.score) found.set(c.personId, c);
      }
    }
  }
  return [...found.values()].sort((a, b) => b.score - a.score);
}

export const duplicateProblem = (candidates: SearchCandidate[]): Problem => new Problem(409, 'conflict', { detailKey: 'details.likelyDuplicate', extensions: { candidates } });
export const staleProblem = (current: unknown): Problem => new Problem(409, 'conflict', { detailKey: 'details.changedMeanwhile', extensions: { current } });

/** POST /api/people/search: search before create, across scripts and spellings. Audited with the ids shown. */
export async function searchPeople(deps: Deps, actor: Actor, input: z.infer<typeof personSearchBody>): Promise<{ candidates: SearchCandidate[] }> {
  const staff = authorizeStaff(actor, 'person.search');
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const candidates = await findCandidates(tx, staff, input.query, input.birthDate, input.limit);
    await recordAudit(tx, staff, { action: 'person.search', recordType: 'person', recordIds: candidates.map((c) => c.personId) }, deps.now());
    return { candidates };
  });
}

/** A person of a household within reach (merged records are gone: 404), with the household for the record rule. */
async function personInReach(tx: Tx, staff: StaffActor, action: 'case.read' | 'case.edit' | 'person.merge', id: string) {
  const row = await q.findPerson(tx, id);
  if (!row || row.mergedIntoId) throw notFound();
  const household = await q.findHousehold(tx, row.householdId);
  if (!household) throw notFound();
  authorizeRecord(staff, action, householdRecord(household));
  return { row, household };
}

/** GET /api/people/:id — every view is audited (person.read). */
export async function readPerson(deps: Deps, actor: Actor, id: string, locale: string) {
  const staff = authorizeStaff(actor, 'case.read');
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { row } = await personInReach(tx, staff, 'case.read', id);
    await recordAudit(tx, staff, { action: 'person.read', recordType: 'person', recordIds: [row.id] }, deps.now());
    return presentPerson(row, await residenceLabels(tx), locale);
  });
}

/** PATCH /api/people/:id with the version read: 409 with the current person when it changed meanwhile. */
export async function updatePerson(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updatePersonBody>, locale: string) {
  const staff = authorizeStaff(actor, 'case.edit');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { row } = await personInReach(tx, staff, 'case.edit', id);
    const labels = await residenceLabels(tx);
    const errors = residenceErrors(input, labels, '');
    if (input.relationship === 'head' && row.relationship !== 'head' && (await q.membersOf(tx, row.householdId)).some((m) => m.relationship === 'head')) {
      errors.push({ field: 'relationship', key: 'field.oneHead' });
    }
    if (errors.length) throw invalid(errors);
    const updated = await q.updatePersonAt(tx, id, input.version, personValues(input), now);
    if (!updated) throw staleProblem(presentPerson(row, labels, locale));
    await search.deleteNameKeys(tx, id);
    await search.insertNameKeys(tx, staff.organisationId, id, spellingKeys(updated));
    await q.touchHousehold(tx, updated.householdId, now);
    await recordAudit(tx, staff, { action: 'person.update', recordType: 'person', recordIds: [id] }, now);
    return presentPerson(updated, labels, locale);
  });
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

/**
 * POST /api/people/:id/merge — a duplicate (`id`) goes into the record that stays (`intoId`): its
 * spellings become other spellings, facts the kept record lacks are taken over, and the duplicate
 * stays behind as a tombstone pointing to the kept one; what other modules hold of the duplicate
 * (appointments) moves to the kept one through `deps.personMerged`. Both versions must be the ones read.
 */
export async function mergePerson(deps: Deps, actor: Actor, id: string, input: z.infer<typeof mergePersonBody>, locale: string) {
  const staff = authorizeStaff(actor, 'person.merge');
  if (id === input.intoId) throw invalid([{ field: 'intoId', key: 'field.sameRecord' }]);
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const gone = await personInReach(tx, staff, 'person.merge', id);
    const kept = await personInReach(tx, staff, 'person.merge', input.intoId);
    const labels = await residenceLabels(tx);
    const g = gone.row;
    const k = kept.row;
    const spellings = [`${g.givenNames} ${g.familyName}`, `${g.givenNamesOriginal} ${g.familyNameOriginal}`, ...g.otherSpellings].map((s) => s.trim()).filter(Boolean);
    const birth = k.birthYear !== null && (k.birthDay !== null || g.birthYear === null) ? k : g;
    const updated = await q.updatePersonAt(
      tx,
      k.id,
      input.intoVersion,
      {
        otherSpellings: union(k.otherSpellings, spellings).filter((s) => s !== `${k.givenNames} ${k.familyName}`.trim()),
        familyNameOriginal: k.familyNameOriginal || g.familyNameOriginal,
        givenNamesOriginal: k.givenNamesOriginal || g.givenNamesOriginal,
        birthYear: birth.birthYear,
        birthMonth: birth.birthMonth,
        birthDay: birth.birthDay,
        sex: k.sex ?? g.sex,
        nationalities: union(k.nationalities, g.nationalities).slice(0, 4),
        languages: union(k.languages, g.languages).slice(0, 8),
        interpreterNeeded: k.interpreterNeeded || g.interpreterNeeded,
        residenceStatusCode: k.residenceStatusCode ?? g.residenceStatusCode,
        residenceParagraph: k.residenceStatusCode ? k.residenceParagraph : g.residenceParagraph,
        residenceExpiresOn: k.residenceStatusCode ? k.residenceExpiresOn : g.residenceExpiresOn,
        arrivedOn: k.arrivedOn ?? g.arrivedOn,
        assignedOn: k.assignedOn ?? g.assignedOn,
        integrationCourseOn: k.integrationCourseOn ?? g.integrationCourseOn,
        schoolStartOn: k.schoolStartOn ?? g.schoolStartOn,
      },
      now,
    );
    if (!updated) throw staleProblem(presentPerson(k, labels, locale));
    const tombstone = await q.updatePersonAt(tx, g.id, input.version, { mergedIntoId: k.id, mergedAt: now }, now);
    if (!tombstone) throw staleProblem(presentPerson(g, labels, locale));
    // Other modules' records of the duplicate (its appointments) follow the record that stays.
    await deps.personMerged?.(tx, { id: g.id }, { id: k.id, householdId: k.householdId });
    await search.deleteNameKeys(tx, g.id);
    await search.deleteNameKeys(tx, k.id);
    await search.insertNameKeys(tx, staff.organisationId, k.id, spellingKeys(updated));
    await q.touchHousehold(tx, k.householdId, now);
    await recordAudit(tx, staff, { action: 'person.merge', recordType: 'person', recordIds: [k.id, g.id] }, now);
    return presentPerson(updated, labels, locale);
  });
}
