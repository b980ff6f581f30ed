import { PgBoss } from 'pg-boss';
import type { Deps } from './deps.ts';
import { composeDeps } from './app.ts';
import { purgeExpiredSessions } from '#server/modules/identity/identity.public.ts';
import { appointmentsHousekeeping, sendReminders } from '#server/modules/appointments/appointments.public.ts';
import { runRetention } from '#server/modules/cases/cases.public.ts';

/**
 * Periodic housekeeping. On PGlite (one process by definition) an in-process scheduler; on
 * PostgreSQL pg-boss, whose cron schedules live in the database (schema `pgboss`), so several
 * Lotse processes share one schedule and each run happens once. The jobs are idempotent anyway.
 */
export interface Jobs {
  kind: 'in-process' | 'pg-boss';
  stop(): Promise<void>;
}

export interface Job {
  name: string;
  /** For the in-process scheduler. */
  everyMs: number;
  /** The same rhythm for pg-boss (minute resolution, UTC). */
  cron: string;
  run: (deps: Deps) => Promise<void>;
}

export const JOBS: Job[] = [
  {
    name: 'sessions.expire',
    everyMs: 15 * 60_000,
    cron: '*/15 * * * *',
    run: (deps) => purgeExpiredSessions(deps),
  },
  {
    // Expired waitlist offers go to the next person; expired holds, idempotency keys and counters go.
    name: 'appointments.housekeeping',
    everyMs: 5 * 60_000,
    cron: '*/5 * * * *',
    run: async (deps) => {
      await appointmentsHousekeeping(deps);
    },
  },
  {
    name: 'appointments.remind',
    everyMs: 15 * 60_000,
    cron: '*/15 * * * *',
    run: async (deps) => {
      await sendReminders(deps);
    },
  },
  {
    // Closed case files past their retention period (LOTSE_CASE_RETENTION_YEARS) are erased, each provider in its tenant scope.
    name: 'cases.retention',
    everyMs: 24 * 60 * 60_000,
    cron: '30 2 * * *',
    run: async (deps) => {
      const result = await runRetention(deps);
      if (result.erased > 0 || result.skipped > 0) deps.log?.info(result, 'retention: closed case files erased');
    },
  },
];

export const PG_BOSS_SCHEMA = 'pgboss';
export const PG_BOSS_APPLICATION = 'lotse-jobs';

export async function startJobs(base: Deps, jobs: Job[] = JOBS): Promise<Jobs> {
  // The jobs meet the modules' hooks as the routes do (the retention job erases through deps.subjectAccess).
  const deps = composeDeps(base);
  const database = deps.config.database;
  if (deps.db.kind === 'postgres' && database.kind === 'postgres') return startPgBoss(deps, database.url, jobs);
  return startInProcess(deps, jobs);
}

function startInProcess(deps: Deps, jobs: Job[]): Jobs {
  const timers = jobs.map((job) =>
    setInterval(() => {
      job.run(deps).catch((err: unknown) => deps.log?.error({ err, job: job.name }, 'job failed'));
    }, job.everyMs),
  );
  for (const t of timers) t.unref();
  return {
    kind: 'in-process',
    async stop() {
      for (const t of timers) clearInterval(t);
    },
  };
}

async function startPgBoss(deps: Deps, url: string, jobs: Job[]): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString: url,
    schema: PG_BOSS_SCHEMA,
    application_name: PG_BOSS_APPLICATION,
    max: 2,
    openTelemetry: { enabled: false },
  });
  boss.on('error', (err: unknown) => deps.log?.error({ err }, 'job queue error'));
  await boss.start();
  try {
    const names = new Set(jobs.map((j) => j.name));
    for (const job of jobs) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron);
      await boss.work(job.name, async () => {
        await job.run(deps);
      });
    }
    // Schedules of jobs that no longer exist would otherwise fill queues nobody works.
    for (const s of await boss.getSchedules()) {
      if (!names.has(s.name)) await boss.unschedule(s.name, s.key);
    }
  } catch (error) {
    await boss.stop({ graceful: false, close: true });
    throw error;
  }
  return {
    kind: 'pg-boss',
    async stop() {
      await boss.stop({ graceful: true, close: true, timeout: 10_000 });
    },
  };
}
