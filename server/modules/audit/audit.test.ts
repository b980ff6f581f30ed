import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import type { StaffActor } from '#server/modules/identity/actor.ts';
import { useTestContext } from '#test/use-context.ts';
import { GENESIS_HASH } from './audit.chain.ts';
import { recordAudit, verifyAuditLog } from './audit.service.ts';

const ctx = useTestContext();

interface Row {
  id: number;
  organisation_id: string;
  seq: number;
  action: string;
  prev_hash: string;
  hash: string;
}

async function chain(organisationId: string): Promise<Row[]> {
  const rows = await queryRows<Row>(
    ctx.database.db.owner,
    sql`select id::int as id, organisation_id, seq::int as seq, action, prev_hash, hash from audit_entry where organisation_id = ${organisationId} order by seq`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), seq: Number(r.seq) }));
}

function expectLinked(rows: Row[]): void {
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  rows.forEach((r, i) => expect(r.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]?.hash));
}

/** Alters one entry as the table owner with the append-only trigger briefly off. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await ctx.database.db.owner.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_entry disable trigger audit_entry_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_entry enable trigger audit_entry_append_only`);
  });
}

const staffActor = (organisationId: string, accountId: string): StaffActor => ({
  kind: 'staff',
  accountId,
  organisationId,
  organisationKind: 'provider',
  role: 'provider_admin',
  regionCodes: null,
  ip: '127.0.0.1',
  requestId: null,
});

let orgA = '';
let orgB = '';

describe('the audit chain as written', () => {
  it('requests that change something leave chained entries in the actor organisation', async () => {
    const admin = await ctx.staff('city_admin');
    const created = await ctx.request(admin, { method: 'POST', url: '/api/regions', payload: { code: 'ost', name: 'Ost' } });
    expect(created.statusCode).toBe(201);
    const renamed = await ctx.request(admin, { method: 'POST', url: '/api/regions', payload: { code: 'ost2', name: 'Ost 2' } });
    expect(renamed.statusCode).toBe(201);
    const rows = await chain(admin.organisationId);
    expect(rows.map((r) => r.action)).toEqual(['session.login', 'region.create', 'region.create']);
    expectLinked(rows);
  });

  it('concurrent writes of two organisations keep two gapless chains that do not interleave', async () => {
    orgA = (await ctx.organisation('provider')).id;
    orgB = (await ctx.organisation('provider')).id;
    const accA = (await ctx.account(orgA, 'provider_admin')).id;
    const accB = (await ctx.account(orgB, 'provider_admin')).id;
    const write = (org: string, acc: string, n: number) =>
      ctx.deps.db.transaction({ kind: 'tenant', organisationId: org }, (tx) =>
        recordAudit(tx, staffActor(org, acc), { action: `test.write-${n}`, recordType: 'account', recordIds: [acc] }),
      );
    await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? write(orgA, accA, i) : write(orgB, accB, i))));
    const a = await chain(orgA);
    const b = await chain(orgB);
    expect(a).toHaveLength(12);
    expect(b).toHaveLength(12);
    expectLinked(a);
    expectLinked(b);
    expect(a.every((r) => Number(r.action.split('-')[1]) % 2 === 0)).toBe(true);
    expect(b.every((r) => Number(r.action.split('-')[1]) % 2 === 1)).toBe(true);
    const heads = await queryRows<{ organisation_id: string; seq: number; hash: string }>(
      ctx.database.db.owner,
      sql`select organisation_id, seq::int as seq, hash from audit_head where organisation_id in (${orgA}, ${orgB})`,
    );
    expect(heads.find((h) => h.organisation_id === orgA)).toMatchObject({ seq: 12, hash: a.at(-1)?.hash });
    expect(heads.find((h) => h.organisation_id === orgB)).toMatchObject({ seq: 12, hash: b.at(-1)?.hash });
  });
});

describe('verifyAuditLog', () => {
  it('finds every chain intact, then names an altered entry, then a deleted one', async () => {
    const intact = await verifyAuditLog(ctx.deps);
    expect(intact.broken).toBeNull();
    expect(intact.chains).toBeGreaterThanOrEqual(3);

    const victim = (await chain(orgA))[4];
    if (!victim) throw new Error('no entry to alter');
    await tamper(sql`update audit_entry set action = 'x' where id = ${victim.id}`);
    expect((await verifyAuditLog(ctx.deps)).broken).toEqual({ organisationId: orgA, seq: 5, id: victim.id, reason: 'hash-mismatch' });
    await tamper(sql`update audit_entry set action = ${victim.action} where id = ${victim.id}`);
    expect((await verifyAuditLog(ctx.deps)).broken).toBeNull();

    const gone = (await chain(orgB))[6];
    if (!gone) throw new Error('no entry to delete');
    await tamper(sql`delete from audit_entry where id = ${gone.id}`);
    expect((await verifyAuditLog(ctx.deps)).broken).toMatchObject({ organisationId: orgB, seq: 7, reason: 'missing-entry' });
    await tamper(
      sql`insert into audit_entry (id, organisation_id, seq, at, actor_account_id, action, record_type, record_ids, ip, request_id, prev_hash, hash)
          select ${gone.id}, organisation_id, ${gone.seq}, at, actor_account_id, ${gone.action}, record_type, array['someone-else'], ip, request_id, ${gone.prev_hash}, ${gone.hash}
          from audit_entry where organisation_id = ${orgB} and seq = ${gone.seq - 1}`,
    );
    // A forged stand-in with the old hashes but other content is still caught.
    expect((await verifyAuditLog(ctx.deps)).broken).toMatchObject({ organisationId: orgB, seq: 7, id: gone.id, reason: 'hash-mismatch' });
  });
});

// `lotse audit verify` as a separate process needs a database it can open by itself: the
// PostgreSQL test database (PGlite's test copy lives in this process's memory only).
if (process.env['LOTSE_TEST_DB'] === 'postgres') {
  describe('lotse audit verify (command line)', () => {
    const bin = fileURLToPath(new URL('../../../bin/lotse.js', import.meta.url));
    const dataDir = mkdtempSync(join(tmpdir(), 'lotse-cli-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    const run = (): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [bin, 'audit', 'verify'],
          {
            env: { ...process.env, DATABASE_URL: ctx.database.url ?? '', LOTSE_SECRET_KEYS: randomBytes(32).toString('base64'), LOTSE_DATA_DIR: dataDir, LOTSE_DEMO: '0' },
            timeout: 60_000,
          },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });

    it('exits 0 on an intact log, 1 naming an altered entry, 1 naming a deleted one', async () => {
      const org = (await ctx.organisation('provider')).id;
      const acc = (await ctx.account(org, 'provider_admin')).id;
      for (let i = 0; i < 4; i++) {
        await ctx.deps.db.transaction({ kind: 'tenant', organisationId: org }, (tx) =>
          recordAudit(tx, staffActor(org, acc), { action: `cli.write-${i}`, recordType: 'account', recordIds: [acc] }),
        );
      }
      // The log may already be broken by the test above: repair is not possible, so start from a
      // database whose only break is the one made here.
      await tamper(sql`delete from audit_entry where organisation_id <> ${org}`);
      await tamper(sql`delete from audit_head where organisation_id <> ${org}`);

      const ok = await run();
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('Audit log intact: 1 chains, 4 entries.');

      const [, second, third] = await chain(org);
      if (!second || !third) throw new Error('chain too short');
      await tamper(sql`update audit_entry set action = 'x' where id = ${second.id}`);
      const altered = await run();
      expect(altered.code).toBe(1);
      expect(altered.stderr).toContain(`organisation ${org}, entry #2 (id ${second.id}): hash-mismatch`);

      await tamper(sql`update audit_entry set action = ${second.action} where id = ${second.id}`);
      expect((await run()).code).toBe(0);

      await tamper(sql`delete from audit_entry where id = ${third.id}`);
      const deleted = await run();
      expect(deleted.code).toBe(1);
      expect(deleted.stderr).toContain(`organisation ${org}, entry #3`);
      expect(deleted.stderr).toContain('missing-entry');
    });
  });
}
