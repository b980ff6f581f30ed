import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { office, type OfficeFixture } from './appointments.fixture.ts';

/**
 * Security regression (issue 6): a provider admin could link any organisation's account to its own
 * office's counsellor or interpreter (the foreign key is checked past RLS), and an unknown and a
 * foreign id answered differently. Now the account is looked up in the actor's own scope and must
 * be of the office's provider; a foreign id answers exactly like an unknown one, and the database
 * refuses the link too.
 */

let ctx: TestContext;
let f: OfficeFixture;
let ownAccount = '';
let foreignAccount = '';
let cityAccount = '';
let coordinator: Session;
const unknownAccount = '00000000-0000-4000-8000-000000000000';

const stable = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'instance' && k !== 'requestId'));
const counsellor = (accountId: string | null) => ({ kind: 'counsellor', displayName: 'Beraterin', languages: ['de'], accountId });

beforeAll(async () => {
  ctx = await createTestContext();
  f = await office(ctx);
  ownAccount = (await ctx.account(f.providerId, 'social_worker')).id;
  const otherProvider = await ctx.organisation('provider');
  foreignAccount = (await ctx.account(otherProvider.id, 'social_worker')).id;
  coordinator = await ctx.staff('city_coordinator');
  cityAccount = coordinator.accountId;
});
afterAll(async () => ctx.close());

describe("linking a counsellor to a staff account of another organisation", () => {
  it("POST appointment-resources: a foreign account answers exactly like an unknown one (400 on accountId), nothing is created", async () => {
    const url = `/api/offices/${f.officeId}/appointment-resources`;
    const before = await ctx.request(f.admin, { method: 'GET', url: `/api/offices/${f.officeId}/appointment-setup` });
    const foreign = await ctx.request(f.admin, { method: 'POST', url, payload: counsellor(foreignAccount) });
    const city = await ctx.request(f.admin, { method: 'POST', url, payload: counsellor(cityAccount) });
    const unknown = await ctx.request(f.admin, { method: 'POST', url, payload: counsellor(unknownAccount) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['accountId']);
    for (const res of [foreign, city]) {
      expect(res.statusCode).toBe(unknown.statusCode);
      expect(stable(res.json())).toEqual(stable(unknown.json()));
    }
    const after = await ctx.request(f.admin, { method: 'GET', url: `/api/offices/${f.officeId}/appointment-setup` });
    expect(after.json<{ resources: unknown[] }>().resources).toHaveLength(before.json<{ resources: unknown[] }>().resources.length);
  });

  it('POST appointment-resources: an account of the office\'s own provider is linked', async () => {
    const res = await ctx.request(f.admin, { method: 'POST', url: `/api/offices/${f.officeId}/appointment-resources`, payload: counsellor(ownAccount) });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('PATCH appointment-resources: a foreign account answers like an unknown one, the link stays as it was', async () => {
    const url = `/api/appointment-resources/${f.counsellorIds[0] ?? ''}`;
    const foreign = await ctx.request(f.admin, { method: 'PATCH', url, payload: { accountId: foreignAccount } });
    const unknown = await ctx.request(f.admin, { method: 'PATCH', url, payload: { accountId: unknownAccount } });
    expect(unknown.statusCode).toBe(400);
    expect(foreign.statusCode).toBe(unknown.statusCode);
    expect(stable(foreign.json())).toEqual(stable(unknown.json()));
    const setup = await ctx.request(f.admin, { method: 'GET', url: `/api/offices/${f.officeId}/appointment-setup` });
    const resource = setup.json<{ resources: { id: string; accountId: string | null }[] }>().resources.find((r) => r.id === f.counsellorIds[0]);
    expect(resource?.accountId).toBeNull();
    expect((await ctx.request(f.admin, { method: 'PATCH', url, payload: { accountId: ownAccount } })).statusCode).toBe(204);
  });

  it("the city's editors (city scope, every account visible) may still link only the office's provider's accounts", async () => {
    const url = `/api/offices/${f.officeId}/appointment-resources`;
    const foreign = await ctx.request(coordinator, { method: 'POST', url, payload: counsellor(foreignAccount) });
    expect(foreign.statusCode).toBe(400);
    expect((await ctx.request(coordinator, { method: 'POST', url, payload: counsellor(ownAccount) })).statusCode).toBe(201);
  });

  it("the database refuses the link as well, also in the city scope and past the use case", async () => {
    for (const scope of [{ kind: 'tenant' as const, organisationId: f.providerId }, { kind: 'city' as const, organisationId: coordinator.organisationId }]) {
      await expect(
        ctx.database.db.transaction(scope, (tx) =>
          tx.execute(sql`insert into appointment_resource (office_id, kind, display_name, account_id) values (${f.officeId}, 'counsellor', 'x', ${foreignAccount})`),
        ),
      ).rejects.toThrow();
    }
    await expect(
      ctx.database.db.transaction({ kind: 'tenant', organisationId: f.providerId }, (tx) =>
        tx.execute(sql`update appointment_resource set account_id = ${foreignAccount} where id = ${f.counsellorIds[0] ?? ''}`),
      ),
    ).rejects.toThrow();
    const ok = await ctx.database.db.transaction({ kind: 'tenant', organisationId: f.providerId }, (tx) =>
      tx.execute(sql`insert into appointment_resource (office_id, kind, display_name, account_id) values (${f.officeId}, 'counsellor', 'x', ${ownAccount})`),
    );
    expect(ok).toBeDefined();
  });
});
