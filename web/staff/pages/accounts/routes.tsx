import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { AccountsPage } from './AccountsPage.tsx';

export const routes: PageRoute[] = [{ path: 'accounts', element: <AccountsPage />, action: 'account.list' }];
export const menu: MenuEntry[] = [{ to: '/accounts', label: 'nav.accounts', order: 20, action: 'account.list', text: 'home.linkText.accounts' }];
