import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { acceptTransferBody, declineTransferBody, startTransferBody, Transfer, TransferList, TransferPackage, TransferPreview } from '#contracts/transfers.ts';
import { transferPackage } from '#contracts/transfers.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import { providersOfRegionsOn } from '#server/modules/calls/calls.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfOrganisations, systemActor } from '#server/modules/identity/identity.public.ts';
import { regionByCode } from '#server/modules/regions/regions.public.ts';
import { authorizeRecord, authorizeStaff, may, permittedActions } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound, Problem } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { caseScope, householdRecord } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { consentCoversPerson } from './consents.service.ts';
import * as k from './consents.queries.ts';
import { insertHouseholdWithPeople, placeInRegion } from './households.service.ts';
import { residenceLabels, staleProblem } from './people.service.ts';
import * as p from './plans.queries.ts';
import { openGoal } from './plans.service.ts';
import { caseFileInReach, householdInReach } from './reach.ts';
import { destinationRegions, packageConsent, packagePerson, personInputOf, splitGoals, transferPackageContext } from './transfers.policy.ts';
import * as t from './transfers.queries.ts';

/**
 * Transfer of a household to the provider of the region it moves to (decision 0019). The sender
 * works in its tenant scope and writes the transfer row with the package sealed bound to it; the
 * receiver works in its own and reads only that row (RLS on both ids). After acceptance Lotse
 * closes the sending case file in the sender's tenant scope (a second transaction, settled again
 * whenever the sender looks at its transfers should it have failed), logged in the sender's chain.
 */

type Members = Awaited<ReturnType<typeof q.membersOf>>;
const nameOf = (m: { givenNames: string; familyName: string }): string => `${m.givenNames} ${m.familyName}`.trim();
const TRANSFER_CLOSE_REASON = 'transferred';

/** What would move and stay, and whose consent is missing, for a household of the sender moving to a region (the demo seed builds its transfers with it too). */
export async function assemble(keys: Deps['keys'], tx: Tx, senderId: string, household: q.HouseholdRow, members: Members, regionCode: string | null, now: Date) {
  const today = berlinDate(now);
  const regions = destinationRegions(await providersOfRegionsOn(tx, today), household.regionCode, senderId);
  const target = regionCode ? (regions.find((r) => r.regionCode === regionCode) ?? null) : null;
  const refOf = new Map(members.map((m, i) => [m.id, `p${i + 1}`]));
  const labels = await residenceLabels(tx);
  const file = await q.caseFileOfHousehold(tx, household.id);
  const plan = file ? await p.planOfCaseFile(tx, file.id) : undefined;
  const goals = plan
    ? (await p.goalsOf(tx, plan.id)).map((g) => ({ ...g, ...(g.sealed ? { title: '', steps: [] } : openGoal(keys, g)) }))
    : [];
  const split = splitGoals(goals, refOf);
  const consents = await k.consentsOfHousehold(tx, household.id);
  const missing: TransferPreview['missingConsents'] = [];
  const moved: TransferPackage['consents'] = [];
  const usedConsentIds: string[] = [];
  if (target) {
    for (const m of members) {
      const answer = await consentCoversPerson(tx, { personId: m.id, purpose: 'transfer', recipient: { kind: 'receiving_provider', name: target.providerName }, at: now });
      if (answer.covers) {
        const row = consents.find((c) => c.id === answer.consent.id);
        if (row) moved.push(packageConsent(row, refOf.get(m.id) ?? ''));
        usedConsentIds.push(answer.consent.id);
      } else missing.push({ personId: m.id, personName: nameOf(m), gap: answer.gap });
    }
  }
  const counts = await t.stayingCounts(tx, household.id);
  const approvals = (await t.openApprovalsOf(tx, household.id, today)).flatMap((a) =>
    a.approvedHours !== null && a.approvedFrom !== null && a.approvedUntil !== null ? [{ approvedHours: a.approvedHours, approvedFrom: a.approvedFrom, approvedUntil: a.approvedUntil }] : [],
  );
  const moves: TransferPackage = {
    accommodation: household.accommodation,
    people: members.map((m) => packagePerson(m, refOf.get(m.id) ?? '', (code) => { const n = labels.get(code)?.name; return n?.de ?? (n ? Object.values(n)[0] : undefined) ?? code; })),
    goals: split.moves,
    consents: moved,
    approvals,
  };
  const stays = {
    ...counts,
    sensitiveGoals: split.sensitive,
    closedGoals: split.closed,
    otherConsents: consents.length - usedConsentIds.length,
    address: Boolean(household.street || household.accommodationName || household.postcode),
  };
  return { regions, target, moves, stays, missing, usedConsentIds, file };
}

