import type { z } from 'zod';
import type { CatalogVersion, createCatalogDraft, createCatalogService, publishCatalogDraft, updateCatalogDraft, updateCatalogService } from '#contracts/catalog.ts';
import { guardConstraints, sqlState } from '#server/db-errors.ts';
import type { DbScope, Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { authorize, authorizeStaff } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound, type FieldError } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { integrationAreaIds, serviceBlockIds } from './catalog.queries.ts';
import { presentService, presentVersionSummary } from './catalog.presenters.ts';
import * as q from './versions.queries.ts';

/**
 * The versioned service catalog: every member of staff reads it; the city's administration makes a
 * draft (a copy of the latest published version), edits its services and publishes it. A published
 * version never changes (the database refuses it too), so entries keep the version they were made under.
 */

const READ: DbScope = { kind: 'public' };
const cityScope = (admin: StaffActor): DbScope => ({ kind: 'city', organisationId: admin.organisationId });

/** The version in force today (Berlin): the latest published one valid from today or earlier. */
async function currentId(tx: Tx, now: Date): Promise<string | null> {
  return (await q.findVersionAt(tx, berlinDate(now)))?.id ?? null;
}

async function versionDetail(tx: Tx, id: string, locale: string, now: Date): Promise<CatalogVersion | null> {
  const rows = await q.listVersions(tx);
  const row = rows.find((r) => r.id === id);
  if (!row) return null;
  const services = await q.listServices(tx, id);
  return { ...presentVersionSummary(row, await currentId(tx, now)), services: services.map((s) => presentService(s, locale)) };
}

/** Every version, newest first: the version history. */
export async function listCatalogVersions(deps: Deps, actor: Actor) {
  authorize(actor, 'catalog.read');
  return deps.db.transaction(READ, async (tx) => {
    const current = await currentId(tx, deps.now());
    return (await q.listVersions(tx)).map((r) => presentVersionSummary(r, current));
  });
}

/** One version with its services; `current` for the version in force today. */
export async function getCatalogVersion(deps: Deps, actor: Actor, id: string | 'current', locale: string): Promise<CatalogVersion> {
  authorize(actor, 'catalog.read');
  return deps.db.transaction(READ, async (tx) => {
    const versionId = id === 'current' ? await currentId(tx, deps.now()) : id;
    const found = versionId ? await versionDetail(tx, versionId, locale, deps.now()) : null;
    if (!found) throw notFound();
    return found;
  });
}

/** A draft that still can change, locked against a publish in flight; 404 unknown, 409 published. */
async function lockDraft(tx: Tx, id: string): Promise<q.CatalogVersionRow> {
  const version = await q.lockVersion(tx, id);
  if (!version) throw notFound();
  if (version.status !== 'draft') throw conflict('details.catalogPublished');
  return version;
}

/** Starts a new version as a draft copy of the latest published one (at most one draft at a time). */
export async function createCatalogDraftVersion(deps: Deps, actor: Actor, input: z.infer<typeof createCatalogDraft>, locale: string): Promise<CatalogVersion> {
  const admin = authorizeStaff(actor, 'catalog.edit');
  const now = deps.now();
  try {
    return await deps.db.transaction(cityScope(admin), async (tx) => {
      if (await q.findDraft(tx)) throw conflict('details.catalogDraftExists');
      const base = (await q.listVersions(tx)).find((v) => v.status === 'published') ?? null;
      const number = await q.nextVersionNumber(tx);
      const draft = await q.insertVersion(tx, { number, label: input.label ?? `Version ${number}`, basedOnId: base?.id ?? null, createdBy: admin.accountId, createdAt: now });
      if (base) await q.copyServices(tx, base.id, draft.id);
      await recordAudit(tx, admin, { action: 'catalog.create-draft', recordType: 'catalog_version', recordIds: [draft.id] }, now);
      const detail = await versionDetail(tx, draft.id, locale, now);
      if (!detail) throw notFound();
      return detail;
    });
  } catch (error) {
    // Two drafts started at once: the one-draft index refuses the second.
    if (sqlState(error) === '23505') throw conflict('details.catalogDraftExists');
    throw error;
  }
}

/** Renames a draft or marks it as (not) an example catalog. */
export async function changeCatalogDraft(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateCatalogDraft>, locale: string): Promise<CatalogVersion> {
  const admin = authorizeStaff(actor, 'catalog.edit');
  const now = deps.now();
  return deps.db.transaction(cityScope(admin), async (tx) => {
    await lockDraft(tx, id);
    await q.updateDraft(tx, id, { ...(input.label !== undefined ? { label: input.label } : {}), ...(input.example !== undefined ? { example: input.example } : {}) });
    await recordAudit(tx, admin, { action: 'catalog.update-draft', recordType: 'catalog_version', recordIds: [id] }, now);
    const detail = await versionDetail(tx, id, locale, now);
    if (!detail) throw notFound();
    return detail;
  });
}

