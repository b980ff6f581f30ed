import type { z } from 'zod';
import type { Consent, ConsentList, recordConsentBody, withdrawConsentBody } from '#contracts/consents.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff, permittedActions } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { caseScope, householdRecord } from './cases.policy.ts';
import { staffNamer } from './staff-names.ts';
import * as q from './cases.queries.ts';
import { consentCovers, consentInputErrors, consentStateAt, type ConsentAnswer, type ConsentQuestion } from './consents.policy.ts';
import * as k from './consents.queries.ts';
import { staleProblem } from './people.service.ts';
import { caseFileInReach, householdInReach } from './reach.ts';

const CONSENT_ACTIONS = ['consent.read', 'consent.record', 'consent.withdraw'] as const;
type Members = Awaited<ReturnType<typeof q.membersOf>>;
const nameOf = (m: Members[number]): string => `${m.givenNames} ${m.familyName}`.trim();

/** The consents as the staff app shows them: the person and the staff named, the state today. */
async function present(tx: Tx, rows: readonly k.ConsentRow[], members: Members, now: Date): Promise<Consent[]> {
  const people = new Map(members.map((m) => [m.id, nameOf(m)]));
  const named = await staffNamer(tx, rows.flatMap((r) => [r.recordedBy, r.withdrawnBy]));
  return rows.map((r) => ({
    id: r.id,
    householdId: r.householdId,
    personId: r.personId,
    personName: people.get(r.personId) ?? '',
    purpose: r.purpose,
    recipientKind: r.recipientKind,
    recipient: r.recipient,
    givenOn: r.givenOn,
    method: r.method,
    witnessName: r.witnessName,
    validUntil: r.validUntil,
    state: consentStateAt(r, now),
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: named(r.withdrawnBy),
    recordedBy: named(r.recordedBy),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }));
}

/** The household's people first (head first), each person's consents newest first. */
function byPerson(rows: readonly k.ConsentRow[], members: Members): k.ConsentRow[] {
  const order = new Map(members.map((m, i) => [m.id, i]));
  return [...rows].sort((a, b) => (order.get(a.personId) ?? 999) - (order.get(b.personId) ?? 999));
}

/** GET /api/households/:id/consents: every consent of the household's people, what the actor may do; audited. */
export async function listConsents(deps: Deps, actor: Actor, householdId: string): Promise<ConsentList> {
  const staff = authorizeStaff(actor, 'consent.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const household = await householdInReach(tx, staff, 'consent.read', householdId);
    const file = await q.caseFileOfHousehold(tx, household.id);
    const members = await q.membersOf(tx, household.id);
    const rows = byPerson(await k.consentsOfHousehold(tx, household.id), members);
    await recordAudit(tx, staff, { action: 'consent.list', recordType: 'consent', recordIds: [household.id, ...rows.map((r) => r.id)] }, now);
    // A closed case file keeps its consents readable and withdrawable; new ones need an open file.
    const names = file && !file.closedAt ? CONSENT_ACTIONS : (['consent.read', 'consent.withdraw'] as const);
    return {
      consents: await present(tx, rows, members, now),
      permittedActions: permittedActions(staff, names, householdRecord(household)),
      people: members.map((m) => ({ id: m.id, name: nameOf(m) })),
    };
  });
}

/**
 * POST /api/households/:id/consents: what a person of the household agreed to. One list of field
 * errors for what depends on more than one field (witness for verbal consent, valid until not
 * before given, given not after today, a recipient named, a person of this household); audited.
 */
export async function recordConsent(deps: Deps, actor: Actor, householdId: string, input: z.infer<typeof recordConsentBody>): Promise<Consent> {
  const staff = authorizeStaff(actor, 'consent.record');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household, file } = await caseFileInReach(tx, staff, 'consent.record', householdId);
    if (file.closedAt) throw conflict('details.caseClosed');
    const members = await q.membersOf(tx, household.id);
    const errors = consentInputErrors(input, berlinDate(now));
    if (!members.some((m) => m.id === input.personId)) errors.unshift({ field: 'personId', key: 'field.invalidOption' });
    if (errors.length) throw invalid(errors);
    const row = await k.insertConsent(tx, {
      organisationId: staff.organisationId,
      householdId: household.id,
      personId: input.personId,
      purpose: input.purpose,
      recipientKind: input.recipientKind,
      recipient: input.recipient.trim(),
      givenOn: input.givenOn,
      method: input.method,
      witnessName: input.method === 'verbal_witnessed' ? input.witnessName.trim() : '',
      validUntil: input.validUntil,
      recordedBy: staff.accountId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, staff, { action: 'consent.record', recordType: 'consent', recordIds: [row.id, household.id, row.personId] }, now);
    const [presented] = await present(tx, [row], members, now);
    if (!presented) throw new Error('consent not presented');
    return presented;
  });
}

/**
 * POST /api/consents/:id/withdraw: takes effect at once. With the version read (409 with
 * `current` when it changed meanwhile); a consent withdrawn already answers as it is (a second
 * click changes nothing). Audited either way.
 */
export async function withdrawConsent(deps: Deps, actor: Actor, id: string, input: z.infer<typeof withdrawConsentBody>): Promise<Consent> {
  const staff = authorizeStaff(actor, 'consent.withdraw');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await k.findConsent(tx, id);
    if (!row) throw notFound();
    const household = await householdInReach(tx, staff, 'consent.withdraw', row.householdId);
    const members = await q.membersOf(tx, household.id);
    const show = async (r: k.ConsentRow) => (await present(tx, [r], members, now))[0] ?? null;
    if (row.withdrawnAt) {
      await recordAudit(tx, staff, { action: 'consent.read', recordType: 'consent', recordIds: [row.id, household.id] }, now);
      const as = await show(row);
      if (!as) throw notFound();
      return as;
    }
    const updated = await k.withdrawConsentAt(tx, row.id, input.version, staff.accountId, now);
    if (!updated) {
      const current = await k.findConsent(tx, row.id);
      throw staleProblem(current ? await show(current) : null);
    }
    await recordAudit(tx, staff, { action: 'consent.withdraw', recordType: 'consent', recordIds: [row.id, household.id, row.personId] }, now);
    const withdrawn = await show(updated);
    if (!withdrawn) throw notFound();
    return withdrawn;
  });
}

/**
 * For referrals and transfers (later), in the caller's transaction under the provider's tenant
 * scope: whether a valid consent of the person covers this purpose and recipient at `at`, or what
 * is missing. Reads the person's consents only (RLS keeps them the provider's own).
 */
export async function consentCoversPerson(tx: Tx, question: ConsentQuestion): Promise<ConsentAnswer> {
  return consentCovers(await k.consentsOfPerson(tx, question.personId), question);
}
