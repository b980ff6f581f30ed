import { useQuery } from '@tanstack/react-query';
import type { NeedLevel } from '#contracts/assessments.ts';
import type { BadgeVariant } from '#web/ui/Badge.tsx';
import { api } from '#web/staff/api.ts';

/** The queries of a household's glance and assessments (the sections and the form share them). */
export const glanceKey = (householdId: string) => ['glance', householdId] as const;
export const assessmentsKey = (householdId: string) => ['assessments', householdId] as const;

export function useGlance(householdId: string) {
  return useQuery({ queryKey: glanceKey(householdId), queryFn: () => api('GET /api/households/:id/glance', { params: { id: householdId } }), retry: false });
}

export function useAssessments(householdId: string) {
  return useQuery({ queryKey: assessmentsKey(householdId), queryFn: () => api('GET /api/households/:id/assessments', { params: { id: householdId } }), retry: false });
}

/** A need level's badge colour; the badge always says the level in words (never colour alone). */
export const LEVEL_VARIANT: Record<NeedLevel, BadgeVariant> = { none: 'success', low: 'info', medium: 'warning', high: 'danger', acute: 'danger' };
