import { desc, eq, lte } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { quarterPopulation } from './population.schema.ts';

/** The population per quarter as of the latest date not after `at`, or null when none is imported. */
export async function populationAt(tx: Tx, at: string): Promise<{ asOf: string; byQuarter: Map<string, number> } | null> {
  const [latest] = await tx.select({ asOf: quarterPopulation.asOf }).from(quarterPopulation).where(lte(quarterPopulation.asOf, at)).orderBy(desc(quarterPopulation.asOf)).limit(1);
  if (!latest) return null;
  const rows = await tx.select({ code: quarterPopulation.quarterCode, population: quarterPopulation.population }).from(quarterPopulation).where(eq(quarterPopulation.asOf, latest.asOf));
  return { asOf: latest.asOf, byQuarter: new Map(rows.map((r) => [r.code, r.population])) };
}

/** Replaces the figures of one date. */
export async function replacePopulation(tx: Tx, asOf: string, importedAt: Date, rows: { quarterCode: string; population: number }[]): Promise<void> {
  await tx.delete(quarterPopulation).where(eq(quarterPopulation.asOf, asOf));
  for (let i = 0; i < rows.length; i += 200) {
    await tx.insert(quarterPopulation).values(rows.slice(i, i + 200).map((r) => ({ asOf, importedAt, quarterCode: r.quarterCode, population: r.population })));
  }
}
