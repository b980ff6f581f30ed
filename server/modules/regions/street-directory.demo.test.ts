import { describe, expect, it } from 'vitest';
import { seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();

describe('demo street directory', () => {
  it('is loaded with the demo data, so the address lookup works without the city’s data', async () => {
    expect(await seedDemo(ctx.deps)).toBe(true);
    const at = async (street: string, number: string) => {
      const res = await ctx.request(null, { method: 'GET', url: `/api/regions/locate-address?street=${encodeURIComponent(street)}&number=${number}` });
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json<{ region: { code: string }; member: { code: string }; quarter: { code: string } | null }>();
      return `${p.quarter?.code} ${p.member.code} ${p.region.code}`;
    };
    expect(await at('Prager Str.', '10')).toBe('04 altstadt mitte');
    expect(await at('königsbrücker strasse', '12')).toBe('11 neustadt nord');
    expect(await at('Dresdner Straße', '5')).toBe('90 cossebaude west');
    expect(await at('Hauptstr.', '3')).toBe('36 langebrueck nord');
    const missing = await ctx.request(null, { method: 'GET', url: '/api/regions/locate-address?street=Prager%20Stra%C3%9Fe&number=51' });
    expect(missing.statusCode).toBe(404);
  });
});
