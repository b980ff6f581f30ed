import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { insertServiceAgreement } from '#server/modules/calls/calls.queries.ts';
import { findRegion } from '#server/modules/regions/regions.queries.ts';
import { useTestContext } from '#test/use-context.ts';
import { officeHoursException } from './offices.schema.ts';

const ctx = useTestContext();

describe('opening-hour exceptions', () => {
  it('keeps past exceptions as history when the page saves the exceptions from today on', async () => {
    ctx.clock.now = new Date('2026-03-01T09:00:00Z');
    const provider = await ctx.organisation('provider');
    await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
      const west = await findRegion(tx, 'west');
      if (!west) throw new Error('reference data missing');
      await insertServiceAgreement(tx, { providerId: provider.id, regionId: west.id, validFrom: '2019-07-01' });
    });
    const account = await ctx.account(provider.id, 'provider_admin');
    const admin = await ctx.login(account.email);
    const created = await ctx.request(admin, {
      method: 'POST',
      url: '/api/offices',
      payload: {
        name: 'Integrationsbüro West',
        regionCode: 'west',
        address: { street: 'Testweg', houseNumber: '1', postcode: '01159', city: 'Dresden' },
        point: { lat: 51.05, lon: 13.69 },
        contact: { phone: '', email: '', web: '' },
        languages: ['de'],
        openingHours: [{ weekday: 2, opens: '09:00', closes: '12:00' }],
        exceptions: [
          { date: '2026-03-10', closed: true, opens: null, closes: null, note: 'Fortbildung' },
          { date: '2026-04-07', closed: true, opens: null, closes: null, note: 'Teamtag' },
        ],
        validFrom: '2020-01-01',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;

    // two months later the page shows (and sends back) only the exceptions from today on
    ctx.clock.now = new Date('2026-05-04T09:00:00Z');
    const later = await ctx.login(account.email);
    const updated = await ctx.request(later, {
      method: 'PATCH',
      url: `/api/offices/${id}`,
      payload: { exceptions: [{ date: '2026-05-20', closed: false, opens: '10:00', closes: '12:00', note: 'verkürzt' }] },
    });
    expect(updated.statusCode).toBe(204);
    const rows = await ctx.database.db.owner
      .select({ date: officeHoursException.date, note: officeHoursException.note })
      .from(officeHoursException)
      .where(eq(officeHoursException.officeId, id))
      .orderBy(asc(officeHoursException.date));
    expect(rows).toEqual([
      { date: '2026-03-10', note: 'Fortbildung' },
      { date: '2026-04-07', note: 'Teamtag' },
      { date: '2026-05-20', note: 'verkürzt' },
    ]);
  });
});
