import type { MenuEntry, PageRoute } from '#web/staff/navigation.ts';
import { GeoImportPage } from './GeoImportPage.tsx';

/** Reached from the regions page (no menu entry of its own). */
export const routes: PageRoute[] = [{ path: 'regions/geodata', element: <GeoImportPage />, action: 'geodata.import' }];
export const menu: MenuEntry[] = [];
