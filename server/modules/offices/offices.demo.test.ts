import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  await seedDemo(ctx.deps);
});

describe('demo offices', () => {
  it('has one office per region, each with stops and a scorecard that shows something', async () => {
    const list = (await ctx.request(null, { method: 'GET', url: '/api/offices' })).json<{ id: string; region: { code: string }; languages: string[] }[]>();
    expect(list.map((o) => o.region.code)).toEqual(['nord', 'west', 'mitte', 'sued']);
    for (const o of list) {
      const d = (await ctx.request(null, { method: 'GET', url: `/api/offices/${o.id}` })).json<{ nearestStops: { departuresPerHour: number | null }[]; scorecard: { light: string }[]; week: { afterWorkDays: number } }>();
      expect(d.nearestStops.length).toBeGreaterThan(0);
      expect(d.nearestStops[0]?.departuresPerHour).not.toBeNull();
      expect(d.week.afterWorkDays).toBe(1);
      expect(d.scorecard.filter((c) => c.light !== 'unknown').length).toBeGreaterThanOrEqual(4);
    }
  });

  it('gives every office all three service blocks and most integration areas, not all the same', async () => {
    const list = (await ctx.request(null, { method: 'GET', url: '/api/offices' })).json<{ services: { blocks: string[]; areas: string[] } }[]>();
    for (const o of list) {
      expect(o.services.blocks).toEqual(['basic', 'open_consultation', 'specialist']);
      expect(o.services.areas.length).toBeGreaterThanOrEqual(7);
    }
    expect(new Set(list.map((o) => o.services.areas.join(','))).size).toBeGreaterThan(1);
  });
});
