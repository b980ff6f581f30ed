import type { z } from 'zod';
import type { applySpecialistBody, CityRequest, CityRequestList, cityRequestQuery, decideSpecialistBody, SpecialistRequest, SpecialistRequestList, submitSpecialistBody } from '#contracts/specialist-requests.ts';
import type { DbScope, Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import { catalogLabel, serviceById } from '#server/modules/catalog/catalog.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfAccounts, labelsOfOrganisations } from '#server/modules/identity/identity.public.ts';
import { authorizeRecord, authorizeStaff, permittedActions } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound } from '#server/platform/problem.ts';
import { caseScope, householdRecord } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { staleProblem } from './people.service.ts';
import { caseFileInReach, householdInReach } from './reach.ts';
import { applicationErrors, approvalErrors, CITY_REQUEST_ACTIONS, hoursOf, newPseudonym, PROVIDER_REQUEST_ACTIONS } from './specialist-requests.policy.ts';
import * as s from './specialist-requests.queries.ts';
import { thresholdOf } from './specialist-settings.service.ts';

/**
 * Fachleistung requests (decision 0016). The provider's side runs in its tenant scope under the
 * case record rule; the city's side in the city scope, where RLS shows submitted and decided
 * requests only, and every view or decision is written into the provider's audit chain as well
 * as the city's. The city never reads the household: the request carries its region and pseudonym.
 */

type Row = s.SpecialistRequestRow;
type Labels = Map<string, string>;

async function criteriaLabels(tx: Tx, locale: string): Promise<{ labels: Labels; active: { code: string; label: string }[] }> {
  const rows = await s.listCriteria(tx);
  const labels = new Map(rows.map((r) => [r.code, catalogLabel(r.name, locale, r.code)]));
  return { labels, active: rows.filter((r) => r.active).map((r) => ({ code: r.code, label: labels.get(r.code) ?? r.code })) };
}

/** Minutes delivered within an approval's period: the household's service entries in the `specialist` block (tenant scope). */
async function deliveredMinutes(tx: Tx, row: Row): Promise<number | null> {
  // An anonymised request (its household erased) has no service entries left to count.
  if (row.status !== 'approved' || !row.approvedFrom || !row.approvedUntil || row.householdId === null) return null;
  let minutes = 0;
  for (const r of await s.minutesByService(tx, row.householdId, row.approvedFrom, row.approvedUntil)) {
    if ((await serviceById(tx, r.serviceId))?.blockCode === 'specialist') minutes += r.minutes;
  }
  return minutes;
}

function core(row: Row, labels: Labels, delivered: number | null, actions: string[]) {
  return {
    id: row.id,
    kind: row.kind,
    extendsId: row.extendsId,
    state: row.status,
    regionCode: row.regionCode,
    criteria: row.criteria.map((code) => ({ code, label: labels.get(code) ?? code })),
    forecastHours: row.forecastHours,
    justification: row.justification,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    approvedHours: row.approvedHours,
    approvedFrom: row.approvedFrom,
    approvedUntil: row.approvedUntil,
    decisionReason: row.decisionReason,
    deliveredHours: delivered === null ? null : hoursOf(delivered),
    version: row.version,
    permittedActions: actions,
  };
}

// ---------------------------------------------------------------- the provider's side

/** Which of its requests' actions the provider's staff may take: submit a draft, extend an approval. */
function providerActions(staff: StaffActor, household: q.HouseholdRow, open: boolean, row: Row): string[] {
  const may = permittedActions(staff, PROVIDER_REQUEST_ACTIONS, householdRecord(household));
  const actions: string[] = may.includes('specialist-request.read') ? ['specialist-request.read'] : [];
  if (open && may.includes('specialist-request.apply') && (row.status === 'draft' || row.status === 'approved')) actions.push('specialist-request.apply');
  return actions;
}

async function presentForProvider(tx: Tx, staff: StaffActor, household: q.HouseholdRow, open: boolean, rows: readonly Row[], labels: Labels): Promise<SpecialistRequest[]> {
  const accounts = new Map((await labelsOfAccounts(tx, [...new Set(rows.map((r) => r.createdBy).filter((id): id is string => id !== null))])).map((a) => [a.id, a.displayName]));
  const out: SpecialistRequest[] = [];
  for (const row of rows) {
    out.push({
      ...core(row, labels, await deliveredMinutes(tx, row), providerActions(staff, household, open, row)),
      householdId: household.id,
      createdBy: row.createdBy ? { id: row.createdBy, name: accounts.get(row.createdBy) ?? '' } : null,
      createdAt: row.createdAt.toISOString(),
    });
  }
  return out;
}

