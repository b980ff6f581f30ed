import { useQuery } from '@tanstack/react-query';
import { api } from '#web/staff/api.ts';

/** The query of a household's referrals (the section, its forms and the state changes share it). */
export const referralsKey = (householdId: string) => ['referrals', householdId] as const;

export function useReferrals(householdId: string, enabled: boolean) {
  return useQuery({ queryKey: referralsKey(householdId), queryFn: () => api('GET /api/households/:id/referrals', { params: { id: householdId } }), retry: false, enabled });
}
