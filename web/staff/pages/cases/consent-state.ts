import { useQuery } from '@tanstack/react-query';
import { api } from '#web/staff/api.ts';

/** The query of a household's consents (the section, its form and the withdrawal share it). */
export const consentsKey = (householdId: string) => ['consents', householdId] as const;

export function useConsents(householdId: string, enabled: boolean) {
  return useQuery({ queryKey: consentsKey(householdId), queryFn: () => api('GET /api/households/:id/consents', { params: { id: householdId } }), retry: false, enabled });
}
