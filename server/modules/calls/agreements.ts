import type { Tx } from '#server/db.ts';
import { labelsOfOrganisations } from '#server/modules/identity/identity.public.ts';
import { regionsByIds } from '#server/modules/regions/regions.public.ts';
import * as q from './calls.queries.ts';

/** A service agreement with its provider's and region's names (read from their modules). */
export interface NamedAgreement {
  id: string;
  providerId: string;
  providerName: string;
  regionCode: string;
  regionName: string;
  reference: string;
  validFrom: string;
  validTo: string | null;
}

/** Every service agreement (or the one with `id`), by region order, then oldest first. */
export async function namedAgreements(tx: Tx, id?: string): Promise<NamedAgreement[]> {
  const rows = await q.serviceAgreementRows(tx, id);
  const [providers, regions] = [
    new Map((await labelsOfOrganisations(tx, rows.map((r) => r.providerId))).map((o) => [o.id, o.name])),
    await regionsByIds(tx, rows.map((r) => r.regionId)),
  ];
  return rows
    .flatMap((r) => {
      const region = regions.get(r.regionId);
      const providerName = providers.get(r.providerId);
      if (!region || providerName === undefined) return [];
      return [{ id: r.id, providerId: r.providerId, providerName, regionCode: region.code, regionName: region.name, reference: r.reference, validFrom: r.validFrom, validTo: r.validTo, position: region.position }];
    })
    .sort((a, b) => a.position - b.position)
    .map(({ position: _position, ...agreement }) => agreement);
}

/** The codes of the regions where a provider holds a service agreement in force on or after a date. */
export async function agreementRegionCodesOf(tx: Tx, providerId: string, from: string): Promise<string[]> {
  const regions = await regionsByIds(tx, await q.agreementRegionIdsOf(tx, providerId, from));
  return [...regions.values()].map((r) => r.code);
}

/**
 * The provider holding each region's service agreement on a day (transfers: the provider a
 * household moving to that region goes to). One per region; where agreements overlap, the one
 * in force longest.
 */
export async function providersOfRegionsOn(tx: Tx, day: string): Promise<{ regionCode: string; regionName: string; providerId: string; providerName: string }[]> {
  const inForce = (await namedAgreements(tx)).filter((a) => a.validFrom <= day && (a.validTo === null || a.validTo > day));
  const byRegion = new Map<string, NamedAgreement>();
  for (const a of inForce) if (!byRegion.has(a.regionCode)) byRegion.set(a.regionCode, a);
  return [...byRegion.values()].map((a) => ({ regionCode: a.regionCode, regionName: a.regionName, providerId: a.providerId, providerName: a.providerName }));
}
