import type { Deps } from '#server/deps.ts';
import { publicPages } from '#server/pages/pages.routes.ts';
import type { App } from './types.ts';
import { staffAppRoutes } from './staff-app.ts';

/** The server-rendered public pages (/, /de/…, /ar/…) and the staff app (/app/…). */
export async function webRoutes(app: App, deps: Deps): Promise<void> {
  await publicPages(app, deps);
  await staffAppRoutes(app, deps);
}
