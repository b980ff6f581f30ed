import type { Deps } from '#server/deps.ts';
import type { App } from './types.ts';

/** Server-rendered public pages for residents, locale in the URL. */
export async function publicPagesRoutes(app: App, deps: Deps): Promise<void> {
  void app;
  void deps;
}