/** GET /api/households/:id/transfer-preview: the regions it may move to, and for the chosen one what moves, what stays and whose consent is missing; audited. */
export async function previewTransfer(deps: Deps, actor: Actor, householdId: string, regionCode: string | undefined): Promise<TransferPreview> {
  const staff = authorizeStaff(actor, 'transfer.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const household = await householdInReach(tx, staff, 'transfer.read', householdId);
    const members = await q.membersOf(tx, household.id);
    const a = await assemble(deps.keys, tx, staff.organisationId, household, members, regionCode ?? null, now);
    const pending = await t.pendingTransferOf(tx, household.id);
    await recordAudit(tx, staff, { action: 'transfer.preview', recordType: 'household', recordIds: [household.id] }, now);
    const open = Boolean(a.file && !a.file.closedAt) && !pending && a.regions.length > 0;
    return {
      householdId: household.id,
      fromRegionCode: household.regionCode,
      regions: a.regions.map((r) => ({ code: r.regionCode, name: r.regionName, provider: { id: r.providerId, name: r.providerName } })),
      regionCode: a.target?.regionCode ?? null,
      receivingProvider: a.target ? { id: a.target.providerId, name: a.target.providerName } : null,
      moves: a.target ? a.moves : null,
      stays: a.stays,
      missingConsents: a.missing,
      pendingTransferId: pending?.id ?? null,
      permittedActions: open ? permittedActions(staff, ['transfer.start'] as const, householdRecord(household)) : [],
    };
  });
}

/** 409 `consent-missing` naming every person without a valid transfer consent for the receiving provider. */
function consentMissing(missing: TransferPreview['missingConsents'], provider: string): Problem {
  const people = missing.map((m) => m.personName).join(', ');
  return new Problem(409, 'consent-missing', {
    detailKey: 'details.transferConsentMissing',
    values: { people, provider },
    errors: missing.map((m) => ({ field: 'regionCode', key: 'field.transferConsentMissing', values: { person: m.personName, provider } })),
    extensions: { missing: missing.map((m) => ({ personId: m.personId, purpose: 'transfer', recipientKind: 'receiving_provider', recipient: provider, gap: m.gap })) },
  });
}

/**
 * POST /api/households/:id/transfers: the household moves to the region's provider. Refused with
 * 409 `consent-missing` unless every person of the household has a valid consent for the purpose
 * 'transfer' and that provider (the refusal is audited too); 409 while a transfer of it is under
 * way or when its case file is closed. The package is sealed bound to the new row; audited with
 * the ids of what moved.
 */
