import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { serviceAgreement } from './calls.schema.ts';

/** Every service agreement, oldest first; provider and region as ids (their names come from their modules). */
export async function serviceAgreementRows(tx: Tx, id?: string) {
  return tx
    .select()
    .from(serviceAgreement)
    .where(id ? eq(serviceAgreement.id, id) : undefined)
    .orderBy(asc(serviceAgreement.validFrom), asc(serviceAgreement.id));
}

/** The ids of the regions where a provider holds a service agreement in force on or after a date. */
export async function agreementRegionIdsOf(tx: Tx, providerId: string, from: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ regionId: serviceAgreement.regionId })
    .from(serviceAgreement)
    .where(and(eq(serviceAgreement.providerId, providerId), or(isNull(serviceAgreement.validTo), gt(serviceAgreement.validTo, from))));
  return rows.map((r) => r.regionId);
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

export async function insertServiceAgreement(tx: Tx, values: typeof serviceAgreement.$inferInsert) {
  const [row] = await tx.insert(serviceAgreement).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateServiceAgreement(tx: Tx, id: string, values: Partial<typeof serviceAgreement.$inferInsert>) {
  const [row] = await tx.update(serviceAgreement).set(values).where(eq(serviceAgreement.id, id)).returning();
  return row ?? null;
}
