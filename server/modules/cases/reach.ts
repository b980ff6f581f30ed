import type { Action } from '#contracts/actions.ts';
import type { Tx } from '#server/db.ts';
import type { StaffActor } from '#server/modules/identity/identity.public.ts';
import { authorizeRecord } from '#server/platform/authorize.ts';
import { notFound } from '#server/platform/problem.ts';
import { householdRecord } from './cases.policy.ts';
import * as q from './cases.queries.ts';

/** The household within the actor's reach for the action; else 404, exactly like an unknown one. */
export async function householdInReach(tx: Tx, staff: StaffActor, action: Action, id: string): Promise<q.HouseholdRow> {
  const household = await q.findHousehold(tx, id);
  if (!household) throw notFound();
  authorizeRecord(staff, action, householdRecord(household));
  return household;
}

/** The household within reach for the action (else 404) with its case file, for the work done in it. */
export async function caseFileInReach(tx: Tx, staff: StaffActor, action: Action, id: string) {
  const household = await householdInReach(tx, staff, action, id);
  const file = await q.caseFileOfHousehold(tx, household.id);
  if (!file) throw notFound();
  return { household, file };
}