export async function startTransfer(deps: Deps, actor: Actor, householdId: string, input: z.infer<typeof startTransferBody>, locale: string): Promise<Transfer> {
  const staff = authorizeStaff(actor, 'transfer.start');
  const now = deps.now();
  const outcome = await deps.db.transaction(caseScope(staff), async (tx) => {
    const { household, file } = await caseFileInReach(tx, staff, 'transfer.start', householdId);
    if (file.closedAt) throw conflict('details.caseClosed');
    if (await t.pendingTransferOf(tx, household.id)) throw conflict('details.transferPending');
    const members = await q.membersOf(tx, household.id);
    const a = await assemble(deps.keys, tx, staff.organisationId, household, members, input.regionCode, now);
    if (!a.target) throw invalid([{ field: 'regionCode', key: 'field.invalidOption' }]);
    if (a.missing.length) return { refused: { householdId: household.id, missing: a.missing, provider: a.target.providerName }, sent: null };
    const id = randomUUID();
    const row = await t.insertTransfer(tx, {
      id,
      fromOrganisationId: staff.organisationId,
      toOrganisationId: a.target.providerId,
      householdId: household.id,
      fromRegionCode: household.regionCode,
      toRegionCode: a.target.regionCode,
      package: deps.keys.seal(JSON.stringify(a.moves), transferPackageContext(id)),
      startedBy: staff.accountId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, staff, { action: 'transfer.start', recordType: 'case_transfer', recordIds: [row.id, household.id, ...members.map((m) => m.id), ...a.usedConsentIds] }, now);
    return { sent: await present(deps, tx, staff, row, locale), refused: null };
  });
  const { sent, refused } = outcome;
  if (sent) return sent;
  // The refusal is logged in a transaction of its own (the refused one stores nothing).
  await deps.db.transaction(caseScope(staff), (tx) => recordAudit(tx, staff, { action: 'transfer.refuse', recordType: 'household', recordIds: [refused.householdId, ...refused.missing.map((m) => m.personId)] }, now));
  throw consentMissing(refused.missing, refused.provider);
}

/** What moved, or null once an erasure cleared it (the row stays as the record that a transfer happened). */
function openPackage(deps: Pick<Deps, 'keys'>, row: t.TransferRow): TransferPackage | null {
  return row.package === null ? null : transferPackage.parse(JSON.parse(deps.keys.open(row.package, transferPackageContext(row.id))));
}

/** The record a side's action is taken on: the receiver's region for the receiver, the sender's for the sender. */
function sideRecord(staff: StaffActor, row: t.TransferRow) {
  return staff.organisationId === row.toOrganisationId
    ? { organisationId: row.toOrganisationId, regionCode: row.toRegionCode }
    : { organisationId: row.fromOrganisationId, regionCode: row.fromRegionCode };
}

async function present(deps: Deps, tx: Tx, staff: StaffActor, row: t.TransferRow, locale: string, pkg: TransferPackage | null = openPackage(deps, row)): Promise<Transfer> {
  void locale;
  const orgs = new Map((await labelsOfOrganisations(tx, [row.fromOrganisationId, row.toOrganisationId])).map((o) => [o.id, o.name]));
  const regions = new Map<string, string>();
  for (const code of [row.fromRegionCode, row.toRegionCode]) regions.set(code, (await regionByCode(tx, code))?.name ?? code);
  const incoming = staff.organisationId === row.toOrganisationId;
  const head = pkg?.people.find((x) => x.relationship === 'head') ?? pkg?.people[0];
  return {
    id: row.id,
    direction: incoming ? 'incoming' : 'outgoing',
    fromProvider: { id: row.fromOrganisationId, name: orgs.get(row.fromOrganisationId) ?? '' },
    toProvider: { id: row.toOrganisationId, name: orgs.get(row.toOrganisationId) ?? '' },
    fromRegion: { code: row.fromRegionCode, name: regions.get(row.fromRegionCode) ?? row.fromRegionCode },
    toRegion: { code: row.toRegionCode, name: regions.get(row.toRegionCode) ?? row.toRegionCode },
    householdId: incoming ? null : row.householdId,
    receivedHouseholdId: incoming ? row.receivedHouseholdId : null,
    headName: head ? nameOf(head) : '',
    package: pkg,
    state: row.state,
    declineReason: row.declineReason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    senderClosedAt: row.senderClosedAt?.toISOString() ?? null,
    version: row.version,
    permittedActions: incoming && row.state === 'pending' && pkg ? permittedActions(staff, ['transfer.accept', 'transfer.decline'] as const, sideRecord(staff, row)) : [],
  };
}

/** The transfer as one of its two providers sees it, within reach (else 404, also for any third provider: RLS shows no row). */
async function transferInReach(tx: Tx, staff: StaffActor, action: 'transfer.read' | 'transfer.accept' | 'transfer.decline', id: string, side?: 'receiver') {
  const row = await t.findTransfer(tx, id);
  if (!row) throw notFound();
  if (side === 'receiver' && row.toOrganisationId !== staff.organisationId) throw notFound();
  authorizeRecord(staff, action, sideRecord(staff, row));
  return row;
}

/** GET /api/transfers/:id: the transfer with what moved; audited in the caller's chain. */
export async function readTransfer(deps: Deps, actor: Actor, id: string, locale: string): Promise<Transfer> {
  const staff = authorizeStaff(actor, 'transfer.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await transferInReach(tx, staff, 'transfer.read', id);
    await recordAudit(tx, staff, { action: 'transfer.read', recordType: 'case_transfer', recordIds: [row.id] }, now);
    return present(deps, tx, staff, row, locale);
  });
}

