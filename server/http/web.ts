import type { Deps } from '#server/deps.ts';
import type { App } from './types.ts';
import { bookingPagesRoutes } from './booking-pages.tsx';
import { managePagesRoutes } from './manage-pages.tsx';
import { officePagesRoutes } from './office-pages.tsx';
import { publicPagesRoutes } from './public-pages.ts';
import { staffAppRoutes } from './staff-app.ts';

/** The server-rendered public pages (/, /de/…, /ar/…) and the staff app (/app/…). */
export async function webRoutes(app: App, deps: Deps): Promise<void> {
  await publicPagesRoutes(app, deps);
  await officePagesRoutes(app, deps);
  await bookingPagesRoutes(app, deps);
  await managePagesRoutes(app, deps);
  await staffAppRoutes(app, deps);
}
