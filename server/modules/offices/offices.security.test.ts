import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '#test/context.ts';
import { findRegion } from '#server/modules/regions/regions.queries.ts';
import { office } from './offices.schema.ts';
import { gtfsStop } from './gtfs.schema.ts';

let ctx: TestContext;
let a = '';
let b = '';
let officeOfA = '';
beforeAll(async () => {
  ctx = await createTestContext();
  a = (await ctx.organisation('provider')).id;
  b = (await ctx.organisation('provider')).id;
  officeOfA = await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const region = await findRegion(tx, 'mitte');
    const [row] = await tx.insert(office).values({ providerId: a, regionId: region?.id ?? '', name: 'A', street: 's', houseNumber: '1', postcode: '01067', city: 'Dresden', lat: 51, lon: 13.7, validFrom: '2020-01-01' }).returning();
    return row?.id ?? '';
  });
});
afterAll(async () => ctx.close());

describe('office row-level security', () => {
  it('lets every scope read offices', async () => {
    const rows = await ctx.database.db.transaction({ kind: 'public' }, (tx) => tx.select().from(office));
    expect(rows.map((r) => r.id)).toEqual([officeOfA]);
  });

  it('does not let another provider update or insert for the owner', async () => {
    const updated = await ctx.database.db.transaction({ kind: 'tenant', organisationId: b }, (tx) => tx.update(office).set({ name: 'B' }).where(eq(office.id, officeOfA)).returning());
    expect(updated).toEqual([]);
    await expect(
      ctx.database.db.transaction({ kind: 'tenant', organisationId: b }, (tx) =>
        tx.insert(office).values({ providerId: a, regionId: (updated[0]?.regionId ?? officeOfA), name: 'x', street: 's', houseNumber: '1', postcode: '01067', city: 'D', lat: 51, lon: 13, validFrom: '2020-01-01' }),
      ),
    ).rejects.toThrow();
    const own = await ctx.database.db.transaction({ kind: 'tenant', organisationId: a }, (tx) => tx.update(office).set({ name: 'A2' }).where(eq(office.id, officeOfA)).returning());
    expect(own.map((r) => r.name)).toEqual(['A2']);
  });

  it('keeps GTFS writes to the city and system', async () => {
    await expect(ctx.database.db.transaction({ kind: 'tenant', organisationId: a }, (tx) => tx.insert(gtfsStop).values({ stopId: 'x', name: 'x', lat: 51, lon: 13 }))).rejects.toThrow();
    await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, (tx) => tx.insert(gtfsStop).values({ stopId: 'x', name: 'x', lat: 51, lon: 13 }));
    expect(await ctx.database.db.transaction({ kind: 'public' }, (tx) => tx.select().from(gtfsStop))).toHaveLength(1);
  });
});
