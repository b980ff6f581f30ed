import { useQuery } from '@tanstack/react-query';
import type { Goal, GoalInput, Plan } from '#contracts/plans.ts';
import { api, ProblemError } from '#web/staff/api.ts';

/** The query of a household's support plan (the plan section and its forms share it). */
export const planKey = (householdId: string) => ['plans', householdId] as const;

export function usePlan(householdId: string) {
  return useQuery({ queryKey: planKey(householdId), queryFn: () => api('GET /api/households/:id/plan', { params: { id: householdId } }), retry: false });
}

/** A goal as the save sends it back (its review stays on the server). */
export function goalInputOf(g: Goal): GoalInput {
  return {
    id: g.id,
    areaCode: g.areaCode,
    title: g.title,
    steps: g.steps,
    responsibleKind: g.responsibleKind,
    responsiblePersonId: g.responsiblePersonId,
    responsibleAccountId: g.responsibleAccountId,
    responsibleText: g.responsibleText,
    dueOn: g.dueOn,
    sensitive: g.sensitive,
  };
}

/** The plan as it is now, when a save was refused because someone changed it meanwhile (409 with `current`). */
export function changedMeanwhile(error: unknown): Plan | null {
  if (!(error instanceof ProblemError) || error.status !== 409) return null;
  const current = (error.problem as { current?: unknown }).current;
  return current && typeof current === 'object' && 'goals' in current ? (current as Plan) : null;
}
