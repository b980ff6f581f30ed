import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { MyAccountPage } from './MyAccountPage.tsx';

export const routes: PageRoute[] = [{ path: 'account', element: <MyAccountPage />, action: null }];
export const menu: MenuEntry[] = [{ to: '/account', label: 'nav.myAccount', order: 100, action: null, text: 'home.linkText.account' }];
