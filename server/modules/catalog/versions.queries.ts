import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '#server/db.ts';
import { catalogService, catalogVersion, integrationArea, serviceBlock } from './catalog.schema.ts';

/** Every statement on catalog versions and their services. */

export type CatalogVersionRow = typeof catalogVersion.$inferSelect;

const basedOn = alias(catalogVersion, 'based_on');

const versionColumns = {
  id: catalogVersion.id,
  number: catalogVersion.number,
  label: catalogVersion.label,
  status: catalogVersion.status,
  example: catalogVersion.example,
  validFrom: catalogVersion.validFrom,
  basedOnId: catalogVersion.basedOnId,
  createdBy: catalogVersion.createdBy,
  createdAt: catalogVersion.createdAt,
  publishedBy: catalogVersion.publishedBy,
  publishedAt: catalogVersion.publishedAt,
};

/** Versions, newest first, with the number of the version each is based on and its service count. */
export async function listVersions(tx: Tx) {
  return tx
    .select({
      ...versionColumns,
      basedOnNumber: basedOn.number,
      serviceCount: sql<number>`(select count(*)::int from ${catalogService} where ${catalogService.versionId} = ${catalogVersion.id})`,
    })
    .from(catalogVersion)
    .leftJoin(basedOn, eq(basedOn.id, catalogVersion.basedOnId))
    .orderBy(desc(catalogVersion.number));
}

export type CatalogVersionListRow = Awaited<ReturnType<typeof listVersions>>[number];

export async function findVersion(tx: Tx, id: string): Promise<CatalogVersionRow | null> {
  const [row] = await tx.select().from(catalogVersion).where(eq(catalogVersion.id, id));
  return row ?? null;
}

/** The version row locked for a change (a publish or a service write waits for the other). */
export async function lockVersion(tx: Tx, id: string): Promise<CatalogVersionRow | null> {
  const [row] = await tx.select().from(catalogVersion).where(eq(catalogVersion.id, id)).for('update');
  return row ?? null;
}

/** The current catalog: the published version with the highest number. */
export async function findCurrentVersion(tx: Tx): Promise<CatalogVersionRow | null> {
  const [row] = await tx.select().from(catalogVersion).where(eq(catalogVersion.status, 'published')).orderBy(desc(catalogVersion.number)).limit(1);
  return row ?? null;
}

/** The published version in force on a date: the latest valid from that day or earlier. */
export async function findVersionAt(tx: Tx, date: string): Promise<CatalogVersionRow | null> {
  const [row] = await tx
    .select()
    .from(catalogVersion)
    .where(and(eq(catalogVersion.status, 'published'), sql`${catalogVersion.validFrom} <= ${date}::date`))
    .orderBy(desc(catalogVersion.validFrom), desc(catalogVersion.number))
    .limit(1);
  return row ?? null;
}

export async function findDraft(tx: Tx): Promise<CatalogVersionRow | null> {
  const [row] = await tx.select().from(catalogVersion).where(eq(catalogVersion.status, 'draft'));
  return row ?? null;
}

export async function countVersions(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(catalogVersion);
  return row?.n ?? 0;
}

