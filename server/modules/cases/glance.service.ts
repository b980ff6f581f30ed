import type { GlanceRow, HouseholdGlance } from '#contracts/assessments.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff, permittedActions } from '#server/platform/authorize.ts';
import { berlinDate } from '#server/time.ts';
import { areasOf } from './assessments.service.ts';
import { caseFileInReach } from './reach.ts';
import * as a from './assessments.queries.ts';
import { caseScope, householdRecord } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import { basicServiceClock, householdAssignedOn, latestPerArea } from './glance.policy.ts';
import { openGoalsByArea } from './plans.glance.ts';

const GLANCE_ACTIONS = ['assessment.read', 'assessment.create', 'assessment.edit', 'plan.read', 'plan.edit', 'service-entry.read', 'service-entry.create', 'service-entry.edit'] as const;

/**
 * The open goals per area for the glance's `goals` slot (support plans, plans.glance.ts). Kept in
 * this one place so that the plans part changes only this function.
 */
async function goalsOf(deps: Pick<Deps, 'keys'>, tx: Tx, householdId: string): Promise<HouseholdGlance['goals']> {
  return Object.fromEntries(await openGoalsByArea(deps, tx, householdId));
}

/**
 * GET /api/households/:id/glance: the household at a glance — a row for the household as a whole
 * and one per person, a column per integration area with the current need (latest assessment),
 * the dates that matter, the Grundleistung clock with its Fachleistung prompt, and the open goals
 * per area. Composed here in one function; the view is audited.
 */
export async function readGlance(deps: Deps, actor: Actor, householdId: string, locale: string): Promise<HouseholdGlance> {
  const staff = authorizeStaff(actor, 'case.read');
  const now = deps.now();
  const today = berlinDate(now);
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household } = await caseFileInReach(tx, staff, 'case.read', householdId);
    const members = await q.membersOf(tx, household.id);
    const areas = await areasOf(tx, locale);
    const assessments = await a.allAssessmentsOf(tx, household.id);
    const needsOf = (personId: string | null): GlanceRow['needs'] =>
      Object.fromEntries([...latestPerArea(assessments.filter((r) => r.personId === personId))].map(([area, r]) => [area, { level: r.level, assessedOn: r.assessedOn, assessmentId: r.id }]));
    const rows: GlanceRow[] = [
      { kind: 'household', personId: null, name: '', needs: needsOf(null), residenceExpiresOn: null, integrationCourseOn: null, schoolStartOn: null, assignedOn: null },
      ...members.map((m) => ({
        kind: 'person' as const,
        personId: m.id,
        name: `${m.givenNames} ${m.familyName}`.trim(),
        needs: needsOf(m.id),
        residenceExpiresOn: m.residenceExpiresOn,
        integrationCourseOn: m.integrationCourseOn,
        schoolStartOn: m.schoolStartOn,
        assignedOn: m.assignedOn,
      })),
    ];
    const order = new Map(areas.map((x, i) => [x.code, i]));
    const current = rows.flatMap((r) => Object.entries(r.needs).map(([areaCode, n]) => ({ areaCode, level: n.level }))).sort((x, y) => (order.get(x.areaCode) ?? 99) - (order.get(y.areaCode) ?? 99));
    const glance: HouseholdGlance = {
      householdId: household.id,
      today,
      areas,
      rows,
      basicService: basicServiceClock(householdAssignedOn(members.map((m) => m.assignedOn)), today, current),
      goals: await goalsOf(deps, tx, household.id),
      permittedActions: permittedActions(staff, GLANCE_ACTIONS, householdRecord(household)),
    };
    await recordAudit(tx, staff, { action: 'household.glance', recordType: 'household', recordIds: [household.id, ...assessments.map((r) => r.id)] }, now);
    return glance;
  });
}
