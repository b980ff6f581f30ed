import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { AuditPage } from './AuditPage.tsx';

export const routes: PageRoute[] = [{ path: 'audit', element: <AuditPage />, action: 'audit.read' }];
export const menu: MenuEntry[] = [{ to: '/audit', label: 'nav.audit', order: 60, action: 'audit.read', text: 'home.linkText.audit' }];
