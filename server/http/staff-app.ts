import type { Deps } from '#server/deps.ts';
import type { App } from './types.ts';

/** The staff app built by Vite, served under /app/. */
export async function staffAppRoutes(app: App, deps: Deps): Promise<void> {
  void app;
  void deps;
}
