import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { OfficePage } from './OfficePage.tsx';
import { OfficesPage } from './OfficesPage.tsx';
import { QuickContactsPage } from './QuickContactsPage.tsx';

/** The offices with their scorecards: every staff member (the evaluators too: they score offices in calls). */
export const routes: PageRoute[] = [
  { path: 'offices', element: <OfficesPage />, action: 'office.read-scorecard' },
  { path: 'offices/:id', element: <OfficePage />, action: 'office.read-scorecard' },
  // Quick contacts at the office's counter (open consultation): its provider's staff.
  { path: 'offices/:id/quick-contacts', element: <QuickContactsPage />, action: 'quick-contact.read' },
];
export const menu: MenuEntry[] = [{ to: '/offices', label: 'nav.offices', order: 40, action: 'office.read-scorecard', text: 'home.linkText.offices' }];
