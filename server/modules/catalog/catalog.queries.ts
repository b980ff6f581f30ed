import { asc, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { integrationArea } from './catalog.schema.ts';

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
