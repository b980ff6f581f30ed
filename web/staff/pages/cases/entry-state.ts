import { useQuery } from '@tanstack/react-query';
import type { ServiceEntry } from '#contracts/case-work.ts';
import { api, ProblemError } from '#web/staff/api.ts';

/** The queries of a household's service entries and of the catalog in force (the section and its form share them). */
export const serviceEntriesKey = (householdId: string) => ['service-entries', householdId] as const;
export const currentCatalogKey = ['catalog', 'current'] as const;

export function useServiceEntries(householdId: string, enabled: boolean) {
  return useQuery({ queryKey: serviceEntriesKey(householdId), queryFn: () => api('GET /api/households/:id/service-entries', { params: { id: householdId } }), retry: false, enabled });
}

export function useCurrentCatalog(enabled: boolean) {
  return useQuery({ queryKey: currentCatalogKey, queryFn: () => api('GET /api/catalog/current'), retry: false, enabled, staleTime: 5 * 60_000 });
}

/** The entry as it is now, when a correction was refused because someone changed it meanwhile. */
export function entryChangedMeanwhile(error: unknown): ServiceEntry | null {
  if (!(error instanceof ProblemError) || error.status !== 409) return null;
  const current = (error.problem as { current?: unknown }).current;
  return current && typeof current === 'object' && 'setting' in current ? (current as ServiceEntry) : null;
}

/** Who took part, per person: counselled, counselled alongside (funders count them apart), or not there. */
export type Part = 'counselled' | 'alongside' | 'absent';

export function partsOf(memberIds: readonly string[], counselledIds: readonly string[], alongsideIds: readonly string[]): Record<string, Part> {
  return Object.fromEntries(memberIds.map((id) => [id, counselledIds.includes(id) ? 'counselled' : alongsideIds.includes(id) ? 'alongside' : 'absent'])) as Record<string, Part>;
}

export function idsWith(parts: Record<string, Part>, part: Part): string[] {
  return Object.entries(parts).flatMap(([id, p]) => (p === part ? [id] : []));
}
