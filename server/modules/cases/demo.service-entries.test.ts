import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceEntry } from '#contracts/case-work.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo service entries', () => {
  it('gives every region\'s provider entries of the last weeks, the health note sealed, each with its statistics row', async () => {
    const rows = await queryRows<{ region: string; n: number; sealed: number; alongside: number; interpreter: number; stats: number }>(
      ctx.database.db.owner,
      sql`select h.region_code as region, count(*)::int as n, count(*) filter (where e.note_sealed and e.note like 'v1.%')::int as sealed,
                 count(*) filter (where cardinality(e.alongside_ids) > 0)::int as alongside, count(*) filter (where e.interpreter)::int as interpreter,
                 (select count(*)::int from case_statistic s where s.region_code = h.region_code and s.source = 'service_entry') as stats
            from service_entry e join household h on h.id = e.household_id group by h.region_code order by h.region_code`,
    );
    expect(rows.map((r) => r.region)).toEqual(['mitte', 'nord', 'sued', 'west']);
    // 7 of the service-entry demo and 3 specialist hours booked against the demo Fachleistung.
    for (const r of rows) expect([r.n, r.sealed, r.stats]).toEqual([10, 1, 10]);
    for (const r of rows) expect(r.alongside).toBeGreaterThan(0);
    for (const r of rows) expect(r.interpreter).toBe(2);
  });

  it('shows the demo social worker the entries of a household newest first, the sealed note opened', async () => {
    const session = await ctx.login('beratung@nord.demo', DEMO_PASSWORD);
    const [h] = await queryRows<{ id: string }>(ctx.database.db.owner, sql`select e.household_id as id from service_entry e join household h on h.id = e.household_id where h.region_code = 'nord' and e.note_sealed limit 1`);
    const res = await ctx.request(session, { method: 'GET', url: `/api/households/${h?.id ?? ''}/service-entries` });
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json<{ entries: ServiceEntry[] }>().entries;
    expect(entries.map((e) => e.occurredOn)).toEqual(['2026-05-29', '2026-05-20', '2026-05-08']);
    expect(entries[0]).toMatchObject({ sealed: true, note: 'Kinderärztin in der Nähe gefunden, Termin nächste Woche', service: { code: 'health.doctor' } });
  });
});
