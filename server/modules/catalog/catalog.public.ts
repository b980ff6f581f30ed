import type { Tx } from '#server/db.ts';
import { berlinDate } from '#server/time.ts';
import { integrationAreaIds, serviceBlockIds } from './catalog.queries.ts';
import { DEFAULT_CATALOG, DEFAULT_CATALOG_LABEL } from './default-catalog.ts';
import * as q from './versions.queries.ts';

/**
 * What other modules may use of the catalog. Every function takes the caller's transaction (any
 * scope: the catalog is reference data every scope reads), so a use case reads the catalog inside
 * its own transaction. See /work/notes/catalog-api.md for how service entries refer to it.
 */

export { catalogLabel } from './catalog.service.ts';

/** A published (or draft) catalog version, as other modules see it. */
export interface CatalogVersionInfo {
  id: string;
  number: number;
  label: string;
  status: 'draft' | 'published';
  example: boolean;
  validFrom: string | null;
}

/** One service of one version. `id` names exactly one (version, code) pair. */
export interface CatalogServiceInfo {
  id: string;
  versionId: string;
  versionStatus: 'draft' | 'published';
  code: string;
  /** Names per language ({de, en, …}); label with `catalogLabel(names, locale, code)`. */
  names: Record<string, string>;
  blockCode: string;
  areaCode: string;
  /** The service's integration area is a special category (DSGVO Art. 9): seal its notes. */
  sensitive: boolean;
  counting: 'contacts' | 'minutes';
  active: boolean;
  position: number;
}

const versionInfo = (r: q.CatalogVersionRow): CatalogVersionInfo => ({ id: r.id, number: r.number, label: r.label, status: r.status, example: r.example, validFrom: r.validFrom });
const serviceInfo = (r: q.CatalogServiceRow): CatalogServiceInfo => ({
  id: r.id,
  versionId: r.versionId,
  versionStatus: r.versionStatus,
  code: r.code,
  names: r.name,
  blockCode: r.blockCode,
  areaCode: r.areaCode,
  sensitive: r.sensitive,
  counting: r.counting,
  active: r.active,
  position: r.position,
});

/** The published version in force on a date (YYYY-MM-DD, Berlin), or null before the first one. */
export async function catalogVersionAt(tx: Tx, date: string): Promise<CatalogVersionInfo | null> {
  const row = await q.findVersionAt(tx, date);
  return row ? versionInfo(row) : null;
}

/** The catalog in force now (Berlin date of `now`) with all its services (active and not), in catalog order. */
export async function currentCatalog(tx: Tx, now: Date): Promise<{ version: CatalogVersionInfo; services: CatalogServiceInfo[] } | null> {
  const row = await q.findVersionAt(tx, berlinDate(now));
  if (!row) return null;
  return { version: versionInfo(row), services: (await q.listServices(tx, row.id)).map(serviceInfo) };
}

/** Every service of one version, in catalog order (area, block, sort order). */
export async function servicesOfVersion(tx: Tx, versionId: string): Promise<CatalogServiceInfo[]> {
  return (await q.listServices(tx, versionId)).map(serviceInfo);
}

/** A service by its id (any version), or null. */
export async function serviceById(tx: Tx, id: string): Promise<CatalogServiceInfo | null> {
  const row = await q.findService(tx, id);
  return row ? serviceInfo(row) : null;
}

/** A service by version and stable code, or null. */
export async function serviceByVersionAndCode(tx: Tx, versionId: string, code: string): Promise<CatalogServiceInfo | null> {
  const row = await q.findServiceByCode(tx, versionId, code);
  return row ? serviceInfo(row) : null;
}

/**
 * The service a new entry on `date` may be coded with: it must belong to the published version in
 * force that day and be active. Null otherwise (answer a field error on the entry's service).
 */
export async function serviceForEntry(tx: Tx, serviceId: string, date: string): Promise<CatalogServiceInfo | null> {
  const [service, version] = [await q.findService(tx, serviceId), await q.findVersionAt(tx, date)];
  if (!service || !version || service.versionId !== version.id || !service.active) return null;
  return serviceInfo(service);
}

/** For the audit log: catalog versions and services by id, labelled (ids unknown are left out). */
export async function labelsOfCatalogVersions(tx: Tx, ids: readonly string[]): Promise<{ id: string; number: number; label: string }[]> {
  return q.labelsOfVersions(tx, ids);
}

export async function labelsOfCatalogServices(tx: Tx, ids: readonly string[]): Promise<{ id: string; code: string; name: Record<string, string>; versionId: string; versionNumber: number }[]> {
  return q.labelsOfServices(tx, ids);
}

/** The codes of the sensitive integration areas (special categories: health, crisis, special circumstances). */
export async function sensitiveAreas(tx: Tx): Promise<Set<string>> {
  return new Set(await q.listSensitiveAreaCodes(tx));
}

/**
 * Seeds the example catalog (Beispielkatalog) as published version 1 into a database without any
 * catalog version, valid from `validFrom`; does nothing where a version exists (idempotent). Services
 * whose area or block the database does not know are left out. Answers whether it seeded.
 */
export async function seedDefaultCatalog(tx: Tx, validFrom: string, now: Date = new Date()): Promise<boolean> {
  if (await q.countVersions(tx)) return false;
  const areas = await integrationAreaIds(tx, [...new Set(DEFAULT_CATALOG.map((s) => s.area))]);
  const blocks = await serviceBlockIds(tx, [...new Set(DEFAULT_CATALOG.map((s) => s.block))]);
  const version = await q.insertVersion(tx, { number: 1, label: DEFAULT_CATALOG_LABEL, example: true, createdAt: now });
  const services = DEFAULT_CATALOG.flatMap((s, i) => {
    const areaId = areas.get(s.area);
    const blockId = blocks.get(s.block);
    if (!areaId || !blockId) return [];
    return [{ versionId: version.id, code: s.code, name: s.name, description: s.description ?? {}, areaId, blockId, counting: s.counting, position: (i + 1) * 10 }];
  });
  await q.insertServices(tx, services);
  await q.markPublished(tx, version.id, { validFrom, publishedBy: null, publishedAt: now });
  return true;
}

// The public office pages show the areas and blocks.
export { listIntegrationAreas, listServiceBlocks } from './catalog.service.ts';

// Offices save the blocks and areas they offer by code and read them back in catalog order (in their transaction).
export { integrationAreaIds, serviceBlockIds } from './catalog.queries.ts';
export { listIntegrationAreas as integrationAreasInOrder, listServiceBlocks as serviceBlocksInOrder } from './catalog.queries.ts';

// The reference-data seed (server/seed/reference.ts), in its transaction.
export { addMissingAreaLabels, addMissingBlockLabels, countIntegrationAreas, insertIntegrationAreas, insertMissingServiceBlocks } from './catalog.queries.ts';
