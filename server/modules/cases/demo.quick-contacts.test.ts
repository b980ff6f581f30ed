import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuickContact } from '#contracts/case-work.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-03T12:00:00Z'); // a Wednesday, 14:00 in Berlin
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo quick contacts', () => {
  it('gives every region\'s office anonymous quick contacts on the weekdays of the last two weeks, none later than now, each area with its statistics row', async () => {
    const rows = await queryRows<{ region: string; n: number; days: number; weekend: number; later: number; areas: number; stats: number; interpreter: number }>(
      ctx.database.db.owner,
      sql`select r.code as region, count(*)::int as n, count(distinct q.occurred_on)::int as days,
                 count(*) filter (where extract(isodow from q.occurred_on) > 5)::int as weekend,
                 count(*) filter (where q.occurred_on > date '2026-06-03' or q.created_at > ${ctx.clock.now.toISOString()}::timestamptz)::int as later,
                 sum(cardinality(q.area_codes))::int as areas, count(*) filter (where q.interpreter)::int as interpreter,
                 (select count(*)::int from case_statistic s where s.region_code = r.code and s.source = 'quick_contact' and s.block_code = 'open_consultation') as stats
            from quick_contact q join office o on o.id = q.office_id join region r on r.id = o.region_id group by r.code order by r.code`,
    );
    expect(rows.map((r) => r.region)).toEqual(['mitte', 'nord', 'sued', 'west']);
    for (const r of rows) {
      expect(r.days, r.region).toBeGreaterThanOrEqual(10);
      expect(r.n, r.region).toBeGreaterThanOrEqual(50);
      expect([r.weekend, r.later], r.region).toEqual([0, 0]);
      expect(r.stats, r.region).toBe(r.areas);
      expect(r.interpreter, r.region).toBeGreaterThan(0);
    }
  });

  it('spreads them over the areas and languages, Arabic, Persian, Ukrainian and Russian among them', async () => {
    const languages = (await queryRows<{ language: string }>(ctx.database.db.owner, sql`select distinct language from quick_contact`)).map((r) => r.language);
    expect(languages).toEqual(expect.arrayContaining(['de', 'ar', 'fa', 'uk', 'ru']));
    const areas = (await queryRows<{ area: string }>(ctx.database.db.owner, sql`select distinct unnest(area_codes) as area from quick_contact`)).map((r) => r.area);
    expect(areas.length).toBeGreaterThanOrEqual(8);
  });

  it('shows the demo social worker the office\'s contacts of a day with the day\'s totals', async () => {
    const session = await ctx.login('beratung@nord.demo', DEMO_PASSWORD);
    const [office] = await queryRows<{ id: string }>(ctx.database.db.owner, sql`select o.id from office o join region r on r.id = o.region_id where r.code = 'nord'`);
    const res = await ctx.request(session, { method: 'GET', url: `/api/offices/${office?.id ?? ''}/quick-contacts?date=2026-06-02` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ contacts: QuickContact[]; totals: { contacts: number; persons: number } }>();
    expect(body.contacts.length).toBeGreaterThanOrEqual(5);
    expect(body.totals).toEqual({ contacts: body.contacts.length, persons: body.contacts.reduce((n, c) => n + c.countedPersons, 0) });
    expect(body.contacts.every((c) => c.occurredOn === '2026-06-02' && c.areaCodes.length > 0)).toBe(true);
  });
});
