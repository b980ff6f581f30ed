import type { z } from 'zod';
import { mayOnRecord, roleMay } from '#contracts/actions.ts';
import type { addMemberBody, createHouseholdBody, Household, PersonInput, updateHouseholdBody } from '#contracts/cases.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfAccounts } from '#server/modules/identity/identity.public.ts';
import { placeOf, regionByCode } from '#server/modules/regions/regions.public.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { invalid, type FieldError } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { caseScope, caseStatusOf, householdPermittedActions } from './cases.policy.ts';
import { presentCaseFile, presentHousehold, presentPerson, type PlaceLabels } from './cases.presenters.ts';
import * as q from './cases.queries.ts';
import { householdInReach } from './reach.ts';
import { duplicateProblem, likelyDuplicates, personValues, regionFilter, residenceErrors, residenceLabels, spellingKeys, staleProblem } from './people.service.ts';
import * as search from './search.queries.ts';

type HouseholdFields = Pick<z.infer<typeof createHouseholdBody>, 'accommodation' | 'accommodationName' | 'street' | 'houseNumber' | 'postcode' | 'quarterCode' | 'regionCode'>;

/**
 * Where a household lies: its quarter gives member and region (regions module, on today's date);
 * without a quarter the region chosen from the list. Field errors when neither is known, or the
 * region lies outside the actor's regions.
 */
async function locate(tx: Tx, staff: StaffActor, fields: HouseholdFields, at: string): Promise<{ place: PlaceLabels; memberCode: string | null }> {
  let place: PlaceLabels | null = null;
  let memberCode: string | null = null;
  if (fields.quarterCode) {
    const found = await placeOf(tx, { quarterCode: fields.quarterCode, memberCode: null }, at);
    if (!found) throw invalid([{ field: 'quarterCode', key: 'field.invalidOption' }]);
    memberCode = found.member.code;
    place = { quarter: found.quarter, member: { code: found.member.code, name: found.member.name }, region: found.region };
  } else if (fields.regionCode) {
    const region = await regionByCode(tx, fields.regionCode);
    if (!region) throw invalid([{ field: 'regionCode', key: 'field.invalidOption' }]);
    place = { quarter: null, member: null, region: { code: region.code, name: region.name } };
  }
  if (!place) throw invalid([{ field: 'quarterCode', key: 'field.quarterOrRegion' }]);
  if (!mayOnRecord(staff, 'case.create', { organisationId: staff.organisationId, regionCode: place.region.code })) {
    throw invalid([{ field: fields.quarterCode ? 'quarterCode' : 'regionCode', key: 'field.outsideYourRegions' }]);
  }
  return { place, memberCode };
}

async function placeLabels(tx: Tx, h: q.HouseholdRow, at: string): Promise<PlaceLabels> {
  if (h.quarterCode) {
    const found = await placeOf(tx, { quarterCode: h.quarterCode, memberCode: h.memberCode }, at);
    if (found) return { quarter: found.quarter, member: { code: found.member.code, name: found.member.name }, region: found.region };
  }
  const region = await regionByCode(tx, h.regionCode);
  return { quarter: null, member: null, region: { code: h.regionCode, name: region?.name ?? h.regionCode } };
}

/** The household as the staff app shows it: place, people, case file with its assignees, permitted actions. */
export async function buildHousehold(deps: Pick<Deps, 'now' | 'config'>, tx: Tx, staff: StaffActor, h: q.HouseholdRow, locale: string): Promise<Household> {
  const now = deps.now();
  const labels = await residenceLabels(tx);
  const members = (await q.membersOf(tx, h.id)).map((p) => presentPerson(p, labels, locale));
  const file = await q.caseFileOfHousehold(tx, h.id);
  let caseFile: Household['caseFile'] = null;
  if (file) {
    const ids = await q.assigneesOf(tx, file.id);
    const names = new Map((await labelsOfAccounts(tx, ids)).map((a) => [a.id, a.displayName]));
    caseFile = presentCaseFile(file, ids.map((id) => ({ id, displayName: names.get(id) ?? '' })), now, deps.config.cases.dormantAfterDays);
  }
  return presentHousehold(h, await placeLabels(tx, h, berlinDate(now)), members, caseFile, householdPermittedActions(staff, h));
}

