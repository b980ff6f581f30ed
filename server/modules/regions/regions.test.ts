import { describe, expect, it } from 'vitest';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();

interface RegionBody {
  code: string;
  name: string;
  members: { code: string; name: string; kind: string }[];
}

describe('GET /api/regions', () => {
  it('lists the four regions with exactly the members DOMAIN.md gives', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/api/regions' });
    expect(res.statusCode).toBe(200);
    const regions = res.json<RegionBody[]>();
    expect(regions.map((r) => r.code)).toEqual(['nord', 'west', 'mitte', 'sued']);
    const byCode = Object.fromEntries(regions.map((r) => [r.code, r]));
    expect(byCode['nord']?.members.map((m) => m.code).sort()).toEqual(
      ['klotzsche', 'langebrueck', 'loschwitz', 'neustadt', 'pieschen', 'schoenborn', 'schoenfeld-weissig', 'weixdorf'],
    );
    expect(byCode['west']?.members.map((m) => m.code).sort()).toEqual(['altfranken', 'cossebaude', 'cotta', 'gompitz', 'mobschatz', 'oberwartha']);
    expect(byCode['mitte']?.members.map((m) => m.code).sort()).toEqual(['altstadt', 'blasewitz', 'plauen']);
    expect(byCode['sued']?.name).toBe('Süd');
    expect(byCode['sued']?.members).toEqual([
      { code: 'leuben', name: 'Leuben', kind: 'district' },
      { code: 'prohlis', name: 'Prohlis', kind: 'district' },
    ]);
    const all = regions.flatMap((r) => r.members);
    expect(all.filter((m) => m.kind === 'district')).toHaveLength(10);
    expect(all.filter((m) => m.kind === 'locality')).toHaveLength(9);
    // Stadtbezirke come before Ortschaften within a region
    expect(byCode['nord']?.members.map((m) => m.kind).indexOf('locality')).toBe(4);
  });

  it('answers nothing for a date before the program began', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/api/regions?at=2018-01-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json<RegionBody[]>().every((r) => r.members.length === 0)).toBe(true);
  });

  it('refuses a malformed date and unknown parameters with problem+json', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/api/regions?at=yesterday&x=1' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<{ type: string; errors: { field: string }[] }>();
    expect(body.type).toBe('/problems/validation');
    expect(body.errors.map((e) => e.field).sort()).toEqual(['at', 'x']);
  });
});

describe('quarters', () => {
  it('has the 64 Stadtteile; the three shared ones name every Ortschaft', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/api/quarters' });
    const quarters = res.json<{ code: string; members: { code: string; region: { code: string } | null }[] }[]>();
    expect(quarters).toHaveLength(64);
    const q = (code: string) => quarters.find((x) => x.code === code);
    expect(q('36')?.members.map((m) => m.code).sort()).toEqual(['langebrueck', 'schoenborn']);
    expect(q('90')?.members.map((m) => m.code).sort()).toEqual(['cossebaude', 'mobschatz', 'oberwartha']);
    expect(q('99')?.members.map((m) => m.code).sort()).toEqual(['altfranken', 'gompitz']);
    expect(q('76')?.members[0]?.region?.code).toBe('sued');
    expect(quarters.every((x) => x.members.length > 0 && x.members.every((m) => m.region))).toBe(true);
  });
});

describe('editing reference data (city admin)', () => {
  it('moves a member to another region from a date and keeps the history', async () => {
    const admin = await ctx.staff('city_admin');
    const moved = await ctx.request(admin, { method: 'PUT', url: '/api/region-members/plauen/region', payload: { regionCode: 'sued', validFrom: '2024-01-01' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual([
      { region: { code: 'mitte', name: 'Mitte' }, validFrom: '2019-07-01', validTo: '2024-01-01' },
      { region: { code: 'sued', name: 'Süd' }, validFrom: '2024-01-01', validTo: null },
    ]);
    const in2020 = (await ctx.request(null, { method: 'GET', url: '/api/regions?at=2020-05-01' })).json<RegionBody[]>();
    expect(in2020.find((r) => r.code === 'mitte')?.members.map((m) => m.code)).toContain('plauen');
    const in2025 = (await ctx.request(null, { method: 'GET', url: '/api/regions?at=2025-05-01' })).json<RegionBody[]>();
    expect(in2025.find((r) => r.code === 'sued')?.members.map((m) => m.code)).toContain('plauen');
    expect(in2025.find((r) => r.code === 'mitte')?.members.map((m) => m.code)).not.toContain('plauen');
  });

  it('refuses a move that starts before the current membership', async () => {
    const admin = await ctx.staff('city_admin');
    const res = await ctx.request(admin, { method: 'PUT', url: '/api/region-members/cotta/region', payload: { regionCode: 'mitte', validFrom: '2019-01-01' } });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ type: string }>().type).toBe('/problems/period-overlap');
  });

  it('creates a region and refuses a duplicate code', async () => {
    const admin = await ctx.staff('city_admin');
    const first = await ctx.request(admin, { method: 'POST', url: '/api/regions', payload: { code: 'ost', name: 'Ost' } });
    expect(first.statusCode).toBe(201);
    const again = await ctx.request(admin, { method: 'POST', url: '/api/regions', payload: { code: 'ost', name: 'Ost 2' } });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('code');
  });

  it('is refused to a provider admin', async () => {
    const provider = await ctx.staff('provider_admin');
    const res = await ctx.request(provider, { method: 'POST', url: '/api/regions', payload: { code: 'x', name: 'X' } });
    expect(res.statusCode).toBe(403);
  });
});
