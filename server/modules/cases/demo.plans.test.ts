import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Worklist } from '#contracts/plans.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo support plans', () => {
  it('gives every region\'s provider plans with goals, the sensitive ones sealed', async () => {
    const rows = await queryRows<{ region: string; plans: number; goals: number; sealed: number }>(
      ctx.database.db.owner,
      sql`select h.region_code as region, count(distinct s.id)::int as plans, count(g.id)::int as goals, count(g.id) filter (where g.sealed and g.title like 'v1.%')::int as sealed
          from support_plan s join household h on h.id = s.household_id join plan_goal g on g.plan_id = s.id group by h.region_code order by h.region_code`,
    );
    expect(rows.map((r) => r.region)).toEqual(['mitte', 'nord', 'sued', 'west']);
    for (const r of rows) expect([r.plans, r.goals, r.sealed]).toEqual([4, 9, 2]);
  });

  it('fills the demo social workers\' worklists with overdue and due goals and reviews of their own region only', async () => {
    for (const region of ['nord', 'sued']) {
      const session = await ctx.login(`beratung@${region}.demo`, DEMO_PASSWORD);
      const res = await ctx.request(session, { method: 'GET', url: '/api/worklist' });
      expect(res.statusCode).toBe(200);
      const items = res.json<Worklist>().items;
      for (const kind of ['goal_overdue', 'goal_due', 'plan_review_due']) expect(items.map((i) => i.kind)).toContain(kind);
      expect(new Set(items.map((i) => i.household.regionCode))).toEqual(new Set([region]));
    }
  });
});