function headErrors(members: readonly { relationship: string }[]): FieldError[] {
  const heads = members.flatMap((m, i) => (m.relationship === 'head' ? [i] : []));
  if (heads.length === 1) return [];
  if (heads.length === 0) return [{ field: 'members.0.relationship', key: 'field.oneHead' }];
  return heads.slice(1).map((i) => ({ field: `members.${i}.relationship`, key: 'field.oneHead' }));
}

/** Where a household lives, as stored: accommodation, address, quarter, member and region. */
function whereItLives(input: Omit<z.infer<typeof updateHouseholdBody>, 'version'>, memberCode: string | null, regionCode: string) {
  const { accommodation, accommodationName, street, houseNumber, postcode, quarterCode } = input;
  return { accommodation, accommodationName, street, houseNumber, postcode, quarterCode, memberCode, regionCode };
}

/**
 * POST /api/households: a household with its people and its case file, opened at once and
 * assigned to the social worker creating it. Search before create: likely duplicates of any
 * member answer 409 with the candidates unless `confirmNotDuplicate`.
 */
export async function createHousehold(deps: Deps, actor: Actor, input: z.infer<typeof createHouseholdBody>, locale: string): Promise<Household> {
  const staff = authorizeStaff(actor, 'case.create');
  const now = deps.now();
  const heads = headErrors(input.members);
  if (heads.length) throw invalid(heads);
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { place, memberCode } = await locate(tx, staff, input, berlinDate(now));
    const labels = await residenceLabels(tx);
    const errors = input.members.flatMap((m, i) => residenceErrors(m, labels, `members.${i}.`));
    if (errors.length) throw invalid(errors);
    if (!input.confirmNotDuplicate) {
      const candidates = await likelyDuplicates(tx, staff, input.members);
      if (candidates.length) throw duplicateProblem(candidates);
    }
    const { household: h, file, personIds } = await insertHouseholdWithPeople(tx, staff, whereItLives(input, memberCode, place.region.code), input.members, now);
    await recordAudit(tx, staff, { action: 'household.create', recordType: 'household', recordIds: [h.id, file.id, ...personIds] }, now);
    return buildHousehold(deps, tx, staff, h, locale);
  });
}

/**
 * The household, its people with their search keys and its case file, opened now and assigned to
 * the social worker creating it: what a new household and an accepted transfer (transfers.service.ts)
 * both write, in the caller's transaction, after their own checks.
 */
export async function insertHouseholdWithPeople(tx: Tx, staff: StaffActor, where: ReturnType<typeof whereItLives>, members: readonly PersonInput[], now: Date) {
  const household = await q.insertHousehold(tx, { organisationId: staff.organisationId, ...where, createdAt: now, updatedAt: now });
  const personIds: string[] = [];
  for (const m of members) {
    const p = await q.insertPerson(tx, { ...personValues(m), organisationId: staff.organisationId, householdId: household.id, createdAt: now, updatedAt: now });
    await search.insertNameKeys(tx, staff.organisationId, p.id, spellingKeys(p));
    personIds.push(p.id);
  }
  const file = await q.insertCaseFile(tx, { organisationId: staff.organisationId, householdId: household.id, openedAt: now, createdAt: now });
  if (roleMay(staff.role, 'case.carry')) await q.replaceAssignees(tx, file.id, staff.organisationId, [staff.accountId], now);
  return { household, file, personIds };
}

