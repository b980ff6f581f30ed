import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Deps } from '#server/deps.ts';
import { Problem } from '#server/platform/problem.ts';
import { translate } from '#server/i18n.ts';
import { systemActor } from '#server/modules/identity/identity.public.ts';
import { importBoundaries, NoCityOrganisation } from './geo.service.ts';
import { importPopulation } from './population.service.ts';
import { importStreetDirectory } from './street-directory.service.ts';

/** `lotse geo import` and `lotse streets import`: the same use cases as the admin API, as the system. */
export type CliResult = { lines: string[] } | { error: string };

function problemText(problem: Problem): string {
  const fields = (problem.options.errors ?? []).map((e) => `${e.field}: ${translate('en', `errors:${e.key}`, e.values)}`);
  return [translate('en', `errors:types.${problem.type}`), ...fields].join('\n  ');
}

function read(path: string): string | { error: string } {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return { error: `Cannot read ${path}` };
  }
}

/** Runs an import as the system; a refusal becomes the CLI's error text, anything else is thrown on. */
async function runImport<R>(run: () => Promise<R>, describe: (result: R) => string[]): Promise<CliResult> {
  try {
    return { lines: describe(await run()) };
  } catch (error) {
    if (error instanceof Problem) return { error: problemText(error) };
    if (error instanceof NoCityOrganisation) return { error: error.message };
    throw error;
  }
}

/** The summary line, then each rejected line of the CSV. */
function withRejected(summary: string, rejected: readonly { line: number; reason: string }[]): string[] {
  const lines = [summary];
  if (rejected.length) {
    lines.push(`${rejected.length} lines rejected:`);
    for (const x of rejected) lines.push(`  line ${x.line}: ${x.reason}`);
  }
  return lines;
}

export async function importBoundariesFromCli(deps: Pick<Deps, 'db' | 'now'>, input: { geojson: string; assign?: string | undefined; validFrom?: string | undefined }): Promise<CliResult> {
  if (input.validFrom && !/^\d{4}-\d{2}-\d{2}$/.test(input.validFrom)) return { error: '--valid-from must be a date YYYY-MM-DD' };
  const geojson = read(input.geojson);
  if (typeof geojson !== 'string') return geojson;
  const assignment = input.assign ? read(input.assign) : undefined;
  if (assignment !== undefined && typeof assignment !== 'string') return assignment;
  return runImport(
    () => importBoundaries(deps, systemActor, { geojson, ...(assignment ? { assignment } : {}), ...(input.validFrom ? { validFrom: input.validFrom } : {}), source: basename(input.geojson) }),
    (r) => {
      const lines = [`Boundary set ${r.id} imported: ${r.units} ${r.kind === 'unit' ? 'units' : r.kind === 'quarter' ? 'quarters' : 'members'} (${r.crs === 'utm33' ? 'reprojected from UTM 33N' : 'WGS 84'}), valid from ${r.validFrom}.`];
      if (r.unassigned.length) {
        lines.push(`${r.unassigned.length} could not be assigned and were skipped:`);
        for (const u of r.unassigned) lines.push(`  ${u.code || '(no code)'}: ${u.reason}`);
      }
      return lines;
    },
  );
}

export async function importStreetsFromCli(deps: Pick<Deps, 'db' | 'now'>, path: string): Promise<CliResult> {
  const csv = read(path);
  if (typeof csv !== 'string') return csv;
  return runImport(
    () => importStreetDirectory(deps, systemActor, { csv }),
    (r) => withRejected(`Street directory replaced: ${r.entries} entries.`, r.rejected),
  );
}

export async function importPopulationFromCli(deps: Pick<Deps, 'db' | 'now'>, path: string, asOf: string | undefined): Promise<CliResult> {
  if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return { error: '--as-of must be a date YYYY-MM-DD' };
  const csv = read(path);
  if (typeof csv !== 'string') return csv;
  return runImport(
    () => importPopulation(deps, systemActor, { csv, ...(asOf ? { asOf } : {}) }),
    (r) => withRejected(`Population as of ${r.asOf} imported: ${r.quarters} quarters, ${r.total} inhabitants.`, r.rejected),
  );
}
