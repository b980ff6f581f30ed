import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate, openPglite, openPostgres } from '#server/db.ts';
import { seedReferenceData } from '#server/seed/reference.ts';
import { psql, startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; template: string } | { kind: 'postgres'; templateUrl: string; adminUrl: string };
  }
}

/**
 * Builds one migrated template per run (with the reference data, which every start loads) and
 * hands it to the test files: PGlite as a dumped data dir, PostgreSQL as a template database in a
 * throwaway cluster. Each test file then gets its own copy.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env['LOTSE_TEST_DB'] === 'postgres' ? 'postgres' : 'pglite';
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-pglite-'));
    const { db, client } = await openPglite(undefined);
    await migrate(db);
    await seedReferenceData({ db });
    const dump = await client.dumpDataDir('gzip');
    const file = join(dir, 'template.tar.gz');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    project.provide('testDb', { kind: 'pglite', template: file });
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const cluster = await startCluster();
  psql(cluster.url('postgres'), 'create database lotse_template');
  const { db } = openPostgres(cluster.url('lotse_template'), { max: 2 });
  await migrate(db);
  await seedReferenceData({ db });
  await db.close();
  project.provide('testDb', { kind: 'postgres', templateUrl: cluster.url('lotse_template'), adminUrl: cluster.url('postgres') });
  return async () => cluster.stop();
}
