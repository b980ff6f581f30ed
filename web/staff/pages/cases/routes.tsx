import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { HouseholdPage } from './HouseholdPage.tsx';
import { HouseholdsPage } from './HouseholdsPage.tsx';
import { NewHouseholdPage } from './NewHouseholdPage.tsx';
import { SpecialistRequestsPage } from './SpecialistRequestsPage.tsx';
import { TransferPage } from './TransferPage.tsx';

/**
 * Case work: search-first households, the household at a glance, a new household with its people
 * (provider staff); the Fachleistung requests of their regions for the city's coordinators.
 */
export const routes: PageRoute[] = [
  { path: 'households', element: <HouseholdsPage />, action: 'case.read' },
  { path: 'households/new', element: <NewHouseholdPage />, action: 'case.create' },
  { path: 'households/:id', element: <HouseholdPage />, action: 'case.read' },
  { path: 'specialist-requests', element: <SpecialistRequestsPage />, action: 'specialist-request.review' },
  { path: 'transfers/:id', element: <TransferPage />, action: 'transfer.read' },
];
export const menu: MenuEntry[] = [
  { to: '/households', label: 'nav.households', order: 15, action: 'case.read', text: 'home.linkText.households' },
  { to: '/specialist-requests', label: 'nav.specialistRequests', order: 16, action: 'specialist-request.review', text: 'home.linkText.specialistRequests' },
];
