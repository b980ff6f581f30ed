import type { Deps } from './deps.ts';
import { deleteExpiredSessions } from './modules/identity/identity.queries.ts';

/**
 * Periodic housekeeping. On PGlite (one process by definition) an in-process scheduler; on
 * PostgreSQL the same jobs are idempotent and safe when several processes run them.
 */
export interface Jobs {
  stop(): Promise<void>;
}

export const JOBS: { name: string; everyMs: number; run: (deps: Deps) => Promise<void> }[] = [
  {
    name: 'sessions.expire',
    everyMs: 15 * 60_000,
    run: (deps) => deps.db.transaction({ kind: 'system' }, (tx) => deleteExpiredSessions(tx, deps.now())),
  },
];

export function startJobs(deps: Deps): Jobs {
  const timers = JOBS.map((job) =>
    setInterval(() => {
      job.run(deps).catch((err: unknown) => deps.log?.error({ err, job: job.name }, 'job failed'));
    }, job.everyMs),
  );
  for (const t of timers) t.unref();
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
    },
  };
}
