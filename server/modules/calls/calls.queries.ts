import { asc, eq } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { organisation } from '#server/modules/identity/identity.schema.ts';
import { region } from '#server/modules/regions/regions.schema.ts';
import { serviceAgreement } from './calls.schema.ts';

export async function listServiceAgreements(tx: Tx) {
  return tx
    .select({
      id: serviceAgreement.id,
      providerId: organisation.id,
      providerName: organisation.name,
      regionCode: region.code,
      regionName: region.name,
      reference: serviceAgreement.reference,
      validFrom: serviceAgreement.validFrom,
      validTo: serviceAgreement.validTo,
    })
    .from(serviceAgreement)
    .innerJoin(organisation, eq(organisation.id, serviceAgreement.providerId))
    .innerJoin(region, eq(region.id, serviceAgreement.regionId))
    .orderBy(asc(region.position), asc(serviceAgreement.validFrom));
}

export async function insertServiceAgreement(tx: Tx, values: typeof serviceAgreement.$inferInsert) {
  const [row] = await tx.insert(serviceAgreement).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateServiceAgreement(tx: Tx, id: string, values: Partial<typeof serviceAgreement.$inferInsert>) {
  const [row] = await tx.update(serviceAgreement).set(values).where(eq(serviceAgreement.id, id)).returning();
  return row ?? null;
}

export async function findOrganisation(tx: Tx, id: string) {
  const [row] = await tx.select().from(organisation).where(eq(organisation.id, id));
  return row ?? null;
}
