import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { AgreementsPage } from './AgreementsPage.tsx';

export const routes: PageRoute[] = [{ path: 'service-agreements', element: <AgreementsPage />, action: 'service-agreement.list' }];
export const menu: MenuEntry[] = [{ to: '/service-agreements', label: 'nav.serviceAgreements', order: 50, action: 'service-agreement.list', text: 'home.linkText.service-agreements' }];
