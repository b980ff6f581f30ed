import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { office, officeHoursException, officeIntegrationArea, officeOpeningHours, officeServiceBlock } from './offices.schema.ts';

const officeActiveAt = (at: string) => and(lte(office.validFrom, at), or(isNull(office.validTo), gt(office.validTo, at)));

const officeColumns = {
  id: office.id,
  name: office.name,
  providerId: office.providerId,
  regionId: office.regionId,
  predecessorId: office.predecessorId,
  street: office.street,
  houseNumber: office.houseNumber,
  postcode: office.postcode,
  city: office.city,
  lat: office.lat,
  lon: office.lon,
  phone: office.phone,
  email: office.email,
  web: office.web,
  languages: office.languages,
  accessibility: office.accessibility,
  siteAssessment: office.siteAssessment,
  validFrom: office.validFrom,
  validTo: office.validTo,
};
/** Offices in force on a date (optionally of one region), by name; provider and region as ids (see office-rows.ts). */
export async function officeRowsAt(tx: Tx, at: string, regionId?: string) {
  return tx
    .select(officeColumns)
    .from(office)
    .where(and(officeActiveAt(at), regionId ? eq(office.regionId, regionId) : undefined))
    .orderBy(asc(office.name));
}

export async function findOfficeRow(tx: Tx, id: string) {
  const [row] = await tx.select(officeColumns).from(office).where(eq(office.id, id));
  return row ?? null;
}

export async function officeProviderId(tx: Tx, id: string): Promise<string | null> {
  const [row] = await tx.select({ providerId: office.providerId }).from(office).where(eq(office.id, id));
  return row?.providerId ?? null;
}

/** The ids of a provider's offices (all periods). */
export async function officeIdsOfProvider(tx: Tx, providerId: string): Promise<string[]> {
  const rows = await tx.select({ id: office.id }).from(office).where(eq(office.providerId, providerId)).orderBy(asc(office.name));
  return rows.map((r) => r.id);
}

export async function hoursOf(tx: Tx, officeIds: string[]) {
  if (officeIds.length === 0) return [];
  return tx.select().from(officeOpeningHours).where(inArray(officeOpeningHours.officeId, officeIds)).orderBy(asc(officeOpeningHours.weekday), asc(officeOpeningHours.opens));
}

export async function exceptionsOf(tx: Tx, officeIds: string[]) {
  if (officeIds.length === 0) return [];
  return tx.select().from(officeHoursException).where(inArray(officeHoursException.officeId, officeIds)).orderBy(asc(officeHoursException.date), asc(officeHoursException.opens));
}

export async function insertOffice(tx: Tx, values: typeof office.$inferInsert) {
  const [row] = await tx.insert(office).values(values).returning({ id: office.id });
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Updates an office; under RLS a foreign tenant's row is not updated (answers null). */
export async function updateOffice(tx: Tx, id: string, values: Partial<typeof office.$inferInsert>) {
  const [row] = await tx
    .update(office)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(office.id, id))
    .returning({ id: office.id });
  return row ?? null;
}

export async function replaceHours(tx: Tx, officeId: string, rows: Omit<typeof officeOpeningHours.$inferInsert, 'officeId'>[]) {
  await tx.delete(officeOpeningHours).where(eq(officeOpeningHours.officeId, officeId));
  if (rows.length > 0) await tx.insert(officeOpeningHours).values(rows.map((r) => ({ ...r, officeId })));
}

/** Replaces the exceptions from a date on (all by default); earlier ones are history and stay as they were. */
export async function replaceExceptions(tx: Tx, officeId: string, rows: Omit<typeof officeHoursException.$inferInsert, 'officeId'>[], from = '0001-01-01') {
  await tx.delete(officeHoursException).where(and(eq(officeHoursException.officeId, officeId), gte(officeHoursException.date, from)));
  if (rows.length > 0) await tx.insert(officeHoursException).values(rows.map((r) => ({ ...r, officeId })));
}

/** The service blocks of the offices, as catalog ids (services.ts names them by code, in catalog order). */
export async function serviceBlocksOf(tx: Tx, officeIds: string[]) {
  if (officeIds.length === 0) return [];
  return tx.select({ officeId: officeServiceBlock.officeId, id: officeServiceBlock.serviceBlockId }).from(officeServiceBlock).where(inArray(officeServiceBlock.officeId, officeIds));
}

/** The integration areas the offices counsel in, as catalog ids. */
export async function integrationAreasOf(tx: Tx, officeIds: string[]) {
  if (officeIds.length === 0) return [];
  return tx.select({ officeId: officeIntegrationArea.officeId, id: officeIntegrationArea.integrationAreaId }).from(officeIntegrationArea).where(inArray(officeIntegrationArea.officeId, officeIds));
}

/** Replaces the office's services by these catalog ids. */
export async function replaceServices(tx: Tx, officeId: string, blockIds: string[], areaIds: string[]) {
  await tx.delete(officeServiceBlock).where(eq(officeServiceBlock.officeId, officeId));
  await tx.delete(officeIntegrationArea).where(eq(officeIntegrationArea.officeId, officeId));
  if (blockIds.length > 0) await tx.insert(officeServiceBlock).values(blockIds.map((serviceBlockId) => ({ officeId, serviceBlockId })));
  if (areaIds.length > 0) await tx.insert(officeIntegrationArea).values(areaIds.map((integrationAreaId) => ({ officeId, integrationAreaId })));
}
