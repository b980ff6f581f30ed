import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { auditEntry } from '#server/modules/audit/audit.schema.ts';
import { TEST_PASSWORD, type Session } from '#test/context.ts';
import { useTestContext } from '#test/use-context.ts';
import { account, organisation } from './identity.schema.ts';

const ctx = useTestContext();

let address = 0;
async function loginStatus(email: string): Promise<{ status: string; session: Session }> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.78.0.${++address}` });
  expect(res.statusCode).toBe(200);
  const body = res.json<{ status: string; me: { csrfToken: string; id: string; organisation: { id: string } } }>();
  const cookie = res.cookies.find((c) => c.name === 'lotse_session');
  if (!cookie) throw new Error('no cookie');
  return { status: body.status, session: { cookie: `lotse_session=${cookie.value}`, csrf: body.me.csrfToken, accountId: body.me.id, organisationId: body.me.organisation.id } };
}

/** Enrols the logged-in account through the API and returns nothing; the factor is on afterwards. */
async function enrol(session: Session): Promise<void> {
  const setup = await ctx.request(session, { method: 'POST', url: '/api/auth/totp/setup' });
  expect(setup.statusCode).toBe(200);
  const secret = setup.json<{ secret: string }>().secret;
  const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ctx.clock.now.getTime() });
  expect((await ctx.request(session, { method: 'POST', url: '/api/auth/totp/enable', payload: { code } })).statusCode).toBe(204);
}

async function stored(accountId: string) {
  const [row] = await ctx.database.db.owner.select({ secret: account.totpSecret, on: account.totpEnabledAt }).from(account).where(eq(account.id, accountId));
  return row;
}

const reset = (session: Session | null, id: string) => ctx.request(session, { method: 'POST', url: `/api/accounts/${id}/totp-reset` });

describe('resetting a second factor (POST /api/accounts/:id/totp-reset)', () => {
  let cityAdmin: Session;
  let providerA: { id: string };
  let providerB: { id: string };
  let adminA: Session & { email: string };
  let adminB: Session;

  beforeAll(async () => {
    cityAdmin = await ctx.staff('city_admin');
    providerA = await ctx.organisation('provider');
    providerB = await ctx.organisation('provider');
    adminA = await ctx.staff('provider_admin', providerA.id);
    adminB = await ctx.staff('provider_admin', providerB.id);
  });

  it("the provider admin resets its own organisation's account: secret and flag cleared, sessions ended, audited; the next login asks for enrolment", async () => {
    await ctx.database.db.owner.update(organisation).set({ requireTotp: true }).where(eq(organisation.id, providerA.id));
    const worker = await ctx.account(providerA.id, 'social_worker');
    const first = await loginStatus(worker.email);
    expect(first.status).toBe('enrolment-required');
    await enrol(first.session);
    expect((await stored(worker.id))?.on).not.toBeNull();
    expect((await loginStatus(worker.email)).status).toBe('totp-required');

    const res = await reset(adminA, worker.id);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ id: string; totpEnabled: boolean }>()).toMatchObject({ id: worker.id, totpEnabled: false });
    expect(await stored(worker.id)).toEqual({ secret: null, on: null });
    // the worker's session is gone
    expect((await ctx.request(first.session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const audited = await ctx.database.db.owner
      .select({ ids: auditEntry.recordIds, actor: auditEntry.actorAccountId, org: auditEntry.organisationId })
      .from(auditEntry)
      .where(and(eq(auditEntry.action, 'account.totp-reset'), eq(auditEntry.organisationId, providerA.id)));
    expect(audited).toEqual([{ ids: [worker.id], actor: adminA.accountId, org: providerA.id }]);
    expect((await loginStatus(worker.email)).status).toBe('enrolment-required');
  });

  it('the city admin resets any account; without a required factor the next login is a plain one', async () => {
    const worker = await ctx.account(providerB.id, 'social_worker');
    const session = (await loginStatus(worker.email)).session;
    await enrol(session);
    expect((await loginStatus(worker.email)).status).toBe('totp-required');
    const res = await reset(cityAdmin, worker.id);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ totpEnabled: boolean }>().totpEnabled).toBe(false);
    expect((await loginStatus(worker.email)).status).toBe('ok');
  });

  it("another organisation's account answers 404, one's own 400, other roles 403, no session 401", async () => {
    const workerA = await ctx.account(providerA.id, 'social_worker');
    const session = (await loginStatus(workerA.email)).session;
    await enrol(session);
    expect((await reset(adminB, workerA.id)).statusCode).toBe(404);
    expect((await reset(adminB, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await stored(workerA.id))?.on).not.toBeNull();

    const own = await reset(cityAdmin, cityAdmin.accountId);
    expect(own.statusCode).toBe(400);
    expect(own.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('account');
    expect((await reset(adminA, adminA.accountId)).statusCode).toBe(400);

    const worker = await ctx.staff('social_worker', providerB.id); // providerA requires a second factor: its login would owe enrolment
    expect((await reset(worker, workerA.id)).statusCode).toBe(403);
    expect((await reset(await ctx.staff('city_coordinator'), workerA.id)).statusCode).toBe(403);
    expect((await reset(null, workerA.id)).statusCode).toBe(401);
    expect((await stored(workerA.id))?.on).not.toBeNull();
  });
});