export async function nextVersionNumber(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${catalogVersion.number}), 0)::int + 1` }).from(catalogVersion);
  return row?.n ?? 1;
}

export async function insertVersion(tx: Tx, values: typeof catalogVersion.$inferInsert): Promise<CatalogVersionRow> {
  const [row] = await tx.insert(catalogVersion).values({ ...values, status: 'draft' }).returning();
  if (!row) throw new Error('insert catalog_version returned nothing');
  return row;
}

export async function updateDraft(tx: Tx, id: string, values: { label?: string; example?: boolean }): Promise<void> {
  if (Object.keys(values).length) await tx.update(catalogVersion).set(values).where(and(eq(catalogVersion.id, id), eq(catalogVersion.status, 'draft')));
}

/** Publishes a draft in one conditional statement: answers false when it is no draft (any more). */
export async function markPublished(tx: Tx, id: string, values: { validFrom: string; publishedBy: string | null; publishedAt: Date }): Promise<boolean> {
  const rows = await tx
    .update(catalogVersion)
    .set({ status: 'published', ...values })
    .where(and(eq(catalogVersion.id, id), eq(catalogVersion.status, 'draft')))
    .returning({ id: catalogVersion.id });
  return rows.length > 0;
}

const serviceColumns = {
  id: catalogService.id,
  versionId: catalogService.versionId,
  versionStatus: catalogVersion.status,
  code: catalogService.code,
  name: catalogService.name,
  description: catalogService.description,
  blockId: catalogService.blockId,
  blockCode: serviceBlock.code,
  areaId: catalogService.areaId,
  areaCode: integrationArea.code,
  sensitive: sql<boolean>`${integrationArea.sensitivity} = 'special'`,
  counting: catalogService.counting,
  active: catalogService.active,
  position: catalogService.position,
};

function servicesQuery(tx: Tx) {
  return tx
    .select(serviceColumns)
    .from(catalogService)
    .innerJoin(catalogVersion, eq(catalogVersion.id, catalogService.versionId))
    .innerJoin(serviceBlock, eq(serviceBlock.id, catalogService.blockId))
    .innerJoin(integrationArea, eq(integrationArea.id, catalogService.areaId));
}

export type CatalogServiceRow = Awaited<ReturnType<typeof listServices>>[number];

/** A version's services in catalog order: area, block, sort order, code. */
export async function listServices(tx: Tx, versionId: string) {
  return servicesQuery(tx)
    .where(eq(catalogService.versionId, versionId))
    .orderBy(asc(integrationArea.position), asc(serviceBlock.position), asc(catalogService.position), asc(catalogService.code));
}

export async function findService(tx: Tx, id: string): Promise<CatalogServiceRow | null> {
  const [row] = await servicesQuery(tx).where(eq(catalogService.id, id));
  return row ?? null;
}

export async function findServiceByCode(tx: Tx, versionId: string, code: string): Promise<CatalogServiceRow | null> {
  const [row] = await servicesQuery(tx).where(and(eq(catalogService.versionId, versionId), eq(catalogService.code, code)));
  return row ?? null;
}

/** Whether a published version holds a service with this code (then the code is stable: entries may name it). */
export async function codePublished(tx: Tx, code: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: catalogService.id })
    .from(catalogService)
    .innerJoin(catalogVersion, eq(catalogVersion.id, catalogService.versionId))
    .where(and(eq(catalogService.code, code), eq(catalogVersion.status, 'published')))
    .limit(1);
  return row !== undefined;
}

export async function nextServicePosition(tx: Tx, versionId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${catalogService.position}), 0)::int + 10` }).from(catalogService).where(eq(catalogService.versionId, versionId));
  return row?.n ?? 10;
}

export async function insertServices(tx: Tx, values: (typeof catalogService.$inferInsert)[]): Promise<string[]> {
  if (!values.length) return [];
  const rows = await tx.insert(catalogService).values(values).returning({ id: catalogService.id });
  return rows.map((r) => r.id);
}

/** Copies every service of one version into another (a new draft), in one statement. */
export async function copyServices(tx: Tx, fromVersionId: string, toVersionId: string): Promise<void> {
  await tx.execute(sql`
    insert into ${catalogService} (version_id, code, name, description, block_id, area_id, counting, active, position)
    select ${toVersionId}::uuid, code, name, description, block_id, area_id, counting, active, position
    from ${catalogService} where version_id = ${fromVersionId}::uuid`);
}

export async function updateService(tx: Tx, id: string, values: Partial<typeof catalogService.$inferInsert>): Promise<void> {
  if (Object.keys(values).length) await tx.update(catalogService).set(values).where(eq(catalogService.id, id));
}

/** The codes of the integration areas marked special categories (DSGVO Art. 9), in catalog order. */
export async function listSensitiveAreaCodes(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ code: integrationArea.code }).from(integrationArea).where(eq(integrationArea.sensitivity, 'special')).orderBy(asc(integrationArea.position));
  return rows.map((r) => r.code);
}

/** Number and label of catalog versions by id (the audit log's labels). */
export async function labelsOfVersions(tx: Tx, ids: readonly string[]) {
  if (!ids.length) return [];
  return tx.select({ id: catalogVersion.id, number: catalogVersion.number, label: catalogVersion.label }).from(catalogVersion).where(inArray(catalogVersion.id, [...ids]));
}

/** Names, codes and version of catalog services by id (the audit log's labels). */
export async function labelsOfServices(tx: Tx, ids: readonly string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: catalogService.id, code: catalogService.code, name: catalogService.name, versionId: catalogService.versionId, versionNumber: catalogVersion.number })
    .from(catalogService)
    .innerJoin(catalogVersion, eq(catalogVersion.id, catalogService.versionId))
    .where(inArray(catalogService.id, [...ids]));
}
