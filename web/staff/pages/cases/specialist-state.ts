import { useQuery } from '@tanstack/react-query';
import { api } from '#web/staff/api.ts';

/** The query of a household's Fachleistung requests (the section and its form share it). */
export const specialistKey = (householdId: string) => ['specialist-requests', householdId] as const;

export function useSpecialistRequests(householdId: string, enabled: boolean) {
  return useQuery({ queryKey: specialistKey(householdId), queryFn: () => api('GET /api/households/:id/specialist-requests', { params: { id: householdId } }), retry: false, enabled });
}

/** Hours as the staff app shows them: up to two decimals, in the UI's language. */
export function formatHours(hours: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(hours);
}
