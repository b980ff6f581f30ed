import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { office } from '#server/modules/offices/offices.schema.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

interface Totals { contacts: { areaCodes: string[]; countedPersons: number }[]; totals: { contacts: number; persons: number } }

let ctx: TestContext;
let nord = '';
let worker: Session;
let officeId = '';
const url = (): string => `/api/offices/${officeId}/quick-contacts`;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  nord = (await ctx.organisation('provider', 'Nord e. V.')).id;
  worker = await ctx.staff('social_worker', nord);
  officeId = await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const region = await findRegion(tx, 'nord');
    const [row] = await tx.insert(office).values({ providerId: nord, regionId: region?.id ?? '', name: 'Integrationsbüro Nord', street: 's', houseNumber: '1', postcode: '01099', city: 'Dresden', lat: 51.07, lon: 13.75, validFrom: '2020-01-01' }).returning();
    return row?.id ?? '';
  });
});
afterAll(async () => ctx.close());

describe('quick contacts at the Integrationsbüro', () => {
  it('counts anonymous visitors by area and language and lists them per office and day with totals', async () => {
    const a = await ctx.request(worker, { method: 'POST', url: url(), payload: { occurredOn: '2026-12-01', areaCodes: ['work', 'language'], language: 'uk', countedPersons: 2 } });
    expect(a.statusCode).toBe(201);
    expect(a.json<{ minutes: number; interpreter: boolean }>()).toMatchObject({ minutes: 15, interpreter: false });
    ctx.clock.now = new Date('2026-12-01T10:05:00Z'); // the next visitor, five minutes later
    expect((await ctx.request(worker, { method: 'POST', url: url(), payload: { occurredOn: '2026-12-01', areaCodes: ['housing'], interpreter: true } })).statusCode).toBe(201);
    expect((await ctx.request(worker, { method: 'POST', url: url(), payload: { occurredOn: '2026-11-30', areaCodes: ['housing'] } })).statusCode).toBe(201);
    const day = await ctx.request(worker, { method: 'GET', url: `${url()}?date=2026-12-01` });
    expect(day.statusCode).toBe(200);
    const body = day.json<Totals>();
    expect([body.contacts.map((c) => c.areaCodes), body.totals]).toEqual([[['work', 'language'], ['housing']], { contacts: 2, persons: 3 }]);
  });

  it('takes no name: an extra field, an unknown area and a future day are field errors', async () => {
    const named = await ctx.request(worker, { method: 'POST', url: url(), payload: { occurredOn: '2026-12-01', areaCodes: ['work'], name: 'Olena' } });
    expect(named.statusCode).toBe(400);
    const wrong = await ctx.request(worker, { method: 'POST', url: url(), payload: { occurredOn: '2026-12-02', areaCodes: ['work', 'astrology'] } });
    expect(wrong.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['areaCodes.1', 'occurredOn']);
  });

  it('writes one open-consultation statistics row per area, in the office\'s region', async () => {
    const rows = await queryRows<{ area_code: string; block_code: string; region_code: string; counted_persons: number; language: string }>(ctx.database.db.owner, sql`select area_code, block_code, region_code, counted_persons, language from case_statistic where organisation_id = ${nord} and source = 'quick_contact' order by area_code, counted_persons`);
    expect(rows).toEqual([
      { area_code: 'housing', block_code: 'open_consultation', region_code: 'nord', counted_persons: 1, language: 'de' },
      { area_code: 'housing', block_code: 'open_consultation', region_code: 'nord', counted_persons: 1, language: 'de' },
      { area_code: 'language', block_code: 'open_consultation', region_code: 'nord', counted_persons: 2, language: 'uk' },
      { area_code: 'work', block_code: 'open_consultation', region_code: 'nord', counted_persons: 2, language: 'uk' },
    ]);
  });

  it('names the quick-contact actions among the office\'s permitted actions for its provider\'s staff only', async () => {
    const own = await ctx.request(worker, { method: 'GET', url: `/api/offices/${officeId}` });
    expect(own.json<{ permittedActions: string[] }>().permittedActions).toEqual(expect.arrayContaining(['quick-contact.read', 'quick-contact.create']));
    const other = await ctx.staff('social_worker', (await ctx.organisation('provider')).id);
    const foreign = await ctx.request(other, { method: 'GET', url: `/api/offices/${officeId}` });
    expect(foreign.json<{ permittedActions: string[] }>().permittedActions).not.toContain('quick-contact.create');
  });

  it('answers 404 for another provider\'s office and 403 for the city', async () => {
    const sued = await ctx.staff('social_worker', (await ctx.organisation('provider')).id);
    expect((await ctx.request(sued, { method: 'GET', url: `${url()}?date=2026-12-01` })).statusCode).toBe(404);
    expect((await ctx.request(sued, { method: 'POST', url: url(), payload: { occurredOn: '2026-12-01', areaCodes: ['work'] } })).statusCode).toBe(404);
    const city = await ctx.staff('city_admin');
    expect((await ctx.request(city, { method: 'GET', url: `${url()}?date=2026-12-01` })).statusCode).toBe(403);
  });
});
