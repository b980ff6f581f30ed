import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Orm } from '#server/db.ts';
import { sqlState } from '#server/db-errors.ts';
import { recordAudit } from '#server/modules/audit/audit.service.ts';
import type { StaffActor } from '#server/modules/identity/actor.ts';
import { createTestContext, type TestContext } from '#test/context.ts';

/**
 * Proves the row-level-security policies and grants of db/migrations/0002_security.sql by talking
 * SQL directly as the application role, the way db.transaction() does, without the app's code in
 * between.
 */

let ctx: TestContext;
let orgA: string;
let orgB: string;
let city: string;
let accountsA: string[];
let accountB: string;

type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

/** Runs fn inside a transaction as lotse_app with the given tenant settings. */
async function asApp<T>(settings: { org: string; scope: string }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.database.db.owner.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'lotse_app', true), set_config('lotse.organisation_id', ${settings.org}, true), set_config('lotse.scope', ${settings.scope}, true)`,
    );
    return fn(tx);
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to be refused');
}

const actorOf = (organisationId: string, organisationKind: 'city' | 'provider', accountId: string): StaffActor => ({
  kind: 'staff',
  accountId,
  organisationId,
  organisationKind,
  role: organisationKind === 'city' ? 'city_admin' : 'provider_admin',
  regionCodes: null,
  ip: null,
  requestId: null,
});

beforeAll(async () => {
  ctx = await createTestContext();
  orgA = (await ctx.organisation('provider')).id;
  orgB = (await ctx.organisation('provider')).id;
  city = (await ctx.organisation('city')).id;
  accountsA = [(await ctx.account(orgA, 'provider_admin')).id, (await ctx.account(orgA, 'social_worker')).id];
  accountB = (await ctx.account(orgB, 'social_worker')).id;
  const cityAdmin = (await ctx.account(city, 'city_admin')).id;
  const first = accountsA[0] ?? '';
  // Audit entries of several record types in three chains.
  await ctx.deps.db.transaction({ kind: 'tenant', organisationId: orgA }, async (tx) => {
    await recordAudit(tx, actorOf(orgA, 'provider', first), { action: 'account.create', recordType: 'account', recordIds: [first] });
    await recordAudit(tx, actorOf(orgA, 'provider', first), { action: 'case.open', recordType: 'case_file', recordIds: ['c-a'] });
  });
  await ctx.deps.db.transaction({ kind: 'tenant', organisationId: orgB }, async (tx) => {
    await recordAudit(tx, actorOf(orgB, 'provider', accountB), { action: 'account.update', recordType: 'account', recordIds: [accountB] });
    await recordAudit(tx, actorOf(orgB, 'provider', accountB), { action: 'organisation.update', recordType: 'organisation', recordIds: [orgB] });
    await recordAudit(tx, actorOf(orgB, 'provider', accountB), { action: 'case.open', recordType: 'case_file', recordIds: ['c-b'] });
  });
  await ctx.deps.db.transaction({ kind: 'city', organisationId: city }, async (tx) => {
    await recordAudit(tx, actorOf(city, 'city', cityAdmin), { action: 'region.create', recordType: 'region', recordIds: ['ost'] });
  });
});
afterAll(async () => ctx.close());

describe('account: tenant isolation', () => {
  it("a tenant sees only its own organisation's accounts", async () => {
    const rows = await asApp({ org: orgA, scope: 'tenant' }, (tx) => queryRows<{ id: string; organisation_id: string }>(tx, sql`select id, organisation_id from account`));
    expect(rows.map((r) => r.id).sort()).toEqual([...accountsA].sort());
    expect(rows.every((r) => r.organisation_id === orgA)).toBe(true);
    const other = await asApp({ org: orgA, scope: 'tenant' }, (tx) => queryRows(tx, sql`select id from account where id = ${accountB}`));
    expect(other).toEqual([]);
  });

  it('runs as the application role, not the owner', async () => {
    const [who] = await asApp({ org: orgA, scope: 'tenant' }, (tx) => queryRows<{ current_user: string }>(tx, sql`select current_user`));
    expect(who?.current_user).toBe('lotse_app');
  });

  it('the public scope sees no accounts at all', async () => {
    const rows = await asApp({ org: '', scope: 'public' }, (tx) => queryRows(tx, sql`select id from account`));
    expect(rows).toEqual([]);
  });

  it("refuses to insert an account into another tenant's organisation (WITH CHECK)", async () => {
    const error = await failure(
      asApp({ org: orgA, scope: 'tenant' }, (tx) =>
        tx.execute(sql`insert into account (organisation_id, email, display_name, role) values (${orgB}, 'intruder@test.invalid', 'X', 'social_worker')`),
      ),
    );
    expect(sqlState(error)).toBe('42501');
    const rows = await ctx.database.db.owner.execute(sql`select id from account where email = 'intruder@test.invalid'`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([]);
  });

  it("cannot move its own account into another organisation", async () => {
    const error = await failure(
      asApp({ org: orgA, scope: 'tenant' }, (tx) => tx.execute(sql`update account set organisation_id = ${orgB} where id = ${accountsA[0] ?? ''}`)),
    );
    expect(sqlState(error)).toBe('42501');
  });
});

describe('audit_entry: who reads which chain', () => {
  type Entry = { organisation_id: string; record_type: string };
  const read = (org: string, scope: string) =>
    asApp({ org, scope }, (tx) => queryRows<Entry>(tx, sql`select organisation_id, record_type from audit_entry`));

  it('a provider sees only its own chain', async () => {
    const rows = await read(orgA, 'tenant');
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.organisation_id === orgA)).toBe(true);
  });

  it("the city scope sees account and organisation administration of others, never other record types", async () => {
    const rows = await read(city, 'city');
    const foreign = rows.filter((r) => r.organisation_id !== city);
    expect(foreign.map((r) => `${r.organisation_id === orgA ? 'A' : 'B'}:${r.record_type}`).sort()).toEqual(['A:account', 'B:account', 'B:organisation']);
    expect(rows.filter((r) => r.organisation_id === city).map((r) => r.record_type)).toEqual(['region']);
    expect(rows.some((r) => r.record_type === 'case_file')).toBe(false);
  });

  it('the public scope reads nothing', async () => {
    expect(await read('', 'public')).toEqual([]);
  });

  it('the application role can neither update nor delete an entry', async () => {
    const update = await failure(asApp({ org: orgA, scope: 'system' }, (tx) => tx.execute(sql`update audit_entry set action = 'x' where organisation_id = ${orgA}`)));
    expect(sqlState(update)).toBe('42501');
    const del = await failure(asApp({ org: orgA, scope: 'system' }, (tx) => tx.execute(sql`delete from audit_entry where organisation_id = ${orgA}`)));
    expect(sqlState(del)).toBe('42501');
    const truncate = await failure(asApp({ org: orgA, scope: 'system' }, (tx) => tx.execute(sql`truncate audit_entry`)));
    expect(sqlState(truncate)).toBe('42501');
    const rows = await read(orgA, 'tenant');
    expect(rows.length).toBe(2);
  });

  it('even the table owner cannot update an entry while the append-only trigger is on', async () => {
    const error = await failure(ctx.database.db.owner.execute(sql`update audit_entry set action = 'x' where organisation_id = ${orgA}`));
    expect(sqlState(error)).toBe('42501');
    expect(String((error as { cause?: { message?: string } }).cause?.message ?? '')).toContain('append-only');
  });
});
