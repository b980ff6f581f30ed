import { and, asc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { caseAssignment, caseFile, household, person } from './cases.schema.ts';
import { letter } from './letters.schema.ts';
import { planGoal, supportPlan } from './plans.schema.ts';
import { referral } from './referrals.schema.ts';

/**
 * The worklist's statements: what is due in the open case files of a scope — the actor's own
 * (assigned to the account) or the team's (every one, or one colleague's) — inside the regions the
 * actor reaches. Runs under the provider's tenant scope (RLS keeps other providers out).
 */

export interface WorklistScope {
  /** Only case files assigned to this account; null: every case file of the provider. */
  accountId: string | null;
  /** The actor's regions; null: every region. */
  regionCodes: readonly string[] | null;
}

/** The households of the open case files in scope (a subquery every statement below filters by). */
function householdsInScope(s: WorklistScope): SQL {
  const regions = s.regionCodes === null ? sql`true` : s.regionCodes.length === 0 ? sql`false` : sql`h.region_code in (${sql.join(s.regionCodes.map((c) => sql`${c}`), sql`, `)})`;
  const assigned = s.accountId === null ? sql`true` : sql`exists (select 1 from case_assignment a where a.case_file_id = cf.id and a.account_id = ${s.accountId})`;
  return sql`(select cf.household_id from case_file cf join household h on h.id = cf.household_id where cf.closed_at is null and ${regions} and ${assigned})`;
}

/** The open case files in scope with their household's head (name) and region. */
export async function casesInScope(tx: Tx, s: WorklistScope) {
  return tx
    .select({
      caseFileId: caseFile.id,
      householdId: household.id,
      regionCode: household.regionCode,
      openedAt: caseFile.openedAt,
      lastContactAt: caseFile.lastContactAt,
      head: sql<string>`coalesce((select p.given_names || ' ' || p.family_name from person p where p.household_id = ${household.id} and p.merged_into_id is null order by (p.relationship = 'head') desc, p.created_at limit 1), '')`,
    })
    .from(caseFile)
    .innerJoin(household, eq(household.id, caseFile.householdId))
    .where(sql`${household.id} in ${householdsInScope(s)}`)
    .orderBy(asc(household.id));
}

/** Open goals in scope due on or before `until` (overdue ones included). */
export async function goalsDue(tx: Tx, s: WorklistScope, until: string) {
  return tx
    .select()
    .from(planGoal)
    .where(and(sql`${planGoal.householdId} in ${householdsInScope(s)}`, eq(planGoal.status, 'open'), lte(planGoal.dueOn, until)))
    .orderBy(asc(planGoal.dueOn), asc(planGoal.id));
}

/** Plans in scope whose review date is on or before `until`. */
export async function reviewsDue(tx: Tx, s: WorklistScope, until: string) {
  return tx
    .select({ id: supportPlan.id, householdId: supportPlan.householdId, reviewOn: supportPlan.reviewOn })
    .from(supportPlan)
    .where(and(sql`${supportPlan.householdId} in ${householdsInScope(s)}`, lte(supportPlan.reviewOn, until)));
}

/** People in scope whose permit expires in [today, until] or whose assignment lies in the range (the policy decides exactly). */
export async function peopleWithDates(tx: Tx, s: WorklistScope, residence: { from: string; to: string }, assigned: { from: string; to: string }) {
  return tx
    .select({ id: person.id, householdId: person.householdId, givenNames: person.givenNames, familyName: person.familyName, residenceExpiresOn: person.residenceExpiresOn, assignedOn: person.assignedOn })
    .from(person)
    .where(
      and(
        sql`${person.householdId} in ${householdsInScope(s)}`,
        isNull(person.mergedIntoId),
        or(sql`${person.residenceExpiresOn} between ${residence.from} and ${residence.to}`, sql`${person.assignedOn} between ${assigned.from} and ${assigned.to}`),
      ),
    );
}

/** Open letters in scope with a due date on or before `until` (overdue ones included). */
export async function lettersDue(tx: Tx, s: WorklistScope, until: string) {
  return tx
    .select({ id: letter.id, householdId: letter.householdId, authority: letter.authority, authorityName: letter.authorityName, dueOn: letter.dueOn })
    .from(letter)
    .where(and(sql`${letter.householdId} in ${householdsInScope(s)}`, eq(letter.state, 'open'), lte(letter.dueOn, until)))
    .orderBy(asc(letter.dueOn), asc(letter.id));
}

/** Open referrals in scope (sent or accepted) whose follow-up lies on or before `until` (overdue ones included). */
export async function referralFollowUpsDue(tx: Tx, s: WorklistScope, until: string) {
  return tx
    .select({ id: referral.id, householdId: referral.householdId, partnerId: referral.partnerId, purpose: referral.purpose, state: referral.state, followUpOn: referral.followUpOn })
    .from(referral)
    .where(and(sql`${referral.householdId} in ${householdsInScope(s)}`, inArray(referral.state, ['sent', 'accepted']), lte(referral.followUpOn, until)))
    .orderBy(asc(referral.followUpOn), asc(referral.id));
}

/** The assignees of these case files. */
export async function assigneesOfFiles(tx: Tx, caseFileIds: readonly string[]) {
  if (caseFileIds.length === 0) return [];
  return tx.select({ caseFileId: caseAssignment.caseFileId, accountId: caseAssignment.accountId }).from(caseAssignment).where(inArray(caseAssignment.caseFileId, [...caseFileIds]));
}
