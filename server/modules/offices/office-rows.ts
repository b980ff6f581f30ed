import type { Tx } from '#server/db.ts';
import { labelsOfOrganisations } from '#server/modules/identity/identity.public.ts';
import { findRegion, regionsByIds } from '#server/modules/regions/regions.public.ts';
import * as q from './offices.queries.ts';

/**
 * Office rows with their provider's and region's names. The names belong to the identity and
 * regions modules: read through their public files (decision 0012), not joined in SQL.
 */
export type OfficeRow = NonNullable<Awaited<ReturnType<typeof q.findOfficeRow>>> & { providerName: string; regionCode: string; regionName: string };

async function named(tx: Tx, rows: NonNullable<Awaited<ReturnType<typeof q.findOfficeRow>>>[]): Promise<(OfficeRow & { regionPosition: number })[]> {
  if (rows.length === 0) return [];
  const [providers, regions] = [
    new Map((await labelsOfOrganisations(tx, rows.map((r) => r.providerId))).map((o) => [o.id, o.name])),
    await regionsByIds(tx, rows.map((r) => r.regionId)),
  ];
  return rows.flatMap((r) => {
    const region = regions.get(r.regionId);
    const providerName = providers.get(r.providerId);
    if (!region || providerName === undefined) return [];
    return [{ ...r, providerName, regionCode: region.code, regionName: region.name, regionPosition: region.position }];
  });
}

/** Offices in force on a date (optionally of one region by code), by region order, then name. */
export async function officesAt(tx: Tx, at: string, regionCode?: string): Promise<OfficeRow[]> {
  const region = regionCode ? await findRegion(tx, regionCode) : null;
  if (regionCode && !region) return [];
  const rows = await named(tx, await q.officeRowsAt(tx, at, region?.id));
  return rows.sort((a, b) => a.regionPosition - b.regionPosition).map(({ regionPosition: _p, ...row }) => row);
}

/** One office (any period) with its names, or null. */
export async function findOffice(tx: Tx, id: string): Promise<OfficeRow | null> {
  const row = await q.findOfficeRow(tx, id);
  if (!row) return null;
  const [found] = await named(tx, [row]);
  if (!found) return null;
  const { regionPosition: _p, ...office } = found;
  return office;
}
