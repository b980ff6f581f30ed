import type { z } from 'zod';
import type { createReferralBody, Referral, ReferralList, updateReferralBody } from '#contracts/referrals.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { labelsOfAccounts } from '#server/modules/identity/identity.public.ts';
import { partnerForReferral, partnersForReferral, partnersOfRegion, type PartnerFacts } from '#server/modules/network/network.public.ts';
import { authorizeStaff, permittedActions } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound, Problem } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { caseScope, householdRecord } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { consentCoversPerson } from './consents.service.ts';
import { staleProblem } from './people.service.ts';
import { caseFileInReach, householdInReach } from './reach.ts';
import { CONSENT_GAP_DETAIL, nextStates, referralChangeErrors, referralInputErrors } from './referrals.policy.ts';
import * as r from './referrals.queries.ts';

const REFERRAL_ACTIONS = ['referral.read', 'referral.create', 'referral.update'] as const;
type Members = Awaited<ReturnType<typeof q.membersOf>>;
const nameOf = (m: Members[number]): string => `${m.givenNames} ${m.familyName}`.trim();

/** The referrals as the staff app shows them: the person, the partner and the staff named, the steps open from here. */
async function present(tx: Tx, rows: readonly r.ReferralRow[], members: Members): Promise<Referral[]> {
  const people = new Map(members.map((m) => [m.id, nameOf(m)]));
  const partners = await partnersForReferral(tx, rows.map((x) => x.partnerId));
  const accounts = new Map((await labelsOfAccounts(tx, [...new Set(rows.flatMap((x) => (x.createdBy ? [x.createdBy] : [])))])).map((a) => [a.id, a.displayName]));
  return rows.map((x) => {
    const p = partners.get(x.partnerId);
    return {
      id: x.id,
      householdId: x.householdId,
      personId: x.personId,
      personName: people.get(x.personId) ?? '',
      partner: { id: x.partnerId, name: p?.name ?? '', kind: p?.kind ?? 'other', contact: p?.contact ?? '' },
      purpose: x.purpose,
      state: x.state,
      nextStates: nextStates(x.state),
      sentOn: x.sentOn,
      followUpOn: x.followUpOn,
      outcome: x.outcome,
      createdBy: x.createdBy ? { id: x.createdBy, name: accounts.get(x.createdBy) ?? '' } : null,
      stateChangedAt: x.stateChangedAt.toISOString(),
      version: x.version,
    };
  });
}

/** GET /api/households/:id/referrals: every referral of the household's people, whom and to which partners one may go; audited. */
export async function listReferrals(deps: Deps, actor: Actor, householdId: string): Promise<ReferralList> {
  const staff = authorizeStaff(actor, 'referral.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const household = await householdInReach(tx, staff, 'referral.read', householdId);
    const file = await q.caseFileOfHousehold(tx, household.id);
    const members = await q.membersOf(tx, household.id);
    const rows = await r.referralsOfHousehold(tx, household.id);
    await recordAudit(tx, staff, { action: 'referral.list', recordType: 'referral', recordIds: [household.id, ...rows.map((x) => x.id)] }, now);
    // A closed case file keeps its referrals readable; new ones and changes need an open file.
    const names = file && !file.closedAt ? REFERRAL_ACTIONS : (['referral.read'] as const);
    return {
      referrals: await present(tx, rows, members),
      permittedActions: permittedActions(staff, names, householdRecord(household)),
      people: members.map((m) => ({ id: m.id, name: nameOf(m) })),
      partners: (await partnersOfRegion(tx, household.regionCode)).map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    };
  });
}

/** 409 `consent-missing`: names the person, the partner and why no consent covers (none, run out, withdrawn, not yet given). */
function consentMissing(person: string, partner: PartnerFacts, gap: keyof typeof CONSENT_GAP_DETAIL, personId: string): Problem {
  const values = { person, partner: partner.name };
  return new Problem(409, 'consent-missing', {
    detailKey: CONSENT_GAP_DETAIL[gap],
    values,
    errors: [{ field: 'partnerId', key: 'field.consentMissing', values }],
    extensions: { missing: { personId, purpose: 'referral', recipientKind: 'partner', recipient: partner.name, gap } },
  });
}