/** GET /api/households/:id/specialist-requests: the household's requests with hours delivered vs approved; audited. */
export async function listSpecialistRequests(deps: Deps, actor: Actor, householdId: string, locale: string): Promise<SpecialistRequestList> {
  const staff = authorizeStaff(actor, 'specialist-request.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const household = await householdInReach(tx, staff, 'specialist-request.read', householdId);
    const file = await q.caseFileOfHousehold(tx, household.id);
    const open = Boolean(file && !file.closedAt);
    const rows = await s.requestsOfHousehold(tx, household.id);
    const { labels, active } = await criteriaLabels(tx, locale);
    await recordAudit(tx, staff, { action: 'specialist-request.list', recordType: 'specialist_request', recordIds: [household.id, ...rows.map((r) => r.id)] }, now);
    const may = permittedActions(staff, PROVIDER_REQUEST_ACTIONS, householdRecord(household));
    return {
      requests: await presentForProvider(tx, staff, household, open, rows, labels),
      criteria: active,
      thresholdHours: await thresholdOf(deps, tx),
      permittedActions: open ? may : may.filter((a) => a !== 'specialist-request.apply'),
    };
  });
}

/**
 * POST /api/households/:id/specialist-requests: a draft or, with `submit`, the application sent to
 * the city. Criteria of the catalog; when submitted, a forecast of at least the city's threshold. An
 * extension names an approval of this household. The household keeps its pseudonym; audited.
 */
export async function applyForSpecialist(deps: Deps, actor: Actor, householdId: string, input: z.infer<typeof applySpecialistBody>, locale: string): Promise<SpecialistRequest> {
  const staff = authorizeStaff(actor, 'specialist-request.apply');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household, file } = await caseFileInReach(tx, staff, 'specialist-request.apply', householdId);
    if (file.closedAt) throw conflict('details.caseClosed');
    const { labels, active } = await criteriaLabels(tx, locale);
    const errors = applicationErrors(input, new Set(active.map((c) => c.code)), await thresholdOf(deps, tx));
    if (input.extendsId) {
      const extended = await s.findRequest(tx, input.extendsId);
      if (!extended || extended.householdId !== household.id || extended.status !== 'approved') errors.unshift({ field: 'extendsId', key: 'field.notApproved' });
    }
    if (errors.length) throw invalid(errors);
    const row = await s.insertRequest(tx, {
      organisationId: staff.organisationId,
      householdId: household.id,
      regionCode: household.regionCode,
      pseudonym: (await s.pseudonymOfHousehold(tx, household.id)) ?? newPseudonym(),
      kind: input.extendsId ? 'extension' : 'initial',
      extendsId: input.extendsId,
      status: input.submit ? 'submitted' : 'draft',
      criteria: input.criteria,
      forecastHours: input.forecastHours,
      justification: input.justification,
      createdBy: staff.accountId,
      submittedAt: input.submit ? now : null,
      submittedBy: input.submit ? staff.accountId : null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, staff, { action: input.submit ? 'specialist-request.submit' : 'specialist-request.draft', recordType: 'specialist_request', recordIds: [row.id, household.id] }, now);
    const [presented] = await presentForProvider(tx, staff, household, true, [row], labels);
    if (!presented) throw new Error('request not presented');
    return presented;
  });
}

/** POST /api/specialist-requests/:id/submit: a draft sent to the city, with the version read (409 with `current`); audited. */
export async function submitSpecialistRequest(deps: Deps, actor: Actor, id: string, input: z.infer<typeof submitSpecialistBody>, locale: string): Promise<SpecialistRequest> {
  const staff = authorizeStaff(actor, 'specialist-request.apply');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await s.findRequest(tx, id);
    if (!row?.householdId) throw notFound();
    const { household, file } = await caseFileInReach(tx, staff, 'specialist-request.apply', row.householdId);
    const { labels, active } = await criteriaLabels(tx, locale);
    const show = async (r: Row) => (await presentForProvider(tx, staff, household, !file.closedAt, [r], labels))[0] ?? null;
    if (row.version !== input.version) throw staleProblem(await show(row));
    if (row.status !== 'draft') throw conflict('details.requestNotDraft');
    if (file.closedAt) throw conflict('details.caseClosed');
    const errors = applicationErrors({ ...row, submit: true }, new Set(active.map((c) => c.code)), await thresholdOf(deps, tx));
    if (errors.length) throw invalid(errors);
    const updated = await s.submitRequestAt(tx, row.id, input.version, staff.accountId, now);
    if (!updated) {
      const current = await s.findRequest(tx, row.id);
      throw staleProblem(current ? await show(current) : null);
    }
    await recordAudit(tx, staff, { action: 'specialist-request.submit', recordType: 'specialist_request', recordIds: [row.id, household.id] }, now);
    const presented = await show(updated);
    if (!presented) throw notFound();
    return presented;
  });
}

