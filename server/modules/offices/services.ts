import type { OfficeServices } from '#contracts/offices.ts';
import type { Tx } from '#server/db.ts';
import { invalid } from '#server/platform/problem.ts';
import { integrationAreaIds, integrationAreasInOrder, serviceBlockIds, serviceBlocksInOrder } from '#server/modules/catalog/catalog.public.ts';
import * as q from './offices.queries.ts';

/**
 * The services an office offers, checked against the catalog (data the city maintains): every
 * code must name a service block or integration area, else 400 with a field error per unknown code
 * (`services.blocks.<i>`, `services.areas.<i>`). Duplicates count once.
 */
export async function resolveServices(tx: Tx, input: OfficeServices): Promise<{ blockIds: string[]; areaIds: string[] }> {
  const [blocks, areas] = [await serviceBlockIds(tx, input.blocks), await integrationAreaIds(tx, input.areas)];
  const errors = [
    ...input.blocks.flatMap((code, i) => (blocks.has(code) ? [] : [{ field: `services.blocks.${i}`, key: 'field.invalidOption' }])),
    ...input.areas.flatMap((code, i) => (areas.has(code) ? [] : [{ field: `services.areas.${i}`, key: 'field.invalidOption' }])),
  ];
  if (errors.length) throw invalid(errors);
  return { blockIds: [...new Set(blocks.values())], areaIds: [...new Set(areas.values())] };
}

/** Checks the services against the catalog and replaces the office's services by them. */
export async function saveServices(tx: Tx, officeId: string, input: OfficeServices): Promise<void> {
  const { blockIds, areaIds } = await resolveServices(tx, input);
  await q.replaceServices(tx, officeId, blockIds, areaIds);
}

/** The services of these offices as catalog codes, by office id (offices without any: empty lists). */
export async function servicesOf(tx: Tx, officeIds: string[]): Promise<Map<string, OfficeServices>> {
  const result = new Map<string, OfficeServices>(officeIds.map((id) => [id, { blocks: [], areas: [] }]));
  if (officeIds.length === 0) return result;
  const [blocks, areas] = [await q.serviceBlocksOf(tx, officeIds), await q.integrationAreasOf(tx, officeIds)];
  // Catalog order (position, then code) comes from the catalog module.
  for (const block of await serviceBlocksInOrder(tx)) for (const b of blocks) if (b.id === block.id) result.get(b.officeId)?.blocks.push(block.code);
  for (const area of await integrationAreasInOrder(tx)) for (const a of areas) if (a.id === area.id) result.get(a.officeId)?.areas.push(area.code);
  return result;
}