/**
 * POST /api/households/:id/referrals: a person of the household referred to a partner of the
 * provider for a purpose, sent today. Refused with 409 `consent-missing` unless a valid consent
 * of that person covers the purpose 'referral' and that partner right now (a withdrawal takes
 * effect at once); the referral names the consent that covered it. Audited.
 */
export async function createReferral(deps: Deps, actor: Actor, householdId: string, input: z.infer<typeof createReferralBody>): Promise<Referral> {
  const staff = authorizeStaff(actor, 'referral.create');
  const now = deps.now();
  const today = berlinDate(now);
  // A refusal is answered after its own transaction commits, so that its audit entry stays.
  const outcome = await deps.db.transaction(caseScope(staff), async (tx): Promise<{ referral: Referral } | { refused: Problem }> => {
    const { household, file } = await caseFileInReach(tx, staff, 'referral.create', householdId);
    if (file.closedAt) throw conflict('details.caseClosed');
    const members = await q.membersOf(tx, household.id);
    const person = members.find((m) => m.id === input.personId);
    const partner = await partnerForReferral(tx, input.partnerId);
    const errors = referralInputErrors(input, today);
    if (!partner || partner.archived) errors.unshift({ field: 'partnerId', key: 'field.invalidOption' });
    if (!person) errors.unshift({ field: 'personId', key: 'field.invalidOption' });
    if (errors.length || !person || !partner) throw invalid(errors);
    const answer = await consentCoversPerson(tx, { personId: person.id, purpose: 'referral', recipient: { kind: 'partner', name: partner.name }, at: now });
    if (!answer.covers) {
      await recordAudit(tx, staff, { action: 'referral.refuse', recordType: 'referral', recordIds: [household.id, person.id, partner.id] }, now);
      return { refused: consentMissing(nameOf(person), partner, answer.gap, person.id) };
    }
    const row = await r.insertReferral(tx, {
      organisationId: staff.organisationId,
      householdId: household.id,
      personId: person.id,
      partnerId: partner.id,
      consentId: answer.consent.id,
      purpose: input.purpose.trim(),
      sentOn: today,
      followUpOn: input.followUpOn,
      createdBy: staff.accountId,
      stateChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await q.touchHousehold(tx, household.id, now);
    await recordAudit(tx, staff, { action: 'referral.create', recordType: 'referral', recordIds: [row.id, household.id, person.id, answer.consent.id] }, now);
    const [presented] = await present(tx, [row], members);
    if (!presented) throw new Error('referral not presented');
    return { referral: presented };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.referral;
}

/**
 * PATCH /api/referrals/:id with the version read (409 with `current` when it changed meanwhile):
 * a step of its state (sent → accepted → done, or rejected; done and rejected with an outcome),
 * the follow-up date, the outcome. Audited.
 */
export async function updateReferral(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateReferralBody>): Promise<Referral> {
  const staff = authorizeStaff(actor, 'referral.update');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await r.findReferral(tx, id);
    if (!row) throw notFound();
    const { household, file } = await caseFileInReach(tx, staff, 'referral.update', row.householdId);
    const members = await q.membersOf(tx, household.id);
    const show = async (x: r.ReferralRow) => (await present(tx, [x], members))[0] ?? null;
    if (row.version !== input.version) throw staleProblem(await show(row));
    if (file.closedAt) throw conflict('details.caseClosed');
    const errors = referralChangeErrors(row, input);
    if (errors.length) throw invalid(errors);
    const stateChanges = input.state !== undefined && input.state !== row.state;
    const updated = await r.updateReferralAt(
      tx,
      row.id,
      input.version,
      {
        ...(stateChanges ? { state: input.state, stateChangedAt: now } : {}),
        ...(input.followUpOn !== undefined ? { followUpOn: input.followUpOn } : {}),
        ...(input.outcome !== undefined ? { outcome: input.outcome.trim() } : {}),
      },
      now,
    );
    if (!updated) {
      const current = await r.findReferral(tx, row.id);
      throw staleProblem(current ? await show(current) : null);
    }
    await recordAudit(tx, staff, { action: stateChanges ? `referral.${updated.state}` : 'referral.update', recordType: 'referral', recordIds: [row.id, household.id, row.personId] }, now);
    const presented = await show(updated);
    if (!presented) throw notFound();
    return presented;
  });
}
