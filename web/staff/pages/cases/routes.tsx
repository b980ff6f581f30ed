import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { HouseholdPage } from './HouseholdPage.tsx';
import { HouseholdsPage } from './HouseholdsPage.tsx';
import { NewHouseholdPage } from './NewHouseholdPage.tsx';
import { RetentionPage } from './RetentionPage.tsx';
import { SpecialistRequestsPage } from './SpecialistRequestsPage.tsx';
import { SpecialistSettingsPage } from './SpecialistSettingsPage.tsx';
import { TransferPage } from './TransferPage.tsx';

/**
 * Case work: search-first households, the household at a glance, a new household with its people
 * (provider staff); the Fachleistung requests of their regions for the city's coordinators, and
 * the Fachleistung threshold for the city's administration; the closed case files due for erasure
 * for the provider's administrator.
 */
export const routes: PageRoute[] = [
  { path: 'households', element: <HouseholdsPage />, action: 'case.read' },
  { path: 'households/new', element: <NewHouseholdPage />, action: 'case.create' },
  { path: 'households/:id', element: <HouseholdPage />, action: 'case.read' },
  { path: 'specialist-requests', element: <SpecialistRequestsPage />, action: 'specialist-request.review' },
  { path: 'specialist-settings', element: <SpecialistSettingsPage />, action: 'specialist-setting.edit' },
  { path: 'transfers/:id', element: <TransferPage />, action: 'transfer.read' },
  { path: 'retention', element: <RetentionPage />, action: 'retention.review' },
];
export const menu: MenuEntry[] = [
  { to: '/households', label: 'nav.households', order: 15, action: 'case.read', text: 'home.linkText.households' },
  { to: '/specialist-requests', label: 'nav.specialistRequests', order: 16, action: 'specialist-request.review', text: 'home.linkText.specialistRequests' },
  { to: '/specialist-settings', label: 'nav.specialistSettings', order: 46, action: 'specialist-setting.edit' },
  { to: '/retention', label: 'nav.retention', order: 47, action: 'retention.review' },
];
