import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '#test/context.ts';

/**
 * Dresden's real election districts (408 polygons) and their assignment table, from ../shared/data
 * beside the repository when present — never committed (dl-de/by-2-0, see that folder's README).
 */
const dataDir = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const unitsFile = `${dataDir}dresden-wahlbezirke-2024.geojson`;
const tableFile = `${dataDir}dresden-wahlbezirke-2024-zuordnung.csv`;
const present = existsSync(unitsFile) && existsSync(tableFile);

let ctx: TestContext | undefined;
beforeAll(async () => {
  if (!present) return;
  ctx = await createTestContext();
}, 120_000);
afterAll(async () => ctx?.close());

describe('Dresden election districts (real data)', () => {
  it.skipIf(!present)(`imports all 408 districts and locates known points${present ? '' : ` — skipped: the real data is absent (${dataDir})`}`, async () => {
    if (!ctx) throw new Error('no context');
    const admin = await ctx.staff('city_admin');
    const res = await ctx.request(admin, {
      method: 'POST',
      url: '/api/geo/imports',
      payload: { geojson: readFileSync(unitsFile, 'utf8'), assignment: readFileSync(tableFile, 'utf8'), validFrom: '2024-06-09', source: 'Dresden Wahlbezirke 2024' },
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'unit', crs: 'wgs84', units: 408, unassigned: [] });

    const place = async (lat: number, lon: number) => {
      const r = await ctx?.request(null, { method: 'GET', url: `/api/regions/locate?lat=${lat}&lon=${lon}&at=2024-10-01` });
      if (r?.statusCode !== 200) return String(r?.statusCode);
      const p = r.json<{ region: { code: string }; member: { code: string }; quarter: { code: string; name: string } | null }>();
      return `${p.quarter?.code} ${p.quarter?.name} | ${p.member.code} | ${p.region.code}`;
    };
    expect(await place(51.0519, 13.7416)).toBe('01 Innere Altstadt | altstadt | mitte');
    // Cossebaude-Nord (90110), and Merbitz (90710) in the same quarter but Ortschaft Mobschatz
    expect(await place(51.088, 13.63)).toBe('90 Cossebaude/Mobschatz/Oberwartha | cossebaude | west');
    expect(await place(51.0743, 13.6253)).toBe('90 Cossebaude/Mobschatz/Oberwartha | mobschatz | west');
    expect(await place(51.065, 13.755)).toBe('11 Äußere Neustadt (Antonstadt) | neustadt | nord');
    expect(await place(51.027, 13.799)).toBe('56 Seidnitz/Dobritz | blasewitz | mitte');
    expect(await place(52.52, 13.405)).toBe('404');
  }, 300_000);
});