/** GET /api/transfers?direction=: incoming (pending first) or outgoing transfers within reach; audited with the ids shown. */
export async function listTransfers(deps: Deps, actor: Actor, direction: 'incoming' | 'outgoing', locale: string): Promise<TransferList> {
  const staff = authorizeStaff(actor, 'transfer.read');
  const now = deps.now();
  if (direction === 'outgoing') await settleSender(deps, staff.organisationId, staff, now);
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const rows = (await t.transfersOf(tx, staff.organisationId, direction)).filter((r) => may(staff, 'transfer.read', sideRecord(staff, r)));
    await recordAudit(tx, staff, { action: 'transfer.list', recordType: 'case_transfer', recordIds: rows.map((r) => r.id) }, now);
    const transfers = [];
    for (const row of rows) {
      const { package: pkg, ...rest } = await present(deps, tx, staff, row, locale);
      transfers.push({ ...rest, people: pkg?.people.length ?? 0 });
    }
    return { transfers };
  });
}

/**
 * Whether the consents that let the package move still hold (a withdrawal takes effect at once):
 * asked in the sender's tenant scope, answering only yes or no per person of the sender's household.
 */
async function consentsStillHold(deps: Deps, row: t.TransferRow, provider: string, now: Date): Promise<boolean> {
  const householdId = row.householdId;
  // Erased since it was sent: nothing is left to pass on.
  if (householdId === null || row.package === null) return false;
  return deps.db.transaction({ kind: 'tenant', organisationId: row.fromOrganisationId }, async (tx) => {
    for (const m of await q.membersOf(tx, householdId)) {
      const answer = await consentCoversPerson(tx, { personId: m.id, purpose: 'transfer', recipient: { kind: 'receiving_provider', name: provider }, at: now });
      if (!answer.covers) return false;
    }
    return true;
  });
}

/**
 * POST /api/transfers/:id/accept with the version read: the receiver opens a new household and
 * case file in its tenant from the package (the people, and the consents as its evidence), in the
 * region the household moved to; then the sending case file closes with reason 'transferred'.
 * 409 when the consents were withdrawn meanwhile or the transfer was decided already. Audited in
 * both chains (ids only).
 */
export async function acceptTransfer(deps: Deps, actor: Actor, id: string, input: z.infer<typeof acceptTransferBody>, locale: string): Promise<Transfer> {
  const staff = authorizeStaff(actor, 'transfer.accept');
  const now = deps.now();
  const first = await deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await transferInReach(tx, staff, 'transfer.accept', id, 'receiver');
    const [me] = await labelsOfOrganisations(tx, [row.toOrganisationId]);
    return { row, provider: me?.name ?? '' };
  });
  if (first.row.state === 'pending' && first.row.version === input.version && !(await consentsStillHold(deps, first.row, first.provider, now))) {
    throw new Problem(409, 'consent-missing', { detailKey: 'details.transferConsentWithdrawn' });
  }
  const accepted = await deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await transferInReach(tx, staff, 'transfer.accept', id, 'receiver');
    if (row.version !== input.version) throw staleProblem(await present(deps, tx, staff, row, locale));
    if (row.state !== 'pending') throw conflict('details.transferDecided');
    const pkg = openPackage(deps, row);
    if (!pkg) throw new Problem(409, 'consent-missing', { detailKey: 'details.transferConsentWithdrawn' });
    const where = await placeInRegion(tx, staff, row.toRegionCode, pkg.accommodation, berlinDate(now));
    const { household, file, personIds } = await insertHouseholdWithPeople(tx, staff, where, pkg.people.map(personInputOf), now);
    const idOf = new Map(pkg.people.map((x, i) => [x.ref, personIds[i] ?? '']));
    const consentIds: string[] = [];
    for (const c of pkg.consents) {
      const personId = idOf.get(c.personRef);
      if (!personId) continue;
      const inserted = await k.insertConsent(tx, {
        organisationId: staff.organisationId,
        householdId: household.id,
        personId,
        purpose: 'transfer',
        recipientKind: 'receiving_provider',
        recipient: c.recipient,
        givenOn: c.givenOn,
        method: c.method,
        witnessName: c.witnessName,
        validUntil: c.validUntil,
        recordedBy: staff.accountId,
        createdAt: now,
        updatedAt: now,
      });
      consentIds.push(inserted.id);
    }
    const decided = await t.decideTransferAt(tx, row.id, input.version, { state: 'accepted', decidedBy: staff.accountId, decidedAt: now, declineReason: '', receivedHouseholdId: household.id });
    if (!decided) {
      const current = await t.findTransfer(tx, row.id);
      throw staleProblem(current ? await present(deps, tx, staff, current, locale) : null);
    }
    await recordAudit(tx, staff, { action: 'transfer.accept', recordType: 'case_transfer', recordIds: [row.id, household.id, file.id, ...personIds, ...consentIds] }, now);
    return decided;
  });
  await settleSender(deps, accepted.fromOrganisationId, staff, now);
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await t.findTransfer(tx, accepted.id);
    if (!row) throw notFound();
    return present(deps, tx, staff, row, locale);
  });
}