// ---------------------------------------------------------------- the city's side

const cityScope = (staff: StaffActor): DbScope => ({ kind: 'city', organisationId: staff.organisationId });
const requestRecord = (row: Row) => ({ organisationId: row.organisationId, regionCode: row.regionCode });

/**
 * Every view or decision of the city is written into the city's own chain (in the city's
 * transaction) and into the chain of each provider whose requests it touched, so the provider's
 * administrators see who looked. The provider's entry is written in the provider's tenant scope
 * (the city scope may not read, hence not append with RETURNING to, another organisation's
 * chain), together with the hours delivered of its approved requests: one provider's rows under
 * RLS, an aggregate only, never RLS off (decisions 0003 and 0016).
 */
async function onBehalfOfProviders(deps: Deps, staff: StaffActor, action: string, rows: readonly Row[], now: Date): Promise<Map<string, number | null>> {
  const delivered = new Map<string, number | null>();
  const byProvider = new Map<string, Row[]>();
  for (const r of rows) byProvider.set(r.organisationId, [...(byProvider.get(r.organisationId) ?? []), r]);
  for (const [organisationId, own] of byProvider) {
    await deps.db.transaction({ kind: 'tenant', organisationId }, async (tx) => {
      // The requests and their households: the provider's administrators find the city's views from the household too.
      const recordIds = [...new Set(own.flatMap((r) => (r.householdId ? [r.id, r.householdId] : [r.id])))];
      await recordAudit(tx, staff, { action, recordType: 'specialist_request', recordIds, organisationId }, now);
      for (const r of own) delivered.set(r.id, await deliveredMinutes(tx, r));
    });
  }
  return delivered;
}

const auditOwn = (tx: Tx, staff: StaffActor, action: string, rows: readonly Row[], now: Date) =>
  recordAudit(tx, staff, { action, recordType: 'specialist_request', recordIds: rows.map((r) => r.id) }, now);

async function presentForCity(tx: Tx, staff: StaffActor, rows: readonly Row[], labels: Labels, delivered: Map<string, number | null>): Promise<CityRequest[]> {
  const providers = new Map((await labelsOfOrganisations(tx, [...new Set(rows.map((r) => r.organisationId))])).map((o) => [o.id, o.name]));
  return rows.map((row) => {
    const actions = permittedActions(staff, CITY_REQUEST_ACTIONS, requestRecord(row)).filter((a) => a !== 'specialist-request.decide' || row.status === 'submitted');
    return { ...core(row, labels, delivered.get(row.id) ?? null, actions), pseudonym: row.pseudonym, provider: { id: row.organisationId, name: providers.get(row.organisationId) ?? '' } };
  });
}

/** GET /api/specialist-requests: the requests of the coordinator's regions (all when unassigned); audited in each provider's chain. */
export async function listCityRequests(deps: Deps, actor: Actor, query: z.infer<typeof cityRequestQuery>, locale: string): Promise<CityRequestList> {
  const staff = authorizeStaff(actor, 'specialist-request.review');
  const now = deps.now();
  const { rows, labels, thresholdHours } = await deps.db.transaction(cityScope(staff), async (tx) => {
    const found = (await s.cityRequests(tx, staff.regionCodes, query.state)).filter((r) => permittedActions(staff, ['specialist-request.review'], requestRecord(r)).length > 0);
    await auditOwn(tx, staff, 'specialist-request.review-list', found, now);
    return { rows: found, labels: (await criteriaLabels(tx, locale)).labels, thresholdHours: await thresholdOf(deps, tx) };
  });
  const delivered = await onBehalfOfProviders(deps, staff, 'specialist-request.review-list', rows, now);
  const requests = await deps.db.transaction(cityScope(staff), (tx) => presentForCity(tx, staff, rows, labels, delivered));
  return { requests, thresholdHours };
}

