import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { PartnersPage } from './PartnersPage.tsx';

export const routes: PageRoute[] = [{ path: 'partners', element: <PartnersPage />, action: 'partner.read' }];
export const menu: MenuEntry[] = [{ to: '/partners', label: 'nav.partners', order: 15, action: 'partner.read' }];
