import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo appointments', () => {
  it('every region\'s office offers free slots for a first consultation and walk-in hours; the demo counsellors see their bookings in the calendar', async () => {
    const offices = (await ctx.request(null, { method: 'GET', url: '/api/offices' })).json<{ id: string; region: { code: string } }[]>();
    expect(offices.map((o) => o.region.code).sort()).toEqual(['mitte', 'nord', 'sued', 'west']);
    for (const o of offices) {
      const types = (await ctx.request(null, { method: 'GET', url: `/api/offices/${o.id}/appointment-types` })).json<{ types: { id: string; kind: string; walkIn: boolean; languages: string[] }[]; walkIn: unknown[] }>();
      expect(types.types.map((t) => t.kind).sort()).toEqual(['first_consultation', 'first_consultation', 'follow_up', 'specialist']);
      expect(types.types.some((t) => t.walkIn)).toBe(true);
      expect(types.walkIn.length).toBeGreaterThan(0);
      const first = types.types.find((t) => t.kind === 'first_consultation' && !t.walkIn);
      expect(first?.languages).toEqual(expect.arrayContaining(['ar', 'de', 'fa']));
      const slots = (await ctx.request(null, { method: 'GET', url: `/api/offices/${o.id}/slots?type=${first?.id}&days=14` })).json<{ days: { slots: unknown[] }[] }>();
      expect(slots.days.flatMap((d) => d.slots).length).toBeGreaterThan(5);
    }
    for (const [email, region] of [['beratung@nord.demo', 'nord'], ['beratung@sued.demo', 'sued']] as const) {
      const session = await ctx.login(email, DEMO_PASSWORD);
      const o = offices.find((x) => x.region.code === region);
      const cal = await ctx.request(session, { method: 'GET', url: `/api/offices/${o?.id}/calendar?days=14` });
      expect(cal.statusCode, cal.body).toBe(200);
      const body = cal.json<{ days: { entries: { name: string | null }[] }[] }>();
      expect(body.days.flatMap((d) => d.entries).map((e) => e.name)).toEqual(expect.arrayContaining(['Familie Haddad', 'Olena Kravets']));
    }
  });
});
