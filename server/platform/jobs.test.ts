import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { JOBS, PG_BOSS_APPLICATION, PG_BOSS_SCHEMA, startJobs } from '#server/jobs.ts';
import { createTestContext, type TestContext } from '#test/context.ts';

let ctx: TestContext;
let deps: Deps;
beforeAll(async () => {
  ctx = await createTestContext();
  // The test config names no real database; point it at this file's own one.
  const database = ctx.database.url ? ({ kind: 'postgres', url: ctx.database.url } as const) : ({ kind: 'pglite', dataDir: '/nonexistent' } as const);
  deps = { ...ctx.deps, config: { ...ctx.deps.config, database } };
});
afterAll(async () => ctx.close());

describe('scheduled jobs', () => {
  it('use pg-boss on PostgreSQL (schedules in the database) and an in-process timer on PGlite', async () => {
    const jobs = await startJobs(deps);
    try {
      if (ctx.deps.db.kind === 'pglite') {
        expect(jobs.kind).toBe('in-process');
        return;
      }
      expect(jobs.kind).toBe('pg-boss');
      const schedules = await queryRows<{ name: string; cron: string }>(ctx.database.db.owner, sql.raw(`select name, cron from ${PG_BOSS_SCHEMA}.schedule order by name`));
      const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      expect([...schedules].sort(byName)).toEqual(JOBS.map((j) => ({ name: j.name, cron: j.cron })).sort(byName));
      // A second process registers the same schedules, not copies of them.
      const second = await startJobs(deps);
      await second.stop();
      const again = await queryRows<{ n: number }>(ctx.database.db.owner, sql.raw(`select count(*)::int as n from ${PG_BOSS_SCHEMA}.schedule`));
      expect(again[0]?.n).toBe(JOBS.length);
    } finally {
      await jobs.stop();
    }
    const open = await queryRows<{ n: number }>(
      ctx.database.db.owner,
      sql`select count(*)::int as n from pg_stat_activity where application_name = ${PG_BOSS_APPLICATION} and datname = current_database()`,
    );
    expect(open[0]?.n).toBe(0);
  });

  it('a job runs through the application role: the session clean-up works on both databases', async () => {
    const job = JOBS.find((j) => j.name === 'sessions.expire');
    if (!job) throw new Error('no sessions.expire job');
    await expect(job.run(ctx.deps)).resolves.toBeUndefined();
  });
});
