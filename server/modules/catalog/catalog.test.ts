import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dresden } from '#server/modules/regions/regions.public.ts';
import { seedReferenceData } from '#server/seed/reference.ts';
import { useTestContext } from '#test/use-context.ts';
import { integrationArea, serviceBlock } from './catalog.schema.ts';

const ctx = useTestContext();

type Block = { code: string; name: string; names: Record<string, string> };
type Area = { code: string; name: string; names: Record<string, string> };

describe('service blocks', () => {
  it('lists the three blocks in catalog order, public, labelled in the requested language', async () => {
    const de = await ctx.request(null, { method: 'GET', url: '/api/service-blocks' });
    expect(de.statusCode).toBe(200);
    const blocks = de.json<Block[]>();
    expect(blocks.map((b) => b.code)).toEqual(['basic', 'open_consultation', 'specialist']);
    expect(blocks.map((b) => b.name)).toEqual(['Grundleistung (Willkommensleistung)', 'Offene Sprechzeit', 'Fachleistung']);
    const ar = (await ctx.request(null, { method: 'GET', url: '/api/service-blocks?lang=ar' })).json<Block[]>();
    expect(ar.find((b) => b.code === 'specialist')?.name).toBe('الخدمة المتخصصة');
    const uk = (await ctx.request(null, { method: 'GET', url: '/api/service-blocks', headers: { 'accept-language': 'uk' } })).json<Block[]>();
    expect(uk.find((b) => b.code === 'open_consultation')?.name).toBe('Відкриті години консультацій');
    for (const b of blocks) expect(Object.keys(b.names).sort()).toEqual(['ar', 'de', 'en', 'fa', 'ru', 'uk']);
  });
});

describe('integration areas', () => {
  it('are labelled in all six public languages', async () => {
    const areas = (await ctx.request(null, { method: 'GET', url: '/api/integration-areas?lang=fa' })).json<Area[]>();
    expect(areas).toHaveLength(9);
    for (const a of areas) expect(Object.keys(a.names).sort()).toEqual(['ar', 'de', 'en', 'fa', 'ru', 'uk']);
    expect(areas.find((a) => a.code === 'language')?.name).toBe('زبان');
  });
});

describe('seeding an existing database', () => {
  it('adds missing blocks and missing labels, keeps what the city edited, and changes nothing on a second run', async () => {
    await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
      await tx.update(serviceBlock).set({ name: { de: 'Grundleistung (Stadt)' } }).where(eq(serviceBlock.code, 'basic'));
      // An older database: German and English only, one German label edited by the city.
      await tx.update(integrationArea).set({ name: sql`jsonb_build_object('de', ${integrationArea.name}->>'de', 'en', ${integrationArea.name}->>'en')` });
      await tx.update(integrationArea).set({ name: { de: 'Sprache und Verständigung', en: 'Language' } }).where(eq(integrationArea.code, 'language'));
      // The city's own choice of what is sensitive stays (the seed sets it only for new areas).
      await tx.update(integrationArea).set({ sensitivity: 'normal' }).where(eq(integrationArea.code, 'special'));
    });
    // A block the database does not have yet (the catalog's services keep every existing block in use).
    const outreach = { code: 'outreach', name: { de: 'Aufsuchende Arbeit', en: 'Outreach', ar: 'العمل الميداني', fa: 'کار میدانی', uk: 'Виїзна робота', ru: 'Выездная работа' } };
    const data = { ...dresden, serviceBlocks: [...dresden.serviceBlocks, outreach] };
    expect(await seedReferenceData(ctx.deps, data)).toBe(false);
    const read = () =>
      ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => ({
        blocks: await tx.select().from(serviceBlock).orderBy(serviceBlock.position),
        areas: await tx.select().from(integrationArea).orderBy(integrationArea.position),
      }));
    const after = await read();
    expect(after.blocks.map((b) => b.code)).toEqual(['basic', 'open_consultation', 'specialist', 'outreach']);
    expect(after.blocks[0]?.name['de']).toBe('Grundleistung (Stadt)');
    expect(after.blocks[0]?.name['fa']).toBe('خدمات پایه (خدمات خوشامدگویی)');
    expect(after.blocks[3]?.name).toEqual(outreach.name);
    const language = after.areas.find((a) => a.code === 'language');
    expect(language?.name['de']).toBe('Sprache und Verständigung');
    expect(language?.name['ru']).toBe('Язык');
    expect(after.areas.find((a) => a.code === 'special')?.sensitivity).toBe('normal');
    expect(after.areas.find((a) => a.code === 'health')?.sensitivity).toBe('special');
    for (const a of after.areas) expect(Object.keys(a.name).sort()).toEqual(['ar', 'de', 'en', 'fa', 'ru', 'uk']);
    await seedReferenceData(ctx.deps, data);
    expect(await read()).toEqual(after);
  });
});
