import { z } from 'zod';
import type { Deps } from '#server/deps.ts';
import { Problem } from '#server/platform/problem.ts';
import type { App } from './types.ts';

/** GET /healthz: 200 when the database answers, 503 otherwise (for load balancers). */
export async function healthRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags: ['operations'], summary: 'Whether Lotse and its database answer (for load balancers)', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      try {
        await deps.db.ping();
      } catch {
        throw new Problem(503, 'internal');
      }
      return { status: 'ok' as const };
    },
  );
}
