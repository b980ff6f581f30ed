import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { OrganisationsPage } from './OrganisationsPage.tsx';

export const routes: PageRoute[] = [{ path: 'organisations', element: <OrganisationsPage />, action: 'organisation.list' }];
export const menu: MenuEntry[] = [{ to: '/organisations', label: 'nav.organisations', order: 10, action: 'organisation.list', text: 'home.linkText.organisations' }];
