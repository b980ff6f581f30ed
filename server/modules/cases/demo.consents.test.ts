import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsentList } from '#contracts/consents.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo consents', () => {
  it('gives every region\'s provider consents for partners: signed and verbal with a witness, one run out, one withdrawn (the transfer consents: demo.transfers.test.ts)', async () => {
    const rows = await queryRows<{ region: string; n: number; verbal: number; witnessed: number; withdrawn: number; expired: number }>(
      ctx.database.db.owner,
      sql`select h.region_code as region, count(*)::int as n, count(*) filter (where c.method = 'verbal_witnessed')::int as verbal, count(*) filter (where c.witness_name <> '')::int as witnessed,
                 count(*) filter (where c.withdrawn_at is not null)::int as withdrawn, count(*) filter (where c.valid_until < '2026-06-01')::int as expired
            from consent c join household h on h.id = c.household_id and h.organisation_id = c.organisation_id where c.recipient_kind = 'partner' group by h.region_code order by h.region_code`,
    );
    expect(rows.map((r) => r.region)).toEqual(['mitte', 'nord', 'sued', 'west']);
    for (const r of rows) expect([r.n, r.verbal, r.witnessed, r.withdrawn, r.expired]).toEqual([5, 2, 2, 1, 1]);
  });

  it('shows the demo social worker a household\'s consents with their states, and may record and withdraw', async () => {
    const session = await ctx.login('beratung@nord.demo', DEMO_PASSWORD);
    const [household] = await queryRows<{ id: string }>(ctx.database.db.owner, sql`select c.household_id as id from consent c join household h on h.id = c.household_id where h.region_code = 'nord' and c.withdrawn_at is not null`);
    const res = await ctx.request(session, { method: 'GET', url: `/api/households/${household?.id ?? ''}/consents` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ConsentList>();
    expect(body.consents.map((c) => c.state).sort()).toEqual(['expired', 'withdrawn']);
    expect(body.consents.every((c) => c.recordedBy?.name)).toBe(true);
    expect(body.permittedActions).toEqual(['consent.read', 'consent.record', 'consent.withdraw']);
  });
});
