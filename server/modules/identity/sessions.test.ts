import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { securityEvent } from '#server/modules/audit/audit.schema.ts';
import { TEST_PASSWORD, type Session } from '#test/context.ts';
import { useTestContext } from '#test/use-context.ts';
import { LOGIN_LIMITS } from './sessions.service.ts';

const ctx = useTestContext();

const login = (email: string, password: string, ip: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
/** A problem body without what differs on every request. */
const generic = (body: string) => {
  const { requestId: _r, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
};
const me = (s: Session) => ctx.request(s, { method: 'GET', url: '/api/auth/me' });
const events = (kind: string, accountId?: string) =>
  ctx.database.db.owner.select().from(securityEvent).where(accountId ? and(eq(securityEvent.kind, kind), eq(securityEvent.accountId, accountId)) : eq(securityEvent.kind, kind));

describe('login lockout and limits', () => {
  it('locks after five wrong passwords; then even the right one gets the same answer as an unknown email; unlocks after 15 minutes', async () => {
    const org = await ctx.organisation('provider');
    const acc = await ctx.account(org.id, 'social_worker');
    for (let i = 0; i < LOGIN_LIMITS.lockAfter; i++) expect((await login(acc.email, 'wrong password', '10.5.0.1')).statusCode).toBe(401);
    const locked = await login(acc.email, TEST_PASSWORD, '10.5.0.2');
    const unknown = await login('no-such-person@test.invalid', TEST_PASSWORD, '10.5.0.3');
    const wrong = await login(acc.email, 'wrong password', '10.5.0.4');
    expect(locked.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(generic(locked.body)).toEqual(generic(unknown.body));
    expect(generic(wrong.body)).toEqual(generic(unknown.body));
    expect(generic(locked.body)['type']).toBe('/problems/invalid-credentials');
    expect(locked.headers['content-type']).toBe(unknown.headers['content-type']);

    expect((await events('login.failed', acc.id)).length).toBe(LOGIN_LIMITS.lockAfter - 1);
    expect((await events('login.locked', acc.id)).length).toBeGreaterThanOrEqual(2);

    ctx.clock.advance(14 * 60_000);
    expect((await login(acc.email, TEST_PASSWORD, '10.5.0.5')).statusCode).toBe(401);
    ctx.clock.advance(61_000);
    expect((await login(acc.email, TEST_PASSWORD, '10.5.0.6')).statusCode).toBe(200);
  });

  it('limits attempts per address with 429 and Retry-After, and per email', async () => {
    const ip = '10.6.0.1';
    for (let i = 0; i < LOGIN_LIMITS.perIp.hits; i++) expect((await login(`guess${i}@test.invalid`, 'x', ip)).statusCode).toBe(401);
    const limited = await login('guess-more@test.invalid', 'x', ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ type: string }>().type).toBe('/problems/rate-limited');
    const retry = Number(limited.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(LOGIN_LIMITS.perIp.windowSeconds);
    expect((await events('login.rate-limited')).length).toBeGreaterThanOrEqual(1);
    // another address is not affected; after the window the address may try again
    expect((await login('guess-more@test.invalid', 'x', '10.6.0.2')).statusCode).toBe(401);
    ctx.clock.advance(retry * 1000);
    expect((await login('guess-more@test.invalid', 'x', ip)).statusCode).toBe(401);

    const email = 'many-tries@test.invalid';
    for (let i = 0; i < LOGIN_LIMITS.perEmail.hits; i++) expect((await login(email, 'x', `10.6.1.${i}`)).statusCode).toBe(401);
    expect((await login(email, 'x', '10.6.2.1')).statusCode).toBe(429);
  });
});

describe('sessions', () => {
  it('expire after 30 idle minutes', async () => {
    const s = await ctx.staff('social_worker');
    ctx.clock.advance(29 * 60_000);
    expect((await me(s)).statusCode).toBe(200);
    ctx.clock.advance(29 * 60_000); // active a moment ago: the idle time started again
    expect((await me(s)).statusCode).toBe(200);
    ctx.clock.advance(31 * 60_000);
    const res = await me(s);
    expect(res.statusCode).toBe(401);
    expect(res.json<{ type: string }>().type).toBe('/problems/unauthenticated');
  });

  it('expire 12 hours after login however active', async () => {
    const s = await ctx.staff('social_worker');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      ctx.clock.advance(20 * 60_000);
      expect((await me(s)).statusCode).toBe(200);
    }
    ctx.clock.advance(20 * 60_000);
    expect((await me(s)).statusCode).toBe(401);
  });

  it('logout ends this session; logout-everywhere ends the others too', async () => {
    const staff = await ctx.staff('provider_admin');
    await ctx.request(staff, { method: 'POST', url: '/api/auth/logout' }).then((r) => expect(r.statusCode).toBe(204));
    expect((await me(staff)).statusCode).toBe(401);

    const laptop = await ctx.login(staff.email);
    const phone = await ctx.login(staff.email);
    const res = await ctx.request(laptop, { method: 'POST', url: '/api/auth/logout-everywhere' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: 2 });
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await ctx.staff('social_worker');
    for (const headers of [{ 'x-csrf-token': '' }, { 'x-csrf-token': 'forged' }]) {
      const res = await ctx.app.inject({ method: 'PUT', url: '/api/auth/me/preferences', payload: { locale: 'en' }, headers: { cookie: s.cookie, ...headers } });
      expect(res.statusCode).toBe(403);
      expect(res.json<{ type: string }>().type).toBe('/problems/csrf');
    }
    const post = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(post.statusCode).toBe(403);
    expect(post.json<{ type: string }>().type).toBe('/problems/csrf');
    expect((await me(s)).statusCode).toBe(200);
    expect((await events('csrf.rejected', s.accountId)).length).toBe(3);
  });
});
