import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

let ctx: TestContext;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-03-10T10:00:00Z');
  admin = await ctx.staff('city_admin');
});
afterAll(async () => ctx.close());

const post = (session: Session | null, payload: Record<string, unknown>) => ctx.request(session, { method: 'POST', url: '/api/geo/population-imports', payload });
const stored = async () =>
  queryRows<{ as_of: string; quarter_code: string; population: number }>(
    ctx.database.db.owner,
    sql`select to_char(as_of, 'YYYY-MM-DD') as as_of, quarter_code, population from quarter_population order by as_of, quarter_code`,
  );

describe('POST /api/geo/population-imports', () => {
  it('stores the figures as of their date, rejects bad lines by number, and audits the import', async () => {
    const csv = ['stadtteil_code,population', '01,4000', '2,12000', '77x,300', '04,viele', '01,5', '04,9000', ''].join('\n');
    const res = await post(admin, { csv, asOf: '2025-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      asOf: '2025-12-31',
      quarters: 3,
      total: 25000,
      rejected: [
        { line: 4, reason: 'unknown stadtteil_code 77x' },
        { line: 5, reason: 'population must be a whole number, not "viele"' },
        { line: 6, reason: 'stadtteil_code 01 already on line 2' },
      ],
    });
    expect(await stored()).toEqual([
      { as_of: '2025-12-31', quarter_code: '01', population: 4000 },
      { as_of: '2025-12-31', quarter_code: '02', population: 12000 },
      { as_of: '2025-12-31', quarter_code: '04', population: 9000 },
    ]);
    const audit = await queryRows<{ action: string; organisation_id: string }>(ctx.database.db.owner, sql`select action, organisation_id from audit_entry where action = 'quarter-population.import'`);
    expect(audit).toEqual([{ action: 'quarter-population.import', organisation_id: admin.organisationId }]);
  });

  it('replaces the figures of the same date and keeps other dates; the date defaults to today', async () => {
    expect((await post(admin, { csv: 'stadtteil_code;population\n01;4100\n', asOf: '2025-12-31' })).statusCode).toBe(201);
    const today = await post(admin, { csv: 'stadtteil_code,population\n02,100\n' });
    expect(today.json()).toMatchObject({ asOf: '2026-03-10', quarters: 1 });
    expect(await stored()).toEqual([
      { as_of: '2025-12-31', quarter_code: '01', population: 4100 },
      { as_of: '2026-03-10', quarter_code: '02', population: 100 },
    ]);
  });

  it('refuses a table without the columns, one without a good line, a bad date, and everyone but the city admin', async () => {
    const columns = await post(admin, { csv: 'code,einwohner\n01,5\n' });
    expect(columns.statusCode).toBe(400);
    expect(columns.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['csv']);
    const none = await post(admin, { csv: 'stadtteil_code,population\n99x,5\n' });
    expect(none.statusCode).toBe(400);
    expect((await post(admin, { csv: 'stadtteil_code,population\n01,5\n', asOf: '31.12.2025' })).statusCode).toBe(400);
    expect((await post(await ctx.staff('city_coordinator'), { csv: 'stadtteil_code,population\n01,5\n' })).statusCode).toBe(403);
    expect((await post(await ctx.staff('provider_admin'), { csv: 'stadtteil_code,population\n01,5\n' })).statusCode).toBe(403);
    expect((await post(null, { csv: 'stadtteil_code,population\n01,5\n' })).statusCode).toBe(401);
    expect(await stored()).toHaveLength(2);
  });
});
