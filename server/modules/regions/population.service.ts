import type { z } from 'zod';
import type { createPopulationImport } from '#contracts/geo.ts';
import type { Deps } from '#server/deps.ts';
import { forbidden, invalid } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { berlinDate } from '#server/time.ts';
import { parseCsv } from './geo.csv.ts';
import { auditOrganisation } from './geo.service.ts';
import * as q from './geo.queries.ts';
import { replacePopulation } from './population.queries.ts';
import { canEditReferenceData, referenceDataScope } from './regions.policy.ts';

const REQUIRED = ['stadtteil_code', 'population'];

/**
 * Population per quarter from the city's own statistics (CSV `stadtteil_code,population`), as of a
 * date (default today): replaces the figures of that date. Bad lines are skipped and reported with
 * their line number; the centrality criterion of the office scorecard weights by these figures.
 */
export async function importPopulation(deps: Pick<Deps, 'db' | 'now'>, actor: Actor, input: z.infer<typeof createPopulationImport>) {
  if (!canEditReferenceData(actor, 'geodata.import')) throw forbidden();
  const table = parseCsv(input.csv);
  const missing = REQUIRED.filter((c) => !table.header.includes(c));
  if (missing.length) throw invalid([{ field: 'csv', key: 'field.tableInvalid', values: { columns: missing.join(', ') } }]);
  const asOf = input.asOf ?? berlinDate(deps.now());
  return deps.db.transaction(referenceDataScope(actor), async (tx) => {
    const known = new Set((await q.referenceView(tx)).quarters.map((r) => r.code));
    const rejected: { line: number; reason: string }[] = [];
    const seen = new Map<string, number>();
    const values: { quarterCode: string; population: number }[] = [];
    table.rows.forEach((row, i) => {
      const line = i + 2;
      const raw = row['stadtteil_code'] ?? '';
      const code = /^\d{1,2}$/.test(raw) ? raw.padStart(2, '0') : raw;
      const count = row['population'] ?? '';
      if (!known.has(code)) return rejected.push({ line, reason: `unknown stadtteil_code ${raw}` });
      if (!/^\d{1,8}$/.test(count)) return rejected.push({ line, reason: `population must be a whole number, not "${row['population'] ?? ''}"` });
      const before = seen.get(code);
      if (before !== undefined) return rejected.push({ line, reason: `stadtteil_code ${code} already on line ${before}` });
      seen.set(code, line);
      values.push({ quarterCode: code, population: Number(count) });
      return undefined;
    });
    if (values.length === 0) throw invalid([{ field: 'csv', key: 'field.noUnitsAssigned' }]);
    const organisationId = await auditOrganisation(tx, actor);
    await replacePopulation(tx, asOf, deps.now(), values);
    await recordAudit(tx, actor, { action: 'quarter-population.import', recordType: 'quarter_population', recordIds: [], organisationId }, deps.now());
    return { asOf, quarters: values.length, total: values.reduce((s, v) => s + v.population, 0), rejected };
  });
}