/** Where a household of a region lives before its address is known (an accepted transfer): the region only. */
export async function placeInRegion(tx: Tx, staff: StaffActor, regionCode: string, accommodation: HouseholdFields['accommodation'], at: string) {
  const fields = { accommodation, accommodationName: '', street: '', houseNumber: '', postcode: '', quarterCode: null, regionCode };
  const { place, memberCode } = await locate(tx, staff, fields, at);
  return whereItLives(fields, memberCode, place.region.code);
}

/** GET /api/households/:id — the household at a glance. Every view is audited (case.read). */
export async function readHousehold(deps: Deps, actor: Actor, id: string, locale: string): Promise<Household> {
  const staff = authorizeStaff(actor, 'case.read');
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const h = await householdInReach(tx, staff, 'case.read', id);
    const household = await buildHousehold(deps, tx, staff, h, locale);
    await recordAudit(tx, staff, { action: 'case.read', recordType: 'household', recordIds: [h.id, ...(household.caseFile ? [household.caseFile.id] : [])] }, deps.now());
    return household;
  });
}

/** PATCH /api/households/:id with the version read: 409 with the current household when it changed meanwhile. */
export async function updateHousehold(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateHouseholdBody>, locale: string): Promise<Household> {
  const staff = authorizeStaff(actor, 'case.edit');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const h = await householdInReach(tx, staff, 'case.edit', id);
    const { place, memberCode } = await locate(tx, staff, input, berlinDate(now));
    const updated = await q.updateHouseholdAt(
      tx,
      id,
      input.version,
      whereItLives(input, memberCode, place.region.code),
      now,
    );
    if (!updated) throw staleProblem(await buildHousehold(deps, tx, staff, h, locale));
    await recordAudit(tx, staff, { action: 'household.update', recordType: 'household', recordIds: [id] }, now);
    return buildHousehold(deps, tx, staff, updated, locale);
  });
}

/** POST /api/households/:id/members: one more person (search before create, as for a new household). */
export async function addMember(deps: Deps, actor: Actor, id: string, input: z.infer<typeof addMemberBody>, locale: string): Promise<Household> {
  const staff = authorizeStaff(actor, 'case.edit');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const h = await householdInReach(tx, staff, 'case.edit', id);
    const labels = await residenceLabels(tx);
    const errors = residenceErrors(input, labels, '');
    if (input.relationship === 'head' && (await q.membersOf(tx, h.id)).some((m) => m.relationship === 'head')) errors.push({ field: 'relationship', key: 'field.oneHead' });
    if (errors.length) throw invalid(errors);
    if (!input.confirmNotDuplicate) {
      const candidates = await likelyDuplicates(tx, staff, [input]);
      if (candidates.length) throw duplicateProblem(candidates);
    }
    const p = await q.insertPerson(tx, { ...personValues(input), organisationId: staff.organisationId, householdId: h.id, createdAt: now, updatedAt: now });
    await search.insertNameKeys(tx, staff.organisationId, p.id, spellingKeys(p));
    await q.touchHousehold(tx, h.id, now);
    await recordAudit(tx, staff, { action: 'person.create', recordType: 'person', recordIds: [p.id, h.id] }, now);
    return buildHousehold(deps, tx, staff, h, locale);
  });
}

/** GET /api/households: the most recently changed households within reach (the head's name, size, status); audited with the ids shown. */
export async function listHouseholds(deps: Deps, actor: Actor, input: { limit: number }) {
  const staff = authorizeStaff(actor, 'case.read');
  const now = deps.now();
  const rows = await deps.db.transaction(caseScope(staff), async (tx) => {
    const found = await q.recentHouseholds(tx, regionFilter(staff, 'case.read'), input.limit);
    await recordAudit(tx, staff, { action: 'case.list', recordType: 'household', recordIds: found.map((r) => r.id) }, now);
    return found;
  });
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.regionCode,
    accommodation: r.accommodation,
    head: r.head,
    memberCount: r.memberCount,
    status: r.openedAt ? caseStatusOf({ openedAt: r.openedAt, lastContactAt: r.lastContactAt, closedAt: r.closedAt }, now, deps.config.cases.dormantAfterDays) : null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}
