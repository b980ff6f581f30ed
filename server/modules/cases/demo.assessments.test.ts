import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdGlance } from '#contracts/assessments.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo needs assessments', () => {
  it('gives every region\'s provider assessments with a history, sealed notes and their statistics rows', async () => {
    const rows = await queryRows<{ region: string; n: number; sealed: number; stats: number }>(
      ctx.database.db.owner,
      sql`select h.region_code as region, count(*)::int as n, count(*) filter (where a.note_sealed and a.note like 'v1.%')::int as sealed,
                 (select count(*)::int from case_statistic s where s.region_code = h.region_code and s.source = 'assessment') as stats
            from need_assessment a join household h on h.id = a.household_id group by h.region_code order by h.region_code`,
    );
    expect(rows.map((r) => r.region)).toEqual(['mitte', 'nord', 'sued', 'west']);
    for (const r of rows) expect([r.n, r.sealed, r.stats]).toEqual([25, 4, 25]);
  });

  it('shows the demo social worker a household whose Grundleistung year closes with high needs left: the glance prompts a Fachleistung', async () => {
    const session = await ctx.login('beratung@sued.demo', DEMO_PASSWORD);
    const [closing] = await queryRows<{ id: string }>(ctx.database.db.owner, sql`select h.id from household h join person p on p.household_id = h.id where h.region_code = 'sued' and p.assigned_on = '2025-06-21' limit 1`);
    const res = await ctx.request(session, { method: 'GET', url: `/api/households/${closing?.id ?? ''}/glance` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<HouseholdGlance>().basicService).toMatchObject({ status: 'closing', fachleistungPrompt: true, promptAreas: ['work', 'health'] });
  });
});
