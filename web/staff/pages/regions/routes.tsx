import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { RegionsPage } from './RegionsPage.tsx';

/** Regions are reference data every staff member reads; their editors see "Regionen & Gebiete". */
export const routes: PageRoute[] = [{ path: 'regions', element: <RegionsPage />, action: null }];
export const menu: MenuEntry[] = [
  { to: '/regions', label: 'nav.regions', labelFor: { action: 'region-member.move', label: 'nav.regionsAndQuarters' }, order: 30, action: null, text: 'home.linkText.regions' },
];
