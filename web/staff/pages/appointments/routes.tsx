import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { CalendarPage } from './CalendarPage.tsx';
import { SetupPage } from './SetupPage.tsx';

/** Reached from an office's page (links shown per office from the same actions). */
export const routes: PageRoute[] = [
  { path: 'offices/:id/calendar', element: <CalendarPage />, action: 'appointment.read-calendar' },
  { path: 'offices/:id/setup', element: <SetupPage />, action: 'appointment-setup.edit' },
];
export const menu: MenuEntry[] = [];