/** The request within the coordinator's reach (RLS: submitted or decided; region), else 404. */
async function cityRequestInReach(tx: Tx, staff: StaffActor, action: 'specialist-request.review' | 'specialist-request.decide', id: string): Promise<Row> {
  const row = await s.findRequest(tx, id);
  if (!row) throw notFound();
  authorizeRecord(staff, action, requestRecord(row));
  return row;
}

/** GET /api/specialist-requests/:id: one request as the city sees it; audited in the provider's chain. */
export async function readCityRequest(deps: Deps, actor: Actor, id: string, locale: string): Promise<CityRequest> {
  const staff = authorizeStaff(actor, 'specialist-request.review');
  const now = deps.now();
  const { row, labels } = await deps.db.transaction(cityScope(staff), async (tx) => {
    const found = await cityRequestInReach(tx, staff, 'specialist-request.review', id);
    await auditOwn(tx, staff, 'specialist-request.review', [found], now);
    return { row: found, labels: (await criteriaLabels(tx, locale)).labels };
  });
  return presentOne(deps, staff, 'specialist-request.review', row, labels, now);
}

async function presentOne(deps: Deps, staff: StaffActor, action: string, row: Row, labels: Labels, now: Date): Promise<CityRequest> {
  const delivered = await onBehalfOfProviders(deps, staff, action, [row], now);
  const [presented] = await deps.db.transaction(cityScope(staff), (tx) => presentForCity(tx, staff, [row], labels, delivered));
  if (!presented) throw notFound();
  return presented;
}

const decidedAs = (input: { decision: 'approve' | 'reject' }) => (input.decision === 'approve' ? 'specialist-request.approve' : 'specialist-request.reject');

/**
 * POST /api/specialist-requests/:id/decide: approve (hours, from, until — at most 12 months) or
 * reject with a reason, with the version read (409 with `current`); audited in both chains.
 */
export async function decideSpecialistRequest(deps: Deps, actor: Actor, id: string, input: z.infer<typeof decideSpecialistBody>, locale: string): Promise<CityRequest> {
  const staff = authorizeStaff(actor, 'specialist-request.decide');
  const now = deps.now();
  const outcome = await deps.db.transaction(cityScope(staff), async (tx) => {
    const row = await cityRequestInReach(tx, staff, 'specialist-request.decide', id);
    const labels = (await criteriaLabels(tx, locale)).labels;
    if (row.version !== input.version) return { stale: row, labels };
    if (row.status !== 'submitted') throw conflict('details.requestDecided');
    if (input.decision === 'approve') {
      const errors = approvalErrors(input);
      if (errors.length) throw invalid(errors);
    }
    const decision: s.Decision =
      input.decision === 'approve'
        ? { status: 'approved', approvedHours: input.approvedHours, approvedFrom: input.approvedFrom, approvedUntil: input.approvedUntil, decisionReason: input.reason }
        : { status: 'rejected', approvedHours: null, approvedFrom: null, approvedUntil: null, decisionReason: input.reason };
    const updated = await s.decideRequestAt(tx, row.id, input.version, decision, staff.accountId, now);
    if (!updated) return { stale: (await s.findRequest(tx, row.id)) ?? row, labels };
    await auditOwn(tx, staff, decidedAs(input), [updated], now);
    return { decided: updated, labels };
  });
  if ('stale' in outcome && outcome.stale) throw staleProblem(await presentOne(deps, staff, 'specialist-request.review', outcome.stale, outcome.labels, now));
  if (!('decided' in outcome) || !outcome.decided) throw notFound();
  return presentOne(deps, staff, decidedAs(input), outcome.decided, outcome.labels, now);
}

/** How far ahead the worklist shows an approval ending (six weeks). */
export const SPECIALIST_ENDING_DAYS = 42;

/** For the worklist, in the caller's transaction (tenant scope): approvals of these households ending in [from, until], not yet extended. */
export async function approvalsEndingOf(tx: Tx, householdIds: readonly string[], from: string, until: string): Promise<{ householdId: string; id: string; approvedUntil: string }[]> {
  return (await s.approvalsEnding(tx, householdIds, from, until)).flatMap((r) => (r.householdId ? [{ householdId: r.householdId, id: r.id, approvedUntil: r.approvedUntil ?? until }] : []));
}
