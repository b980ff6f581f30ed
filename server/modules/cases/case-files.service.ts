import type { z } from 'zod';
import type { assignBody, closeBody, Household, reopenBody } from '#contracts/cases.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { labelsOfAccounts } from '#server/modules/identity/identity.public.ts';
import { authorizeRecord, authorizeStaff } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound } from '#server/platform/problem.ts';
import { caseScope, householdRecord } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { buildHousehold } from './households.service.ts';
import { staleProblem } from './people.service.ts';

type CaseAction = 'case.assign' | 'case.close';

/** The case file and its household within reach for the action (else 404). */
async function caseInReach(tx: Tx, staff: StaffActor, action: CaseAction, id: string) {
  const file = await q.findCaseFile(tx, id);
  if (!file) throw notFound();
  const household = await q.findHousehold(tx, file.householdId);
  if (!household) throw notFound();
  authorizeRecord(staff, action, householdRecord(household));
  return { file, household };
}

/**
 * POST /api/case-files/:id/assign: the social workers the case is assigned to (one or more, of the
 * provider, active). Replaces the list; the version guards against a concurrent change.
 */
export async function assignCase(deps: Deps, actor: Actor, id: string, input: z.infer<typeof assignBody>, locale: string): Promise<Household> {
  const staff = authorizeStaff(actor, 'case.assign');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { file, household } = await caseInReach(tx, staff, 'case.assign', id);
    const ids = [...new Set(input.accountIds)];
    // Under the tenant scope RLS answers only the provider's own accounts.
    const accounts = new Map((await labelsOfAccounts(tx, ids)).map((a) => [a.id, a]));
    const errors = ids.flatMap((accountId, i) => {
      const a = accounts.get(accountId);
      return !a || a.organisationId !== staff.organisationId || a.disabledAt ? [{ field: `accountIds.${i}`, key: 'field.notColleague' }] : [];
    });
    if (errors.length) throw invalid(errors);
    const updated = await q.updateCaseFileAt(tx, file.id, input.version, {});
    if (!updated) throw staleProblem(await buildHousehold(deps, tx, staff, household, locale));
    await q.replaceAssignees(tx, file.id, staff.organisationId, ids, now);
    await recordAudit(tx, staff, { action: 'case.assign', recordType: 'case_file', recordIds: [file.id, ...ids] }, now);
    return buildHousehold(deps, tx, staff, household, locale);
  });
}

/** POST /api/case-files/:id/close: closes the case with a reason (409 when closed already). */
export async function closeCase(deps: Deps, actor: Actor, id: string, input: z.infer<typeof closeBody>, locale: string): Promise<Household> {
  const staff = authorizeStaff(actor, 'case.close');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { file, household } = await caseInReach(tx, staff, 'case.close', id);
    if (file.closedAt) throw conflict('details.caseClosed');
    const updated = await q.updateCaseFileAt(tx, file.id, input.version, { closedAt: now, closeReason: input.reason });
    if (!updated) throw staleProblem(await buildHousehold(deps, tx, staff, household, locale));
    await recordAudit(tx, staff, { action: 'case.close', recordType: 'case_file', recordIds: [file.id] }, now);
    return buildHousehold(deps, tx, staff, household, locale);
  });
}

/** POST /api/case-files/:id/reopen: a closed case opens again (the household came back). */
export async function reopenCase(deps: Deps, actor: Actor, id: string, input: z.infer<typeof reopenBody>, locale: string): Promise<Household> {
  const staff = authorizeStaff(actor, 'case.close');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { file, household } = await caseInReach(tx, staff, 'case.close', id);
    if (!file.closedAt) throw conflict('details.caseNotClosed');
    const updated = await q.updateCaseFileAt(tx, file.id, input.version, { closedAt: null, closeReason: null, openedAt: now, lastContactAt: null });
    if (!updated) throw staleProblem(await buildHousehold(deps, tx, staff, household, locale));
    await recordAudit(tx, staff, { action: 'case.reopen', recordType: 'case_file', recordIds: [file.id] }, now);
    return buildHousehold(deps, tx, staff, household, locale);
  });
}
