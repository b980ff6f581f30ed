import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { securityEvent } from '#server/modules/audit/audit.schema.ts';
import { TEST_PASSWORD, type Session } from '#test/context.ts';
import { useTestContext } from '#test/use-context.ts';
import { account, organisation } from './identity.schema.ts';

const ctx = useTestContext();

const code = (secret: string, offsetMs = 0): string => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ctx.clock.now.getTime() + offsetMs });

let address = 0;
async function loginStatus(email: string): Promise<{ status: string; session: Session }> {
  // each login from its own address, so the per-address limit is not what a test measures
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.77.0.${++address}` });
  expect(res.statusCode).toBe(200);
  const body = res.json<{ status: string; me: { csrfToken: string; id: string; organisation: { id: string } } }>();
  const cookie = res.cookies.find((c) => c.name === 'lotse_session');
  if (!cookie) throw new Error('no cookie');
  return { status: body.status, session: { cookie: `lotse_session=${cookie.value}`, csrf: body.me.csrfToken, accountId: body.me.id, organisationId: body.me.organisation.id } };
}

async function setUp(session: Session): Promise<string> {
  const res = await ctx.request(session, { method: 'POST', url: '/api/auth/totp/setup' });
  expect(res.statusCode).toBe(200);
  const body = res.json<{ secret: string; otpauthUri: string; qrSvg: string }>();
  expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Lotse:.+secret=/);
  expect(body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  return body.secret;
}

const preferences = (session: Session) => ctx.request(session, { method: 'PUT', url: '/api/auth/me/preferences', payload: { locale: 'de' } });

async function requireTotp(organisationId: string): Promise<void> {
  await ctx.database.db.owner.update(organisation).set({ requireTotp: true }).where(eq(organisation.id, organisationId));
}

describe('TOTP', () => {
  it('enrols, then a login needs a code; the secret is stored sealed; a code works once', async () => {
    const staff = await ctx.staff('social_worker');
    const secret = await setUp(staff);
    const [stored] = await ctx.database.db.owner.select({ s: account.totpSecret, on: account.totpEnabledAt }).from(account).where(eq(account.id, staff.accountId));
    expect(stored?.s).toMatch(/^v1\./);
    expect(stored?.s).not.toContain(secret);
    expect(stored?.on).toBeNull();
    expect(ctx.deps.keys.open(stored?.s ?? '', `totp:${staff.accountId}`)).toBe(secret);

    const wrong = await ctx.request(staff, { method: 'POST', url: '/api/auth/totp/enable', payload: { code: code(secret, 10 * 60_000) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ type: string }>().type).toBe('/problems/totp-invalid');
    const enabled = await ctx.request(staff, { method: 'POST', url: '/api/auth/totp/enable', payload: { code: code(secret) } });
    expect(enabled.statusCode).toBe(204);

    const { status, session } = await loginStatus(staff.email);
    expect(status).toBe('totp-required');
    expect((await preferences(session)).json<{ type: string }>().type).toBe('/problems/totp-required');
    expect((await ctx.request(session, { method: 'GET', url: '/api/auth/me' })).json<{ stage: string }>().stage).toBe('totp');
    // a half-logged-in session cannot set up a new factor instead of proving the old one
    expect((await ctx.request(session, { method: 'POST', url: '/api/auth/totp/setup' })).statusCode).toBe(401);
    // the code used to enable is not accepted again (same time step)
    const replay = await ctx.request(session, { method: 'POST', url: '/api/auth/totp/verify', payload: { code: code(secret) } });
    expect(replay.statusCode).toBe(400);

    ctx.clock.advance(30_000);
    const ok = await ctx.request(session, { method: 'POST', url: '/api/auth/totp/verify', payload: { code: code(secret) } });
    expect(ok.statusCode).toBe(204);
    expect((await preferences(session)).statusCode).toBe(200);
    const me = await ctx.request(session, { method: 'GET', url: '/api/auth/me' });
    expect(me.json<{ totpEnabled: boolean; stage: string }>()).toMatchObject({ totpEnabled: true, stage: 'active' });

    // replay of the very same code on another login is refused
    const second = await loginStatus(staff.email);
    const replayed = await ctx.request(second.session, { method: 'POST', url: '/api/auth/totp/verify', payload: { code: code(secret) } });
    expect(replayed.statusCode).toBe(400);
    expect((await preferences(second.session)).statusCode).toBe(401);

    const failures = await ctx.database.db.owner.select().from(securityEvent).where(and(eq(securityEvent.kind, 'totp.failed'), eq(securityEvent.accountId, staff.accountId)));
    expect(failures).toHaveLength(3);
  });

  it('wrong codes count toward the login limit', async () => {
    const staff = await ctx.staff('provider_admin');
    const secret = await setUp(staff);
    expect((await ctx.request(staff, { method: 'POST', url: '/api/auth/totp/enable', payload: { code: code(secret) } })).statusCode).toBe(204);
    const { session } = await loginStatus(staff.email);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await ctx.request(session, { method: 'POST', url: '/api/auth/totp/verify', payload: { code: code(secret, 3_600_000) } });
      statuses.push(res.statusCode);
    }
    // the successful password cleared the email's counter: ten codes, then the limit (LOGIN_LIMITS.perEmail)
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('an organisation that requires it forces enrolment on roles that see personal data, not on evaluators', async () => {
    const city = await ctx.organisation('city');
    const provider = await ctx.organisation('provider');
    await requireTotp(city.id);
    await requireTotp(provider.id);
    for (const role of ['provider_admin', 'social_worker'] as const) {
      const acc = await ctx.account(provider.id, role);
      const { status, session } = await loginStatus(acc.email);
      expect(status).toBe('enrolment-required');
      expect((await preferences(session)).json<{ type: string }>().type).toBe('/problems/enrolment-required');
      expect((await ctx.request(session, { method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
      expect((await ctx.request(session, { method: 'POST', url: '/api/auth/totp/verify', payload: { code: '123456' } })).statusCode).toBe(409);
      const secret = await setUp(session);
      expect((await ctx.request(session, { method: 'POST', url: '/api/auth/totp/enable', payload: { code: code(secret) } })).statusCode).toBe(204);
      expect((await preferences(session)).statusCode).toBe(200);
      // and it cannot be switched off
      const off = await ctx.request(session, { method: 'DELETE', url: '/api/auth/totp', payload: { password: TEST_PASSWORD } });
      expect(off.statusCode).toBe(409);
    }
    const evaluator = await ctx.account(city.id, 'evaluator');
    expect((await loginStatus(evaluator.email)).status).toBe('ok');
    const coordinator = await ctx.account(city.id, 'city_coordinator');
    expect((await loginStatus(coordinator.email)).status).toBe('enrolment-required');
  });

  it('can be turned off with the current password where it is not required', async () => {
    const staff = await ctx.staff('city_coordinator');
    const secret = await setUp(staff);
    expect((await ctx.request(staff, { method: 'POST', url: '/api/auth/totp/enable', payload: { code: code(secret) } })).statusCode).toBe(204);
    const wrong = await ctx.request(staff, { method: 'DELETE', url: '/api/auth/totp', payload: { password: 'not my password' } });
    expect(wrong.statusCode).toBe(400);
    const off = await ctx.request(staff, { method: 'DELETE', url: '/api/auth/totp', payload: { password: TEST_PASSWORD } });
    expect(off.statusCode).toBe(204);
    expect((await loginStatus(staff.email)).status).toBe('ok');
  });
});
