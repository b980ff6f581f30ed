import type { Deps } from '#server/deps.ts';
import type { Tx } from '#server/db.ts';
import { addMissingAreaLabels, addMissingBlockLabels, countIntegrationAreas, insertIntegrationAreas, insertMissingServiceBlocks, seedDefaultCatalog } from '#server/modules/catalog/catalog.public.ts';
import { seedResidenceStatuses, seedSpecialistCriteria } from '#server/modules/cases/cases.public.ts';
import * as regions from '#server/modules/regions/regions.public.ts';
import { dresden, type ReferenceData } from '#server/modules/regions/regions.public.ts';

/**
 * Loads the city's reference data into an empty database: regions, their members with validity
 * periods, quarters, integration areas, service blocks. Where regions exist already it loads no
 * regions again (idempotent) and only upgrades the catalog: see `upgradeCatalog`. Answers whether
 * the regions were loaded.
 */
export async function seedReferenceData(deps: Pick<Deps, 'db'>, data: ReferenceData = dresden): Promise<boolean> {
  return deps.db.transaction({ kind: 'system', useCase: 'seed.reference' }, async (tx) => {
    if (await regions.countRegions(tx)) {
      await upgradeCatalog(tx, data);
      return false;
    }
    const memberIds = new Map<string, string>();
    for (const m of data.members) {
      const row = await regions.insertMember(tx, { code: m.code, name: m.name, kind: m.kind, officialCode: m.officialCode ?? null });
      memberIds.set(m.code, row.id);
    }
    let position = 0;
    for (const r of data.regions) {
      const row = await regions.insertRegion(tx, { code: r.code, name: r.name, description: r.description, position: ++position });
      for (const code of r.members) {
        const memberId = memberIds.get(code);
        if (!memberId) throw new Error(`reference data: region ${r.code} names unknown member ${code}`);
        await regions.insertMembership(tx, { memberId, regionId: row.id, validFrom: data.validFrom });
      }
    }
    for (const qd of data.quarters) {
      const row = await regions.insertQuarter(tx, { code: qd.code, name: qd.name });
      for (const code of qd.members) {
        const memberId = memberIds.get(code);
        if (!memberId) throw new Error(`reference data: quarter ${qd.code} names unknown member ${code}`);
        await regions.insertQuarterMembership(tx, { quarterId: row.id, memberId, validFrom: data.validFrom });
      }
    }
    if (!(await countIntegrationAreas(tx))) {
      await insertIntegrationAreas(tx, data.integrationAreas.map((a, i) => ({ ...a, position: i + 1 })));
    }
    await upgradeCatalog(tx, data);
    return true;
  });
}

/**
 * Brings an existing database's catalog up to the reference data, idempotently: adds service
 * blocks that are missing (by code) and labels in languages a block or an integration area has
 * none for, and the example service catalog where there is none. Never overwrites a label the city
 * keeps, never re-adds an area, never touches a catalog version.
 */
export async function upgradeCatalog(tx: Tx, data: ReferenceData): Promise<{ blocksAdded: number; relabelled: number; exampleCatalog: boolean }> {
  const blocksAdded = await insertMissingServiceBlocks(tx, data.serviceBlocks.map((b, i) => ({ code: b.code, name: b.name, position: i + 1 })));
  let relabelled = 0;
  for (const b of data.serviceBlocks) if (await addMissingBlockLabels(tx, b.code, b.name)) relabelled++;
  for (const a of data.integrationAreas) if (await addMissingAreaLabels(tx, a.code, a.name)) relabelled++;
  // The example service catalog, as published version 1, where the database has no catalog yet.
  const exampleCatalog = await seedDefaultCatalog(tx, data.validFrom);
  // The residence statuses of case work, where the city has none yet.
  await seedResidenceStatuses(tx);
  // The example criteria of a Fachleistung, where the city has none yet.
  await seedSpecialistCriteria(tx);
  return { blocksAdded, relabelled, exampleCatalog };
}