/** The ids of a service's block and area; a code that does not exist is a field error. */
async function resolveCodes(tx: Tx, input: { blockCode?: string | undefined; areaCode?: string | undefined }): Promise<{ blockId?: string; areaId?: string }> {
  const errors: FieldError[] = [];
  const out: { blockId?: string; areaId?: string } = {};
  if (input.blockCode !== undefined) {
    const id = (await serviceBlockIds(tx, [input.blockCode])).get(input.blockCode);
    if (id) out.blockId = id;
    else errors.push({ field: 'blockCode', key: 'field.invalidOption' });
  }
  if (input.areaCode !== undefined) {
    const id = (await integrationAreaIds(tx, [input.areaCode])).get(input.areaCode);
    if (id) out.areaId = id;
    else errors.push({ field: 'areaCode', key: 'field.invalidOption' });
  }
  if (errors.length) throw invalid(errors);
  return out;
}

async function presentedService(tx: Tx, id: string, locale: string) {
  const row = await q.findService(tx, id);
  if (!row) throw notFound();
  return presentService(row, locale);
}

/** Adds a service to a draft; its code is unique in the version. */
export async function addCatalogService(deps: Deps, actor: Actor, versionId: string, input: z.infer<typeof createCatalogService>, locale: string) {
  const admin = authorizeStaff(actor, 'catalog.edit');
  const now = deps.now();
  return deps.db.transaction(cityScope(admin), async (tx) => {
    await lockDraft(tx, versionId);
    const { blockId, areaId } = await resolveCodes(tx, input);
    if (!blockId || !areaId) throw invalid([]);
    const position = input.position ?? (await q.nextServicePosition(tx, versionId));
    const [id] = await guardConstraints(
      () => q.insertServices(tx, [{ versionId, code: input.code, name: input.names, description: input.descriptions, blockId, areaId, counting: input.counting, active: input.active, position }]),
      { unique: 'code' },
    );
    if (!id) throw notFound();
    await recordAudit(tx, admin, { action: 'catalog-service.create', recordType: 'catalog_service', recordIds: [id] }, now);
    return presentedService(tx, id, locale);
  });
}

/**
 * Changes a draft's service: names, description, block, area, counting, order, or `active: false`
 * to deactivate it. Its code may change only while no published version uses it (codes are stable).
 */
export async function changeCatalogService(deps: Deps, actor: Actor, versionId: string, serviceId: string, input: z.infer<typeof updateCatalogService>, locale: string) {
  const admin = authorizeStaff(actor, 'catalog.edit');
  const now = deps.now();
  return deps.db.transaction(cityScope(admin), async (tx) => {
    await lockDraft(tx, versionId);
    const current = await q.findService(tx, serviceId);
    if (!current || current.versionId !== versionId) throw notFound();
    if (input.code !== undefined && input.code !== current.code && (await q.codePublished(tx, current.code))) {
      throw invalid([{ field: 'code', key: 'field.catalogCodeStable' }]);
    }
    const { blockId, areaId } = await resolveCodes(tx, input);
    await guardConstraints(
      () =>
        q.updateService(tx, serviceId, {
          ...(input.code !== undefined ? { code: input.code } : {}),
          ...(input.names !== undefined ? { name: input.names } : {}),
          ...(input.descriptions !== undefined ? { description: input.descriptions } : {}),
          ...(blockId ? { blockId } : {}),
          ...(areaId ? { areaId } : {}),
          ...(input.counting !== undefined ? { counting: input.counting } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          ...(input.position !== undefined ? { position: input.position } : {}),
        }),
      { unique: 'code' },
    );
    const action = input.active === false && current.active ? 'catalog-service.deactivate' : 'catalog-service.update';
    await recordAudit(tx, admin, { action, recordType: 'catalog_service', recordIds: [serviceId] }, now);
    return presentedService(tx, serviceId, locale);
  });
}

/**
 * Publishes the draft: from `validFrom` (default today) it is the catalog entries are documented
 * under; never before the latest published version's day. A second publish of the same draft
 * (also at the same moment) finds it published and is refused.
 */
export async function publishCatalogVersion(deps: Deps, actor: Actor, id: string, input: z.infer<typeof publishCatalogDraft>, locale: string): Promise<CatalogVersion> {
  const admin = authorizeStaff(actor, 'catalog.publish');
  const now = deps.now();
  return deps.db.transaction(cityScope(admin), async (tx) => {
    await lockDraft(tx, id);
    const services = await q.listServices(tx, id);
    if (!services.some((s) => s.active)) throw conflict('details.catalogEmpty');
    const validFrom = input.validFrom ?? berlinDate(now);
    const latest = (await q.listVersions(tx)).find((v) => v.status === 'published');
    if (latest?.validFrom && validFrom < latest.validFrom) {
      throw invalid([{ field: 'validFrom', key: 'field.notBeforeCurrentCatalog', values: { date: latest.validFrom } }]);
    }
    if (!(await q.markPublished(tx, id, { validFrom, publishedBy: admin.accountId, publishedAt: now }))) throw conflict('details.catalogPublished');
    await recordAudit(tx, admin, { action: 'catalog.publish', recordType: 'catalog_version', recordIds: [id] }, now);
    const detail = await versionDetail(tx, id, locale, now);
    if (!detail) throw notFound();
    return detail;
  });
}
