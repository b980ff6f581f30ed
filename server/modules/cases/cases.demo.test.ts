import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { createTestContext, type TestContext } from '#test/context.ts';
import { generateDemoHouseholds } from './cases.public.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});
afterAll(async () => ctx.close());

const scripts = async (): Promise<{ region: string; arabic: number; cyrillic: number; ethiopic: number; people: number }[]> =>
  queryRows(
    ctx.database.db.owner,
    sql`select h.region_code as region,
               count(*) filter (where p.family_name_original ~ '[\u0600-\u06FF]')::int as arabic,
               count(*) filter (where p.family_name_original ~ '[\u0400-\u04FF]')::int as cyrillic,
               count(*) filter (where p.family_name_original ~ '[\u1200-\u137F]')::int as ethiopic,
               count(*)::int as people
        from person p join household h on h.id = p.household_id group by h.region_code order by h.region_code`,
  );

describe('demo households', () => {
  it('gives every region\'s provider households with names in several scripts', async () => {
    const rows = await scripts();
    expect(rows.map((r) => r.region)).toEqual(['mitte', 'nord', 'sued', 'west']);
    for (const r of rows) expect(r.people).toBeGreaterThanOrEqual(8);
    const total = rows.reduce((sum, r) => ({ arabic: sum.arabic + r.arabic, cyrillic: sum.cyrillic + r.cyrillic, ethiopic: sum.ethiopic + r.ethiopic }), { arabic: 0, cyrillic: 0, ethiopic: 0 });
    expect(total.arabic).toBeGreaterThan(0);
    expect(total.cyrillic).toBeGreaterThan(0);
    expect(total.ethiopic).toBeGreaterThan(0);
  });

  it('lets the Nord social worker find Mohammed Al-Hassan by his name in Arabic, the Süd social worker not', async () => {
    const nord = await ctx.login('beratung@nord.demo', DEMO_PASSWORD);
    const found = (await ctx.request(nord, { method: 'POST', url: '/api/people/search', payload: { query: 'محمد الحسن' } })).json<{ candidates: { familyName: string; givenNames: string }[] }>();
    expect(found.candidates.map((c) => `${c.givenNames} ${c.familyName}`)).toContain('Mohammed Al-Hassan');
    const sued = await ctx.login('beratung@sued.demo', DEMO_PASSWORD);
    const none = (await ctx.request(sued, { method: 'POST', url: '/api/people/search', payload: { query: 'محمد الحسن' } })).json<{ candidates: { familyName: string }[] }>();
    expect(none.candidates.map((c) => c.familyName)).not.toContain('Al-Hassan');
    const olena = (await ctx.request(sued, { method: 'POST', url: '/api/people/search', payload: { query: 'Olena Schewtschenko' } })).json<{ candidates: { familyName: string }[] }>();
    expect(olena.candidates.map((c) => c.familyName)).toContain('Shevchenko');
  });

  it('generates more households on demand, spread over the providers, searchable at once', async () => {
    const before = (await scripts()).reduce((n, r) => n + r.people, 0);
    const result = await generateDemoHouseholds(ctx.deps, { households: 40, seed: 7 });
    expect(result).toMatchObject({ households: 40, providers: 4 });
    const after = await scripts();
    expect(after.reduce((n, r) => n + r.people, 0)).toBe(before + result.people);
    const [keys] = await queryRows<{ n: number }>(ctx.database.db.owner, sql`select count(distinct person_id)::int as n from person_name_key`);
    expect(keys?.n).toBe(before + result.people);
  });
});
