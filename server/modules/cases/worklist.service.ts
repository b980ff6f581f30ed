import type { z } from 'zod';
import type { teamWorklistQuery, Worklist, WorklistItem } from '#contracts/plans.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfAccounts } from '#server/modules/identity/identity.public.ts';
import { partnersForReferral } from '#server/modules/network/network.public.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { berlinDate } from '#server/time.ts';
import { caseScope, caseStatusOf } from './cases.policy.ts';
import { regionFilter } from './people.service.ts';
import { addDays, assignedOnRange, basicWindowClosing, DUE_SOON_DAYS, goalDue, RESIDENCE_DAYS, residenceExpiring, reviewDue, sortWorklist } from './plans.policy.ts';
import { openGoal } from './plans.service.ts';
import { followUpDue } from './referrals.policy.ts';
import { approvalsEndingOf, SPECIALIST_ENDING_DAYS } from './specialist-requests.service.ts';
import { incomingTransfersFor } from './transfers.service.ts';
import * as wl from './worklist.queries.ts';

/**
 * What is due in a scope's open case files: goals due and overdue, plan reviews due, residence
 * permits expiring, Grundleistung years closing, Fachleistung approvals ending, dormant cases. The view is audited with the
 * households it shows.
 */
async function buildWorklist(deps: Deps, staff: StaffActor, scope: wl.WorklistScope, kind: Worklist['scope']): Promise<Worklist> {
  const now = deps.now();
  const today = berlinDate(now);
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const cases = await wl.casesInScope(tx, scope);
    const byHousehold = new Map(cases.map((c) => [c.householdId, c]));
    const assignments = await wl.assigneesOfFiles(tx, cases.map((c) => c.caseFileId));
    const names = new Map((await labelsOfAccounts(tx, [...new Set(assignments.map((a) => a.accountId))])).map((a) => [a.id, a.displayName]));
    const assignees = new Map<string, { id: string; name: string }[]>();
    for (const a of assignments) assignees.set(a.caseFileId, [...(assignees.get(a.caseFileId) ?? []), { id: a.accountId, name: names.get(a.accountId) ?? '' }]);

    const items: WorklistItem[] = [];
    const add = (householdId: string, kind: WorklistItem['kind'], date: string, subject: string, anchor: string) => {
      const c = byHousehold.get(householdId);
      if (!c) return;
      items.push({ kind, date, household: { id: c.householdId, name: c.head, regionCode: c.regionCode }, subject, link: `/households/${c.householdId}${anchor}`, assignees: assignees.get(c.caseFileId) ?? [] });
    };
    for (const g of await wl.goalsDue(tx, scope, addDays(today, DUE_SOON_DAYS))) {
      const due = goalDue(g.dueOn, today);
      if (due && g.dueOn) add(g.householdId, due, g.dueOn, openGoal(deps.keys, g).title, `#plan-goal-${g.id}`);
    }
    for (const r of await wl.reviewsDue(tx, scope, addDays(today, DUE_SOON_DAYS))) {
      if (reviewDue(r.reviewOn, today)) add(r.householdId, 'plan_review_due', r.reviewOn, '', '#plan');
    }
    for (const p of await wl.peopleWithDates(tx, scope, { from: today, to: addDays(today, RESIDENCE_DAYS) }, assignedOnRange(today))) {
      const name = `${p.givenNames} ${p.familyName}`.trim();
      if (residenceExpiring(p.residenceExpiresOn, today) && p.residenceExpiresOn) add(p.householdId, 'residence_expiring', p.residenceExpiresOn, name, `#person-${p.id}`);
      const closing = basicWindowClosing(p.assignedOn, today);
      if (closing) add(p.householdId, 'basic_window_closing', closing, name, `#person-${p.id}`);
    }
    for (const letter of await wl.lettersDue(tx, scope, addDays(today, DUE_SOON_DAYS))) {
      if (letter.dueOn) add(letter.householdId, letter.dueOn < today ? 'letter_overdue' : 'letter_due', letter.dueOn, letter.authorityName || letter.authority, `#letter-${letter.id}`);
    }
    const followUps = await wl.referralFollowUpsDue(tx, scope, addDays(today, DUE_SOON_DAYS));
    const partners = await partnersForReferral(tx, followUps.map((f) => f.partnerId));
    for (const f of followUps) {
      if (followUpDue(f.followUpOn, f.state, today) && f.followUpOn) add(f.householdId, 'referral_follow_up', f.followUpOn, `${partners.get(f.partnerId)?.name ?? ''} – ${f.purpose}`, `#referral-${f.id}`);
    }
    // Fachleistung approvals ending within six weeks that no approved extension follows.
    for (const a of await approvalsEndingOf(tx, cases.map((c) => c.householdId), today, addDays(today, SPECIALIST_ENDING_DAYS))) add(a.householdId, 'specialist_ending', a.approvedUntil, '', `#specialist-${a.id}`);
    for (const c of cases) {
      if (caseStatusOf({ ...c, closedAt: null }, now, deps.config.cases.dormantAfterDays) === 'dormant') add(c.householdId, 'case_dormant', berlinDate(c.lastContactAt ?? c.openedAt), '', '');
    }
    // Households coming in from another region's provider, to accept or decline today: the transfer page.
    for (const x of await incomingTransfersFor(deps, tx, staff)) {
      items.push({ kind: 'transfer_incoming', date: today, household: { id: x.id, name: x.headName, regionCode: x.toRegionCode }, subject: x.fromProviderName, link: `/transfers/${x.id}`, assignees: [] });
    }
    const sorted = sortWorklist(items);
    await recordAudit(tx, staff, { action: kind === 'mine' ? 'worklist.read' : 'worklist.read-team', recordType: 'household', recordIds: [...new Set(sorted.map((i) => i.household.id))] }, now);
    return { today, scope: kind, items: sorted };
  });
}

/** GET /api/worklist: what is due in the case files assigned to the actor, within the actor's regions. */
export async function readWorklist(deps: Deps, actor: Actor): Promise<Worklist> {
  const staff = authorizeStaff(actor, 'worklist.read');
  return buildWorklist(deps, staff, { accountId: staff.accountId, regionCodes: regionFilter(staff, 'case.read') }, 'mine');
}

/** GET /api/worklist/team: the team's (a team lead): every open case file of the provider, or one colleague's. */
export async function readTeamWorklist(deps: Deps, actor: Actor, query: z.infer<typeof teamWorklistQuery>): Promise<Worklist> {
  const staff = authorizeStaff(actor, 'worklist.read-team');
  return buildWorklist(deps, staff, { accountId: query.accountId ?? null, regionCodes: regionFilter(staff, 'case.read') }, 'team');
}
