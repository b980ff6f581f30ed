import type { Deps } from '#server/deps.ts';
import { countIntegrationAreas, insertIntegrationAreas } from '#server/modules/catalog/catalog.queries.ts';
import * as regions from '#server/modules/regions/regions.queries.ts';
import { dresden, type ReferenceData } from '#server/modules/regions/reference/dresden.ts';

/**
 * Loads the city's reference data into an empty database: regions, their members with validity
 * periods, quarters, integration areas. Does nothing where regions exist already (idempotent).
 */
export async function seedReferenceData(deps: Pick<Deps, 'db'>, data: ReferenceData = dresden): Promise<boolean> {
  return deps.db.transaction({ kind: 'system' }, async (tx) => {
    if (await regions.countRegions(tx)) return false;
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
    return true;
  });
}
