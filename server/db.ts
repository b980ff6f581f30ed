import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { SystemUseCase } from '#server/platform/system-scope.ts';

/**
 * PGlite (embedded default) or PostgreSQL behind one interface.
 *
 * Every use case runs its work through `db.transaction(scope, fn)`: the transaction switches to the
 * non-owner role `lotse_app` and sets the tenant settings that the row-level-security policies read,
 * so RLS is in force on both databases (PGlite connects as a superuser, which RLS would ignore).
 */

export type Orm = PgDatabase<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;

/**
 * Who the transaction acts for. `tenant`: one organisation's own records. `city`: the city's
 * administration across organisations where a policy allows it (never case records). `public`:
 * anonymous visitors (RLS shows public rows only). `system` (RLS off): only for a use case named in
 * `SYSTEM_USE_CASES` (server/platform/system-scope.ts), each with its reason.
 */
export type DbScope =
  | { kind: 'tenant'; organisationId: string }
  | { kind: 'city'; organisationId: string }
  | { kind: 'public' }
  | { kind: 'system'; useCase: SystemUseCase };

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** Owner connection: migrations and tests only. */
  readonly owner: Orm;
  transaction<T>(scope: DbScope, fn: (tx: Tx) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Rows of a raw `sql` statement; both drivers answer `{ rows }`. */
export async function queryRows<T>(tx: Tx | Orm, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export const migrationsFolder = fileURLToPath(new URL('../db/migrations', import.meta.url));

export const APP_ROLE = 'lotse_app';

function scopeSettings(scope: DbScope): { org: string; scope: string } {
  switch (scope.kind) {
    case 'tenant':
    case 'city':
      return { org: scope.organisationId, scope: scope.kind };
    case 'public':
      return { org: '', scope: 'public' };
    case 'system':
      return { org: '', scope: 'system' };
  }
}

function wrap(kind: Db['kind'], owner: Orm, ping: () => Promise<void>, close: () => Promise<void>): Db {
  return {
    kind,
    owner,
    async transaction(scope, fn) {
      const s = scopeSettings(scope);
      return owner.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('role', ${APP_ROLE}, true), set_config('lotse.organisation_id', ${s.org}, true), set_config('lotse.scope', ${s.scope}, true)`,
        );
        return fn(tx);
      });
    },
    ping,
    close,
  };
}

export async function openPglite(dataDir: string | undefined, opts: { loadDataDir?: Blob } = {}): Promise<{ db: Db; client: PGlite }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { btree_gist, pg_trgm, fuzzystrmatch },
  });
  const owner = drizzlePglite(client) as unknown as Orm;
  const db = wrap(
    'pglite',
    owner,
    async () => {
      await client.query('select 1');
    },
    async () => {
      if (!client.closed) await client.close();
    },
  );
  return { db, client };
}

export function openPostgres(url: string, opts: { max?: number } = {}): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  const owner = drizzlePg(pool) as unknown as Orm;
  const db = wrap(
    'postgres',
    owner,
    async () => {
      await pool.query('select 1');
    },
    async () => {
      await pool.end();
    },
  );
  return { db, pool };
}

export async function migrate(db: Db): Promise<void> {
  if (db.kind === 'pglite') {
    await migratePglite(db.owner as never, { migrationsFolder });
  } else {
    await migratePg(db.owner as never, { migrationsFolder });
  }
}

export async function openDatabase(
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string },
): Promise<Db> {
  if (database.kind === 'postgres') return openPostgres(database.url).db;
  return (await openPglite(database.dataDir)).db;
}
