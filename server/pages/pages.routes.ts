import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { bookingPagesRoutes } from './booking-pages.tsx';
import { managePagesRoutes } from './manage-pages.tsx';
import { officePagesRoutes } from './office-pages.tsx';
import { publicPagesRoutes } from './public-pages.ts';

/** The server-rendered public pages for residents (/, /de/…, /ar/…): start and legal pages, offices, booking, managing. */
export async function publicPages(app: App, deps: Deps): Promise<void> {
  await publicPagesRoutes(app, deps);
  await officePagesRoutes(app, deps);
  await bookingPagesRoutes(app, deps);
  await managePagesRoutes(app, deps);
}
