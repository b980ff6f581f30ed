import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { createKeyRing, type KeyRing } from '#server/keyring.ts';
import { verifyAuditLog } from '#server/modules/audit/audit.public.ts';
import { SEALED_COLUMNS } from '#server/sealed-columns.ts';
import { seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';
import { replaceSealedValue } from './key-rotation.queries.ts';
import { rotateSealedColumns } from './key-rotation.ts';
import type { SealedColumn } from './sealed-fields.ts';

const ctx = useTestContext();
const keyA = (): Buffer => ctx.deps.config.secretKeys[0] ?? Buffer.alloc(0);
const keyB = randomBytes(32);
const keyC = randomBytes(32);
const name = (c: Pick<SealedColumn, 'table' | 'column'>): string => `${c.table}.${c.column}`;

async function valuesOf(c: SealedColumn): Promise<{ key: string; value: string | Uint8Array }[]> {
  const flag = c.sealedFlag ? sql`and ${sql.identifier(c.sealedFlag)}` : sql``;
  const col = sql.identifier(c.column);
  const sealed = c.encoding === 'bytes' ? sql`substring(${col} from 1 for 3) = ${Buffer.from('v1.', 'latin1')}` : sql`${col} like 'v1.%'`;
  return queryRows(ctx.database.db.owner, sql`select ${sql.identifier(c.key)}::text as key, ${col} as value from ${sql.identifier(c.table)} where ${sealed} ${flag}`);
}

function opens(ring: KeyRing, c: SealedColumn, v: { key: string; value: string | Uint8Array }): boolean {
  try {
    if (typeof v.value === 'string') ring.open(v.value, c.context(v.key));
    else ring.openBytes(Buffer.from(v.value), c.context(v.key));
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
  // A second factor being set up: the TOTP secret is sealed too.
  const session = await ctx.staff('social_worker');
  expect((await ctx.request(session, { method: 'POST', url: '/api/auth/totp/setup' })).statusCode).toBe(200);
});

describe('sealed columns', () => {
  it('lists every column in which the demo data holds sealed values (a module that seals names its column)', async () => {
    const columns = await queryRows<{ table: string; column: string; type: string }>(
      ctx.database.db.owner,
      sql`select table_name as "table", column_name as "column", data_type as "type" from information_schema.columns
          where table_schema = 'public' and data_type in ('text', 'character varying', 'bytea') and table_name not like '\\_\\_%' order by 1, 2`,
    );
    const found: string[] = [];
    for (const c of columns) {
      const col = sql.identifier(c.column);
      const looksSealed = c.type === 'bytea' ? sql`substring(${col} from 1 for 3) = ${Buffer.from('v1.', 'latin1')}` : sql`${col} ~ '^v1\\.[A-Za-z0-9_-]{8}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$'`;
      const [row] = await queryRows<{ n: number }>(ctx.database.db.owner, sql`select count(*)::int as n from ${sql.identifier(c.table)} where ${looksSealed}`);
      if ((row?.n ?? 0) > 0) found.push(name(c));
    }
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((f) => !SEALED_COLUMNS.some((c) => name(c) === f))).toEqual([]);
  });

  it('knows each listed column\'s context: every value there opens with the key ring it was sealed with', async () => {
    const ring = createKeyRing([keyA()]);
    let values = 0;
    for (const c of SEALED_COLUMNS) {
      const rows = await valuesOf(c);
      values += rows.length;
      expect(rows.filter((v) => !opens(ring, c, v)).map((v) => `${name(c)} ${v.key}`)).toEqual([]);
    }
    expect(values).toBeGreaterThan(20);
  });
});

describe('lotse keys rotate', () => {
  it('counts in a dry run, re-seals everything under the newest key in batches, logs each batch in the organisation\'s chain, and an old key may then leave', async () => {
    const ring = createKeyRing([keyB, keyA()]);
    const dry = await rotateSealedColumns({ db: ctx.deps.db, keys: ring }, SEALED_COLUMNS, { dryRun: true });
    const due = dry.reduce((n, p) => n + p.remaining, 0);
    expect(due).toBeGreaterThan(20);
    expect(dry.every((p) => p.resealed === 0)).toBe(true);

    const done = await rotateSealedColumns({ db: ctx.deps.db, keys: ring }, SEALED_COLUMNS, { batchSize: 7 });
    expect(done.map((p) => [name(p), p.resealed])).toEqual(dry.map((p) => [name(p), p.remaining]));
    expect(done.every((p) => p.remaining === 0)).toBe(true);

    const onlyB = createKeyRing([keyB]);
    for (const c of SEALED_COLUMNS) {
      const rows = await valuesOf(c);
      expect(rows.filter((v) => !opens(onlyB, c, v)).map((v) => `${name(c)} ${v.key}`)).toEqual([]);
      expect(rows.every((v) => (typeof v.value === 'string' ? onlyB.isCurrent(v.value) : true))).toBe(true);
    }

    const [logged] = await queryRows<{ entries: number; ids: number }>(
      ctx.database.db.owner,
      sql`select count(*)::int as entries, coalesce(sum(cardinality(record_ids)), 0)::int as ids from audit_entry where action = 'keys.reseal'`,
    );
    expect(logged?.ids).toBe(due);
    expect(logged?.entries).toBeGreaterThanOrEqual(dry.filter((p) => p.remaining > 0).length);
    expect((await verifyAuditLog(ctx.deps)).broken).toBeNull();
  });

  it('goes on where a stopped run ended, re-sealing nothing twice', async () => {
    const ring = createKeyRing([keyC, keyB]);
    const half = SEALED_COLUMNS.slice(0, Math.ceil(SEALED_COLUMNS.length / 2));
    const first = await rotateSealedColumns({ db: ctx.deps.db, keys: ring }, half);
    const second = await rotateSealedColumns({ db: ctx.deps.db, keys: ring }, SEALED_COLUMNS);
    const resealedTwice = second.slice(0, half.length).reduce((n, p) => n + p.resealed, 0);
    expect(first.reduce((n, p) => n + p.resealed, 0)).toBeGreaterThan(0);
    expect(resealedTwice).toBe(0);
    expect(second.slice(half.length).reduce((n, p) => n + p.resealed, 0)).toBeGreaterThan(0);
    expect(second.every((p) => p.remaining === 0)).toBe(true);
    expect((await rotateSealedColumns({ db: ctx.deps.db, keys: ring }, SEALED_COLUMNS)).every((p) => p.resealed === 0)).toBe(true);
  });

  it('leaves a value alone that a save changed after it was read', async () => {
    const column = SEALED_COLUMNS.find((c) => c.table === 'appointment' && c.column === 'name_sealed');
    if (!column) throw new Error('appointment.name_sealed is not listed');
    const [row] = await valuesOf(column);
    if (!row || typeof row.value !== 'string') throw new Error('the demo holds no appointment');
    const before = row.value;
    const ring = createKeyRing([keyC]);
    const saved = ring.seal('Neu gespeichert', column.context(row.key));
    await ctx.database.db.owner.execute(sql`update appointment set name_sealed = ${saved} where id = ${row.key}`);
    const replaced = await ctx.database.db.transaction({ kind: 'system', useCase: 'keys.rotate' }, (tx) => replaceSealedValue(tx, column, row.key, before, ring.seal('alt', column.context(row.key))));
    expect(replaced).toBe(false);
    const [after] = await queryRows<{ v: string }>(ctx.database.db.owner, sql`select name_sealed as v from appointment where id = ${row.key}`);
    expect(ring.open(after?.v ?? '', column.context(row.key))).toBe('Neu gespeichert');
  });
});
