import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RetentionEraseResult, RetentionReview } from '#contracts/retention.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo retention', () => {
  it('gives every region\'s provider one case file closed more than three years ago', async () => {
    const rows = await queryRows<{ region: string; n: number }>(
      ctx.database.db.owner,
      sql`select h.region_code as region, count(*)::int as n from case_file f join household h on h.id = f.household_id
           where f.closed_at < ${'2023-06-01T06:00:00Z'}::timestamptz group by h.region_code order by h.region_code`,
    );
    expect(rows).toEqual([{ region: 'mitte', n: 1 }, { region: 'nord', n: 1 }, { region: 'sued', n: 1 }, { region: 'west', n: 1 }]);
  });

  it('shows the demo administrator the due case file at once, not blocked, and erases it now', async () => {
    const admin = await ctx.login('leitung@nord.demo', DEMO_PASSWORD);
    const review = await ctx.request(admin, { method: 'GET', url: '/api/retention' });
    expect(review.statusCode, review.body).toBe(200);
    const { due } = review.json<RetentionReview>();
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ closeReason: 'Umzug in eine andere Stadt', blocked: false });
    expect(due[0]?.counts.people).toBeGreaterThan(0);
    const erased = await ctx.request(admin, { method: 'POST', url: '/api/retention/erase', payload: { caseFileIds: [due[0]?.caseFileId] } });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json<RetentionEraseResult>().erased.map((e) => e.caseFileId)).toEqual([due[0]?.caseFileId]);
  });
});
