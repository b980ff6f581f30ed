import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { serviceAgreement } from '#server/modules/calls/calls.schema.ts';
import { integrationArea, serviceBlock } from '#server/modules/catalog/catalog.schema.ts';
import { organisation } from '#server/modules/identity/identity.schema.ts';
import { region } from '#server/modules/regions/regions.schema.ts';
import { office, officeHoursException, officeIntegrationArea, officeOpeningHours, officeServiceBlock } from './offices.schema.ts';

const officeActiveAt = (at: string) => and(lte(office.validFrom, at), or(isNull(office.validTo), gt(office.validTo, at)));

const officeColumns = {
  id: office.id,
  name: office.name,
  providerId: office.providerId,
  providerName: organisation.name,
  regionId: office.regionId,
  regionCode: region.code,
  regionName: region.name,
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
export type OfficeRow = Awaited<ReturnType<typeof findOffice>> & object;

export async function officesAt(tx: Tx, at: string, regionCode?: string) {
  return tx
    .select(officeColumns)
    .from(office)
    .innerJoin(organisation, eq(organisation.id, office.providerId))
    .innerJoin(region, eq(region.id, office.regionId))
    .where(and(officeActiveAt(at), regionCode ? eq(region.code, regionCode) : undefined))
    .orderBy(asc(region.position), asc(office.name));
}

export async function findOffice(tx: Tx, id: string) {
  const [row] = await tx
    .select(officeColumns)
    .from(office)
    .innerJoin(organisation, eq(organisation.id, office.providerId))
    .innerJoin(region, eq(region.id, office.regionId))
    .where(eq(office.id, id));
  return row ?? null;
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

export async function findRegionByCode(tx: Tx, code: string) {
  const [row] = await tx.select({ id: region.id, code: region.code, name: region.name }).from(region).where(eq(region.code, code));
  return row ?? null;
}

/** Whether the provider holds the region's service agreement on a date. */
export async function holdsAgreement(tx: Tx, providerId: string, regionId: string, at: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: serviceAgreement.id })
    .from(serviceAgreement)
    .where(
      and(
        eq(serviceAgreement.providerId, providerId),
        eq(serviceAgreement.regionId, regionId),
        lte(serviceAgreement.validFrom, at),
        or(isNull(serviceAgreement.validTo), gt(serviceAgreement.validTo, at)),
      ),
    );
  return Boolean(row);
}

/** The service blocks of the offices, as catalog codes in catalog order. */
export async function serviceBlocksOf(tx: Tx, officeIds: string[]) {
  if (officeIds.length === 0) return [];
  return tx
    .select({ officeId: officeServiceBlock.officeId, code: serviceBlock.code })
    .from(officeServiceBlock)
    .innerJoin(serviceBlock, eq(serviceBlock.id, officeServiceBlock.serviceBlockId))
    .where(inArray(officeServiceBlock.officeId, officeIds))
    .orderBy(asc(serviceBlock.position), asc(serviceBlock.code));
}

/** The integration areas the offices counsel in, as catalog codes in catalog order. */
export async function integrationAreasOf(tx: Tx, officeIds: string[]) {
  if (officeIds.length === 0) return [];
  return tx
    .select({ officeId: officeIntegrationArea.officeId, code: integrationArea.code })
    .from(officeIntegrationArea)
    .innerJoin(integrationArea, eq(integrationArea.id, officeIntegrationArea.integrationAreaId))
    .where(inArray(officeIntegrationArea.officeId, officeIds))
    .orderBy(asc(integrationArea.position), asc(integrationArea.code));
}

/** Replaces the office's services by these catalog ids. */
export async function replaceServices(tx: Tx, officeId: string, blockIds: string[], areaIds: string[]) {
  await tx.delete(officeServiceBlock).where(eq(officeServiceBlock.officeId, officeId));
  await tx.delete(officeIntegrationArea).where(eq(officeIntegrationArea.officeId, officeId));
  if (blockIds.length > 0) await tx.insert(officeServiceBlock).values(blockIds.map((serviceBlockId) => ({ officeId, serviceBlockId })));
  if (areaIds.length > 0) await tx.insert(officeIntegrationArea).values(areaIds.map((integrationAreaId) => ({ officeId, integrationAreaId })));
}
