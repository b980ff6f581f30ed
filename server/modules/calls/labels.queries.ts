import { inArray } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { serviceAgreement } from './calls.schema.ts';

/**
 * Service agreements for the audit log, in one statement for a page of ids: provider and region
 * as ids (their names come from their own modules), the reference and the period.
 */
export async function labelsOfServiceAgreements(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: serviceAgreement.id,
      providerId: serviceAgreement.providerId,
      regionId: serviceAgreement.regionId,
      reference: serviceAgreement.reference,
      validFrom: serviceAgreement.validFrom,
      validTo: serviceAgreement.validTo,
    })
    .from(serviceAgreement)
    .where(inArray(serviceAgreement.id, [...ids]));
}
