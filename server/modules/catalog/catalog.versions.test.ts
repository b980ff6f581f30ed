import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogService, CatalogVersion } from '#contracts/catalog.ts';
import { sqlState } from '#server/db-errors.ts';
import { auditEntry } from '#server/modules/audit/audit.schema.ts';
import { seedReferenceData } from '#server/seed/reference.ts';
import { berlinDate } from '#server/time.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { catalogVersionAt, currentCatalog, sensitiveAreas, serviceById, serviceByVersionAndCode, serviceForEntry } from './catalog.public.ts';
import { catalogService, catalogVersion } from './catalog.schema.ts';

let ctx: TestContext;
let admin: Session;
let cityOrg = '';
beforeAll(async () => {
  ctx = await createTestContext();
  cityOrg = (await ctx.organisation('city')).id;
  const acc = await ctx.account(cityOrg, 'city_admin');
  admin = await ctx.login(acc.email);
});
afterAll(async () => ctx.close());

type Summary = Omit<CatalogVersion, 'services'>;
const fixtures = { kind: 'system', useCase: 'test.fixtures' } as const;
const newService = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  names: { de: `Leistung ${code}`, en: `Service ${code}` },
  blockCode: 'basic',
  areaCode: 'housing',
  counting: 'minutes',
  ...over,
});
const current = async (session: Session | null = admin) => ctx.request(session, { method: 'GET', url: '/api/catalog/current' });
const createDraft = (payload: unknown = {}) => ctx.request(admin, { method: 'POST', url: '/api/catalog/versions', payload });
const publish = (id: string, payload: unknown = {}) => ctx.request(admin, { method: 'POST', url: `/api/catalog/versions/${id}/publish`, payload });
const addService = (id: string, payload: unknown) => ctx.request(admin, { method: 'POST', url: `/api/catalog/versions/${id}/services`, payload });
const fields = (body: string): string[] => (JSON.parse(body) as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [];

describe('the example catalog', () => {
  it('is published version 1, marked as an example, with services in every area and block, read by every staff role', async () => {
    for (const role of ['social_worker', 'provider_admin', 'evaluator', 'city_coordinator'] as const) {
      const res = await current(await ctx.staff(role));
      expect(res.statusCode).toBe(200);
    }
    const v1 = (await current()).json<CatalogVersion>();
    expect(v1).toMatchObject({ number: 1, status: 'published', example: true, current: true, validFrom: '2019-07-01', createdBy: null });
    expect(new Set(v1.services.map((s) => s.areaCode)).size).toBe(9);
    expect(new Set(v1.services.map((s) => s.blockCode))).toEqual(new Set(['basic', 'open_consultation', 'specialist']));
    const benefits = v1.services.find((s) => s.code === 'material.benefits');
    expect(benefits).toMatchObject({ name: 'Erstberatung Leistungsbezug (Jobcenter/Sozialamt)', counting: 'minutes', active: true, sensitive: false });
    expect(v1.services.find((s) => s.code === 'special.residence')?.sensitive).toBe(true);
    expect(v1.services.filter((s) => s.blockCode === 'open_consultation').every((s) => s.counting === 'contacts')).toBe(true);
    const en = (await ctx.request(admin, { method: 'GET', url: '/api/catalog/current?lang=en' })).json<CatalogVersion>();
    expect(en.services.find((s) => s.code === 'housing.search')?.name).toBe('Finding a flat');
  });

  it('is not read anonymously, not drafted or published by anyone but the city admin', async () => {
    expect((await current(null)).statusCode).toBe(401);
    for (const role of ['social_worker', 'provider_admin', 'city_coordinator', 'evaluator'] as const) {
      const s = await ctx.staff(role);
      expect((await ctx.request(s, { method: 'POST', url: '/api/catalog/versions', payload: {} })).statusCode).toBe(403);
    }
  });

  it('is seeded once: a second seed run changes nothing', async () => {
    const before = (await ctx.request(admin, { method: 'GET', url: '/api/catalog/versions' })).json<Summary[]>();
    await seedReferenceData(ctx.deps);
    const after = (await ctx.request(admin, { method: 'GET', url: '/api/catalog/versions' })).json<Summary[]>();
    expect(after).toEqual(before);
    expect(after.filter((v) => v.number === 1)).toHaveLength(1);
  });
});

describe('a new version', () => {
  it('starts as a draft copy, is edited there, and published becomes current while version 1 stays as it was', async () => {
    const v1 = (await current()).json<CatalogVersion>();
    const created = await createDraft({ label: 'Katalog 2027' });
    expect(created.statusCode).toBe(201);
    const draft = created.json<CatalogVersion>();
    expect(draft).toMatchObject({ number: 2, label: 'Katalog 2027', status: 'draft', current: false, basedOnNumber: 1, validFrom: null, example: false });
    expect(draft.services.map((s) => s.code)).toEqual(v1.services.map((s) => s.code));
    expect((await createDraft()).statusCode).toBe(409);

    const added = await addService(draft.id, newService('housing.move-in', { descriptions: { de: 'Einzug begleiten' }, counting: 'contacts' }));
    expect(added.statusCode).toBe(201);
    const mine = added.json<CatalogService>();
    expect(mine).toMatchObject({ code: 'housing.move-in', name: 'Leistung housing.move-in', description: 'Einzug begleiten', counting: 'contacts', active: true, sensitive: false });

    const search = draft.services.find((s) => s.code === 'housing.search');
    if (!search) throw new Error('no housing.search');
    const deactivate = await ctx.request(admin, { method: 'PATCH', url: `/api/catalog/versions/${draft.id}/services/${search.id}`, payload: { active: false, names: { de: 'Wohnungssuche (alt)', en: 'Finding a flat (old)' } } });
    expect(deactivate.statusCode).toBe(200);
    expect(deactivate.json<CatalogService>()).toMatchObject({ active: false, name: 'Wohnungssuche (alt)' });
    // A published code is stable; a code new in this draft may still change.
    const recode = await ctx.request(admin, { method: 'PATCH', url: `/api/catalog/versions/${draft.id}/services/${search.id}`, payload: { code: 'housing.flat' } });
    expect(recode.statusCode).toBe(400);
    expect(fields(recode.body)).toEqual(['code']);
    const recodeMine = await ctx.request(admin, { method: 'PATCH', url: `/api/catalog/versions/${draft.id}/services/${mine.id}`, payload: { code: 'housing.moving-in' } });
    expect(recodeMine.json<CatalogService>().code).toBe('housing.moving-in');
    // Another version's service is not found under this one.
    const foreign = await ctx.request(admin, { method: 'PATCH', url: `/api/catalog/versions/${draft.id}/services/${v1.services[0]?.id ?? ''}`, payload: { active: false } });
    expect(foreign.statusCode).toBe(404);
    // Version 1 is still current and unchanged while the draft is edited.
    expect((await current()).json<CatalogVersion>()).toEqual(v1);

    const published = await publish(draft.id);
    expect(published.statusCode).toBe(200);
    const v2 = published.json<CatalogVersion>();
    expect(v2).toMatchObject({ number: 2, status: 'published', current: true, publishedBy: admin.accountId });
    expect(v2.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await current()).json<CatalogVersion>().id).toBe(draft.id);
    const v1After = (await ctx.request(admin, { method: 'GET', url: `/api/catalog/versions/${v1.id}` })).json<CatalogVersion>();
    expect(v1After).toEqual({ ...v1, current: false });

    // Published: no more changes through the API.
    expect((await addService(draft.id, newService('housing.late'))).statusCode).toBe(409);
    expect((await ctx.request(admin, { method: 'PATCH', url: `/api/catalog/versions/${draft.id}`, payload: { label: 'x' } })).statusCode).toBe(409);
    expect((await publish(draft.id)).statusCode).toBe(409);

    const audited = await ctx.database.db.transaction(fixtures, (tx) => tx.select({ action: auditEntry.action, ids: auditEntry.recordIds }).from(auditEntry).where(eq(auditEntry.organisationId, cityOrg)));
    const actions = audited.filter((a) => a.ids.includes(draft.id) || a.ids.includes(mine.id) || a.ids.includes(search.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['catalog.create-draft', 'catalog-service.create', 'catalog-service.deactivate', 'catalog-service.update', 'catalog.publish']));

    // The audit log names the version and the service.
    type Ref = { type: string; label: string | null; detail: string | null; href: string | null };
    const log = (await ctx.request(admin, { method: 'GET', url: '/api/audit?action=catalog.*' })).json<{ entries: { action: string; records: Ref[] }[] }>();
    expect(log.entries.find((e) => e.action === 'catalog.publish')?.records).toEqual([expect.objectContaining({ type: 'catalog_version', label: '2: Katalog 2027', href: `/catalog?version=${draft.id}` })]);
    const serviceLog = (await ctx.request(admin, { method: 'GET', url: '/api/audit?action=catalog-service.create' })).json<{ entries: { records: Ref[] }[] }>();
    expect(serviceLog.entries[0]?.records[0]).toMatchObject({ type: 'catalog_service', label: 'Leistung housing.move-in', detail: '2 · housing.moving-in' });

    const history = (await ctx.request(await ctx.staff('social_worker'), { method: 'GET', url: '/api/catalog/versions' })).json<Summary[]>();
    expect(history.map((v) => [v.number, v.status, v.current])).toEqual([[2, 'published', true], [1, 'published', false]]);
  });

  it('refuses invalid services with field errors', async () => {
    const draft = (await createDraft()).json<CatalogVersion>();
    const unknownCodes = await addService(draft.id, newService('x.y', { areaCode: 'nowhere', blockCode: 'nothing' }));
    expect(unknownCodes.statusCode).toBe(400);
    expect(fields(unknownCodes.body).sort()).toEqual(['areaCode', 'blockCode']);
    const noEnglish = await addService(draft.id, { ...newService('x.z'), names: { de: 'Nur Deutsch' } });
    expect(noEnglish.statusCode).toBe(400);
    expect(fields(noEnglish.body)).toEqual(['names.en']);
    const badCode = await addService(draft.id, newService('Mit Leerzeichen'));
    expect(badCode.statusCode).toBe(400);
    expect(fields(badCode.body)).toEqual(['code']);
    const badCounting = await addService(draft.id, newService('x.w', { counting: 'hours' }));
    expect(fields(badCounting.body)).toEqual(['counting']);
    const duplicate = await addService(draft.id, newService('housing.search'));
    expect(duplicate.statusCode).toBe(409);
    expect(fields(duplicate.body)).toEqual(['code']);
    const early = await publish(draft.id, { validFrom: '2019-01-01' });
    expect(early.statusCode).toBe(400);
    expect(fields(early.body)).toEqual(['validFrom']);
    // Nothing of it was written.
    const again = (await ctx.request(admin, { method: 'GET', url: `/api/catalog/versions/${draft.id}` })).json<CatalogVersion>();
    expect(again.services.map((s) => s.code).filter((c) => c.startsWith('x.'))).toEqual([]);
    expect(again.status).toBe('draft');
  });

  it('is published once when two publish it at the same moment', async () => {
    const draft = (await ctx.request(admin, { method: 'GET', url: '/api/catalog/versions' })).json<Summary[]>().find((v) => v.status === 'draft');
    if (!draft) throw new Error('no draft');
    const results = await Promise.all([publish(draft.id), publish(draft.id)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const history = (await ctx.request(admin, { method: 'GET', url: '/api/catalog/versions' })).json<Summary[]>();
    expect(history.filter((v) => v.current).map((v) => v.number)).toEqual([draft.number]);
  });

  it('published for a later day becomes current on that day', async () => {
    const before = (await current()).json<CatalogVersion>();
    const draft = (await createDraft()).json<CatalogVersion>();
    const res = await publish(draft.id, { validFrom: '2099-01-01' });
    expect(res.json<CatalogVersion>()).toMatchObject({ status: 'published', current: false, validFrom: '2099-01-01' });
    expect((await current()).json<CatalogVersion>().id).toBe(before.id);
    const at = await ctx.database.db.transaction({ kind: 'public' }, (tx) => catalogVersionAt(tx, '2099-01-02'));
    expect(at?.id).toBe(draft.id);
    // The next draft copies the latest published version, and may not start before it.
    const next = (await createDraft()).json<CatalogVersion>();
    expect(next.basedOnNumber).toBe(draft.number);
    expect((await publish(next.id, { validFrom: '2098-12-31' })).statusCode).toBe(400);
  });
});

describe('immutability in the database', () => {
  const expectRefused = async (label: string, fn: () => Promise<unknown>) => {
    const error: unknown = await fn().then(() => null, (e: unknown) => e);
    expect(error, label).not.toBeNull();
    expect(sqlState(error), label).toBe('42501');
  };

  it('refuses every change to a published version and its services, also as lotse_app with the city scope and as the owner', async () => {
    const v1 = await ctx.database.db.transaction({ kind: 'public' }, async (tx) => (await tx.select().from(catalogVersion).where(eq(catalogVersion.number, 1)))[0]);
    if (!v1) throw new Error('no version 1');
    const city = { kind: 'city', organisationId: cityOrg } as const;
    const run = (query: ReturnType<typeof sql>) => () => ctx.database.db.transaction(city, (tx) => tx.execute(query));
    await expectRefused('update service', run(sql`update catalog_service set active = false where version_id = ${v1.id}`));
    await expectRefused('delete service', run(sql`delete from catalog_service where version_id = ${v1.id}`));
    await expectRefused('insert service', run(sql`insert into catalog_service (version_id, code, name, block_id, area_id, counting)
      select ${v1.id}, 'sneaked.in', '{"de":"x","en":"x"}', block_id, area_id, 'minutes' from catalog_service where version_id = ${v1.id} limit 1`));
    await expectRefused('move a draft service into it', run(sql`update catalog_service set version_id = ${v1.id} where version_id in (select id from catalog_version where status = 'draft')`));
    await expectRefused('relabel version', run(sql`update catalog_version set label = 'anders' where id = ${v1.id}`));
    await expectRefused('unpublish version', run(sql`update catalog_version set status = 'draft' where id = ${v1.id}`));
    await expectRefused('delete version', run(sql`delete from catalog_version where id = ${v1.id}`));
    await expectRefused('insert published', run(sql`insert into catalog_version (number, label, status, valid_from, published_at) values (999, 'x', 'published', '2020-01-01', now())`));
    await expectRefused('truncate', run(sql`truncate catalog_service`));
    await expectRefused('owner update', () => ctx.database.db.owner.execute(sql`update catalog_service set active = false where version_id = ${v1.id}`));
    const services = await ctx.database.db.transaction({ kind: 'public' }, (tx) => tx.select().from(catalogService).where(eq(catalogService.versionId, v1.id)));
    expect(services.every((s) => s.active)).toBe(true);
  });

  it('lets only the city and system scopes write a draft (row-level security)', async () => {
    const provider = (await ctx.organisation('provider')).id;
    const draft = await ctx.database.db.transaction({ kind: 'public' }, async (tx) => (await tx.select().from(catalogVersion).where(eq(catalogVersion.status, 'draft')))[0]);
    if (!draft) throw new Error('no draft');
    const updated = await ctx.database.db.transaction({ kind: 'tenant', organisationId: provider }, (tx) => tx.update(catalogService).set({ active: false }).where(eq(catalogService.versionId, draft.id)).returning());
    expect(updated).toEqual([]);
    await expect(ctx.database.db.transaction({ kind: 'tenant', organisationId: provider }, (tx) => tx.insert(catalogVersion).values({ number: 998, label: 'x' }))).rejects.toThrow();
    const own = await ctx.database.db.transaction({ kind: 'city', organisationId: cityOrg }, (tx) => tx.update(catalogVersion).set({ label: 'Entwurf (Stadt)' }).where(eq(catalogVersion.id, draft.id)).returning());
    expect(own.map((r) => r.label)).toEqual(['Entwurf (Stadt)']);
  });
});

describe('public functions for other modules', () => {
  it('answer the current catalog, a service by version and code, whether a service may code an entry on a day, and the sensitive areas', async () => {
    const now = ctx.deps.now();
    const today = berlinDate(now);
    await ctx.database.db.transaction({ kind: 'public' }, async (tx) => {
      const cat = await currentCatalog(tx, now);
      if (!cat) throw new Error('no current catalog');
      const found = await serviceByVersionAndCode(tx, cat.version.id, 'crisis.intervention');
      expect(found).toMatchObject({ versionId: cat.version.id, versionStatus: 'published', code: 'crisis.intervention', areaCode: 'crisis', blockCode: 'basic', sensitive: true, active: true });
      expect(await serviceById(tx, found?.id ?? '')).toEqual(found);
      expect(await serviceForEntry(tx, found?.id ?? '', today)).toEqual(found);
      const inactive = cat.services.find((s) => !s.active);
      expect(inactive?.code).toBe('housing.search');
      expect(await serviceForEntry(tx, inactive?.id ?? '', today)).toBeNull();
      const v1 = cat.version.number > 1 ? await catalogVersionAt(tx, '2020-01-01') : null;
      const old = await serviceByVersionAndCode(tx, v1?.id ?? '', 'crisis.intervention');
      expect(old?.versionId).toBe(v1?.id);
      // A service of an older version codes entries of its own days only.
      expect(await serviceForEntry(tx, old?.id ?? '', today)).toBeNull();
      expect(await serviceForEntry(tx, old?.id ?? '', '2020-01-01')).toEqual(old);
      expect([...(await sensitiveAreas(tx))].sort()).toEqual(['crisis', 'health', 'special']);
    });
  });
});
