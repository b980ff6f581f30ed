import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

/** Queries more than one domain's pages read (one cache key each, so pages share the answer). */

export function useOffice(id: string) {
  return useQuery({ queryKey: ['office', id], queryFn: () => api('GET /api/offices/:id', { params: { id } }) });
}

export function useSetup(officeId: string) {
  return useQuery({ queryKey: ['setup', officeId], queryFn: () => api('GET /api/offices/:id/appointment-setup', { params: { id: officeId } }) });
}

export function useCalendar(officeId: string, from: string, days: number, counsellor = '') {
  return useQuery({
    queryKey: ['calendar', officeId, from, days, counsellor],
    queryFn: () => api('GET /api/offices/:id/calendar', { params: { id: officeId }, query: { from, days, counsellor } }),
  });
}

/** Every office in force today (the offices list and the home page). */
export function useOffices(region = '') {
  return useQuery({ queryKey: ['offices', region], queryFn: () => api('GET /api/offices', { query: { region } }) });
}

/** The regions in force today (filters and selects). */
export function useRegionsToday() {
  return useQuery({ queryKey: ['regions', 'today'], queryFn: () => api('GET /api/regions') });
}

/** The key of a household's appointments (its case file lists them; a booking from the calendar refetches them). */
export const householdAppointmentsKey = (householdId: string) => ['household-appointments', householdId] as const;
