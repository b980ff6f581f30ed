import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CityRequestList, SpecialistRequestList } from '#contracts/specialist-requests.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo Fachleistungen', () => {
  it('gives every region an approval of at most 12 months with specialist hours booked, and a request waiting', async () => {
    const rows = await queryRows<{ region: string; approved: number; submitted: number; longest: boolean }>(
      ctx.database.db.owner,
      sql`select region_code as region, count(*) filter (where status = 'approved')::int as approved, count(*) filter (where status = 'submitted')::int as submitted,
                 bool_and(approved_until is null or approved_until < approved_from + interval '12 months') as longest
            from specialist_request group by region_code order by region_code`,
    );
    expect(rows).toEqual(['mitte', 'nord', 'sued', 'west'].map((region) => ({ region, approved: 1, submitted: 1, longest: true })));
  });

  it('shows the region\'s social worker hours delivered against the approval', async () => {
    const session = await ctx.login('beratung@nord.demo', DEMO_PASSWORD);
    const [household] = await queryRows<{ id: string }>(ctx.database.db.owner, sql`select household_id as id from specialist_request where region_code = 'nord' and status = 'approved'`);
    const res = await ctx.request(session, { method: 'GET', url: `/api/households/${household?.id ?? ''}/specialist-requests` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SpecialistRequestList>().requests).toMatchObject([{ state: 'approved', approvedHours: 60, deliveredHours: 4.5 }]);
  });

  it('shows the city\'s coordinator every region\'s requests under pseudonyms, one to decide per region', async () => {
    const session = await ctx.login('koordination@stadt.demo', DEMO_PASSWORD);
    const res = await ctx.request(session, { method: 'GET', url: '/api/specialist-requests' });
    expect(res.statusCode, res.body).toBe(200);
    const requests = res.json<CityRequestList>().requests;
    expect(requests).toHaveLength(8);
    expect(requests.filter((r) => r.permittedActions.includes('specialist-request.decide')).map((r) => r.regionCode).sort()).toEqual(['mitte', 'nord', 'sued', 'west']);
    expect(requests.filter((r) => r.state === 'approved').every((r) => r.deliveredHours === 4.5)).toBe(true);
    expect(new Set(requests.map((r) => r.pseudonym)).size).toBe(8);
  });
});
