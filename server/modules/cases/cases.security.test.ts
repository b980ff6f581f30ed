import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { createTestContext, type TestContext } from '#test/context.ts';
import { caseFile, household, person, personNameKey, residenceStatus } from './cases.schema.ts';

const TENANT_TABLES = ['household', 'person', 'person_name_key', 'case_file', 'case_assignment'];

let ctx: TestContext;
let a = '';
let b = '';
let city = '';
beforeAll(async () => {
  ctx = await createTestContext();
  a = (await ctx.organisation('provider')).id;
  b = (await ctx.organisation('provider')).id;
  city = (await ctx.organisation('city')).id;
  await ctx.database.db.transaction({ kind: 'tenant', organisationId: a }, async (tx) => {
    const [h] = await tx.insert(household).values({ organisationId: a, accommodation: 'own_flat', regionCode: 'nord' }).returning();
    const [p] = await tx.insert(person).values({ organisationId: a, householdId: h?.id ?? '', relationship: 'head', familyName: 'Nord', givenNames: 'Nadia' }).returning();
    await tx.insert(personNameKey).values({ organisationId: a, personId: p?.id ?? '', spelling: 'Nadia Nord', latin: 'nadia nord', skeleton: 'nd nrd', phonetic: 'NT NRT' });
    await tx.insert(caseFile).values({ organisationId: a, householdId: h?.id ?? '', openedAt: new Date() });
  });
});
afterAll(async () => ctx.close());

describe('case work row-level security', () => {
  it('is enabled and FORCE-d on every case table', async () => {
    const rows = await queryRows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      ctx.database.db.owner,
      sql`select relname, relrowsecurity, relforcerowsecurity from pg_class where relname in ('household', 'person', 'person_name_key', 'case_file', 'case_assignment', 'residence_status') order by relname`,
    );
    expect(rows).toHaveLength(6);
    // person_name_key alone is not FORCE-d: its search function runs as the owner and applies the tenant rule itself.
    for (const r of rows) expect([r.relname, r.relrowsecurity, r.relforcerowsecurity]).toEqual([r.relname, true, r.relname !== 'person_name_key']);
  });

  it('lets the search function answer the current tenant\'s keys only, and nothing in any other scope', async () => {
    const call = sql`select person_id from lotse_person_name_matches('nadia nord', 'nd nrd', 'NT NRT', null, 10)`;
    const own = await ctx.database.db.transaction({ kind: 'tenant', organisationId: a }, (tx) => queryRows<{ person_id: string }>(tx, call));
    expect(own).toHaveLength(1);
    for (const scope of [{ kind: 'tenant', organisationId: b }, { kind: 'city', organisationId: city }, { kind: 'public' }, { kind: 'city', organisationId: a }] as const) {
      expect(await ctx.database.db.transaction(scope, (tx) => queryRows(tx, call))).toEqual([]);
    }
    const outside = await ctx.database.db.transaction({ kind: 'tenant', organisationId: a }, (tx) => queryRows(tx, sql`select person_id from lotse_person_name_matches('nadia nord', 'nd nrd', 'NT NRT', array['sued'], 10)`));
    expect(outside).toEqual([]);
  });

  it('shows another provider and the city scope no row of a provider\'s households, people, keys or case files', async () => {
    for (const scope of [{ kind: 'tenant', organisationId: b }, { kind: 'city', organisationId: city }, { kind: 'public' }] as const) {
      for (const table of TENANT_TABLES) {
        const [row] = await ctx.database.db.transaction(scope, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`));
        expect([scope.kind, table, row?.n]).toEqual([scope.kind, table, 0]);
      }
    }
    const [own] = await ctx.database.db.transaction({ kind: 'tenant', organisationId: a }, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from person`));
    expect(own?.n).toBe(1);
  });

  it('refuses writing rows for another provider, and updates of its rows', async () => {
    await expect(ctx.database.db.transaction({ kind: 'tenant', organisationId: b }, (tx) => tx.insert(household).values({ organisationId: a, accommodation: 'own_flat', regionCode: 'nord' }))).rejects.toThrow();
    const updated = await ctx.database.db.transaction({ kind: 'tenant', organisationId: b }, (tx) => tx.update(person).set({ familyName: 'X' }).returning());
    expect(updated).toEqual([]);
  });

  it('lets every scope read the residence statuses, only the city and the system write them', async () => {
    const rows = await ctx.database.db.transaction({ kind: 'public' }, (tx) => tx.select().from(residenceStatus));
    expect(rows.map((r) => r.code)).toContain('duldung');
    await expect(ctx.database.db.transaction({ kind: 'tenant', organisationId: a }, (tx) => tx.insert(residenceStatus).values({ code: 'x', name: { de: 'x' }, group: 'other' }))).rejects.toThrow();
    await ctx.database.db.transaction({ kind: 'city', organisationId: city }, (tx) => tx.insert(residenceStatus).values({ code: 'x', name: { de: 'x' }, group: 'other' }));
  });

  it('computes the phonetic key with double metaphone per word', async () => {
    const [row] = await queryRows<{ p: string }>(ctx.database.db.owner, sql`select lotse_name_phonetic('mohammed hassan') as p`);
    expect(row?.p).toBe('HSN MHMT');
  });
});
