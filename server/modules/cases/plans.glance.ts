import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { openGoal } from './plans.service.ts';
import * as p from './plans.queries.ts';

/** An open goal as the household at a glance shows it in its area's column. */
export interface GlanceGoal {
  id: string;
  title: string;
  dueOn: string | null;
  /** The goal's texts are sealed at rest (sensitive area or marked sensitive); the title is opened here. */
  sealed: boolean;
}

/**
 * The open goals (not yet reviewed) of a household's support plan per integration area, in plan
 * order, their titles opened with the key ring: the `goals` slot of the household at a glance. In
 * the caller's transaction (tenant scope; the caller has checked the household is within reach and
 * audits the view).
 */
export async function openGoalsByArea(deps: Pick<Deps, 'keys'>, tx: Tx, householdId: string): Promise<Map<string, GlanceGoal[]>> {
  const byArea = new Map<string, GlanceGoal[]>();
  for (const g of await p.openGoalsOf(tx, [householdId])) {
    byArea.set(g.areaCode, [...(byArea.get(g.areaCode) ?? []), { id: g.id, title: openGoal(deps.keys, g).title, dueOn: g.dueOn, sealed: g.sealed }]);
  }
  return byArea;
}
