import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { CatalogPage } from './CatalogPage.tsx';

/** The service catalog: every member of staff reads it; the city's administration drafts and publishes versions. */
export const routes: PageRoute[] = [{ path: 'catalog', element: <CatalogPage />, action: 'catalog.read' }];
export const menu: MenuEntry[] = [{ to: '/catalog', label: 'nav.catalog', order: 45, action: 'catalog.read', text: 'home.linkText.catalog' }];