/**
 * In the sender's tenant scope: closes the case files of its accepted transfers (reason
 * 'transferred') and notes it on the transfer; logged in the sender's chain as Lotse's doing on
 * the receiver's acceptance (the request id ties it to the receiver's entry).
 */
async function settleSender(deps: Deps, senderId: string, origin: StaffActor, now: Date): Promise<void> {
  const lotse = { ...systemActor, ip: origin.ip, requestId: origin.requestId };
  await deps.db.transaction({ kind: 'tenant', organisationId: senderId }, async (tx) => {
    for (const row of await t.acceptedUnsettled(tx, senderId)) {
      if (row.householdId === null) continue;
      const file = await q.caseFileOfHousehold(tx, row.householdId);
      if (file && !file.closedAt) await q.updateCaseFileAt(tx, file.id, file.version, { closedAt: now, closeReason: TRANSFER_CLOSE_REASON });
      await t.markSenderClosed(tx, row.id, now);
      const members = await q.membersOf(tx, row.householdId);
      await recordAudit(tx, lotse, { organisationId: senderId, action: 'transfer.close-sender', recordType: 'case_transfer', recordIds: [row.id, row.householdId, ...(file ? [file.id] : []), ...members.map((m) => m.id)] }, now);
    }
  });
}

/** POST /api/transfers/:id/decline with the version read and a reason: the sender's case file stays open; audited. */
export async function declineTransfer(deps: Deps, actor: Actor, id: string, input: z.infer<typeof declineTransferBody>, locale: string): Promise<Transfer> {
  const staff = authorizeStaff(actor, 'transfer.decline');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await transferInReach(tx, staff, 'transfer.decline', id, 'receiver');
    if (row.version !== input.version) throw staleProblem(await present(deps, tx, staff, row, locale));
    if (row.state !== 'pending') throw conflict('details.transferDecided');
    const decided = await t.decideTransferAt(tx, row.id, input.version, { state: 'declined', decidedBy: staff.accountId, decidedAt: now, declineReason: input.reason, receivedHouseholdId: null });
    if (!decided) {
      const current = await t.findTransfer(tx, row.id);
      throw staleProblem(current ? await present(deps, tx, staff, current, locale) : null);
    }
    await recordAudit(tx, staff, { action: 'transfer.decline', recordType: 'case_transfer', recordIds: [row.id] }, now);
    return present(deps, tx, staff, decided, locale);
  });
}

/** The worklist: pending incoming transfers within the actor's reach (in the caller's tenant transaction). */
export async function incomingTransfersFor(deps: Pick<Deps, 'keys'>, tx: Tx, staff: StaffActor): Promise<{ id: string; headName: string; fromProviderName: string; toRegionCode: string }[]> {
  const rows = (await t.transfersOf(tx, staff.organisationId, 'incoming')).filter((r) => r.state === 'pending' && may(staff, 'transfer.accept', sideRecord(staff, r)));
  const senders = new Map((await labelsOfOrganisations(tx, [...new Set(rows.map((r) => r.fromOrganisationId))])).map((o) => [o.id, o.name]));
  return rows.map((r) => {
    const pkg = openPackage(deps, r);
    const head = pkg?.people.find((x) => x.relationship === 'head') ?? pkg?.people[0];
    return { id: r.id, headName: head ? nameOf(head) : '', fromProviderName: senders.get(r.fromOrganisationId) ?? '', toRegionCode: r.toRegionCode };
  });
}
