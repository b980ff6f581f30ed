import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { HomePage } from './HomePage.tsx';

export const routes: PageRoute[] = [{ index: true, element: <HomePage />, action: null }];
export const menu: MenuEntry[] = [{ to: '/', label: 'nav.home', order: 0, action: null }];
