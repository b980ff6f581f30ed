import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '#server/db.ts';

export interface TestDatabase {
  db: Db;
  /** A superuser connection string (PostgreSQL) or null (PGlite: use db.owner). */
  url: string | null;
  close: () => Promise<void>;
}

/** A fresh database for one test file, copied from the run's migrated template. */
export async function testDatabase(): Promise<TestDatabase> {
  const source = inject('testDb');
  if (source.kind === 'pglite') {
    const { db } = await openPglite(undefined, { loadDataDir: new Blob([readFileSync(source.template)]) });
    return { db, url: null, close: () => db.close() };
  }
  const name = `lotse_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: source.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template lotse_template`);
  await admin.end();
  const url = source.adminUrl.replace(/\/postgres$/, `/${name}`);
  const { db } = openPostgres(url, { max: 20 });
  return {
    db,
    url,
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: source.adminUrl });
      await a.connect();
      // pool.end() resolves before every socket has closed: wait for the backends to go, or the
      // forced drop terminates a closing connection and its FATAL 57P01 surfaces as an uncaught error.
      for (let i = 0; i < 100; i++) {
        const { rows } = await a.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
