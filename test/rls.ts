import { sql } from 'drizzle-orm';
import { queryRows } from '#server/db.ts';
import type { TestContext } from './context.ts';

export interface TenantTableFacts {
  rls: boolean;
  forced: boolean;
  /** Rows another provider, the city scope and the public see. */
  foreign: { tenant: number; city: number; public: number };
  /** Rows the owning provider sees (null when not asked). */
  own: number | null;
  appDeletes: boolean;
}

/**
 * What the tests of a tenant table prove about its row-level security: enabled and FORCE-d, no row
 * for another provider, the city scope or the public, the own provider's rows, and whether the
 * application role may delete. One expectation on the whole answer, so each part can fail.
 */
export async function tenantTableFacts(ctx: TestContext, table: string, ownOrganisationId?: string): Promise<TenantTableFacts> {
  const owner = ctx.database.db.owner;
  const [rls] = await queryRows<{ rls: boolean; forced: boolean; del: boolean }>(
    owner,
    sql`select relrowsecurity as rls, relforcerowsecurity as forced, has_table_privilege('lotse_app', ${table}, 'DELETE') as del from pg_class where relname = ${table}`,
  );
  const count = async (scope: Parameters<typeof ctx.database.db.transaction>[0]) =>
    (await ctx.database.db.transaction(scope, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`)))[0]?.n ?? -1;
  const city = (await ctx.organisation('city')).id;
  const other = (await ctx.organisation('provider')).id;
  return {
    rls: rls?.rls ?? false,
    forced: rls?.forced ?? false,
    foreign: { tenant: await count({ kind: 'tenant', organisationId: other }), city: await count({ kind: 'city', organisationId: city }), public: await count({ kind: 'public' }) },
    own: ownOrganisationId ? await count({ kind: 'tenant', organisationId: ownOrganisationId }) : null,
    appDeletes: rls?.del ?? true,
  };
}
