import { asc, inArray, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { integrationArea, serviceBlock } from './catalog.schema.ts';

export async function listIntegrationAreas(tx: Tx) {
  return tx.select().from(integrationArea).orderBy(asc(integrationArea.position));
}

export async function countIntegrationAreas(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(integrationArea);
  return row?.n ?? 0;
}

export async function insertIntegrationAreas(tx: Tx, values: (typeof integrationArea.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(integrationArea).values(values);
}

/**
 * Adds the labels of languages an area has none for; a label the city keeps (edited or not) stays
 * as it is (`reference || name`: the stored keys win). Answers whether the row changed.
 */
export async function addMissingAreaLabels(tx: Tx, code: string, labels: Record<string, string>): Promise<boolean> {
  const merged = sql`${JSON.stringify(labels)}::jsonb || ${integrationArea.name}`;
  const rows = await tx
    .update(integrationArea)
    .set({ name: merged })
    .where(sql`${integrationArea.code} = ${code} AND ${integrationArea.name} <> ${merged}`)
    .returning({ id: integrationArea.id });
  return rows.length > 0;
}

/** Adds the labels of languages a service block has none for (like `addMissingAreaLabels`). */
export async function addMissingBlockLabels(tx: Tx, code: string, labels: Record<string, string>): Promise<boolean> {
  const merged = sql`${JSON.stringify(labels)}::jsonb || ${serviceBlock.name}`;
  const rows = await tx
    .update(serviceBlock)
    .set({ name: merged })
    .where(sql`${serviceBlock.code} = ${code} AND ${serviceBlock.name} <> ${merged}`)
    .returning({ id: serviceBlock.id });
  return rows.length > 0;
}

export async function listServiceBlocks(tx: Tx) {
  return tx.select().from(serviceBlock).orderBy(asc(serviceBlock.position), asc(serviceBlock.code));
}

/** Inserts the blocks whose code is not there yet (idempotent); answers how many were added. */
export async function insertMissingServiceBlocks(tx: Tx, values: (typeof serviceBlock.$inferInsert)[]): Promise<number> {
  if (!values.length) return 0;
  const rows = await tx.insert(serviceBlock).values(values).onConflictDoNothing({ target: serviceBlock.code }).returning({ id: serviceBlock.id });
  return rows.length;
}

/** Ids of the blocks with these codes (unknown codes are simply absent from the map). */
export async function serviceBlockIds(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await tx.select({ id: serviceBlock.id, code: serviceBlock.code }).from(serviceBlock).where(inArray(serviceBlock.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Ids of the integration areas with these codes (unknown codes are absent from the map). */
export async function integrationAreaIds(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await tx.select({ id: integrationArea.id, code: integrationArea.code }).from(integrationArea).where(inArray(integrationArea.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

