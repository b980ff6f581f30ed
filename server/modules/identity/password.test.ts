import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { securityEvent } from '#server/modules/audit/audit.schema.ts';
import { createTestContext, TEST_PASSWORD, type TestContext } from '#test/context.ts';
import { startTestSmtp, type TestSmtp } from '#test/smtp.ts';

/** The text part of a raw mail, quoted-printable decoded. */
function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const qp = /content-transfer-encoding:\s*quoted-printable/i.test(raw);
  return qp ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8') : body;
}

function linkToken(text: string): string {
  const match = /\/app\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in: ${text}`);
  return decodeURIComponent(match[1]);
}

let ctx: TestContext;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  ctx = await createTestContext({ config: { publicUrl: 'https://lotse.example' }, mailer: smtp.mailer });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const reset = (email: string, ip = '10.1.1.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, remoteAddress: ip });
const confirm = (token: string, password: string) => ctx.request(null, { method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });

describe('password reset by email (real SMTP)', () => {
  it('mails a link in the account\'s language; the link sets the password once, clears a lock and ends sessions', async () => {
    const org = await ctx.organisation('provider');
    const acc = await ctx.account(org.id, 'social_worker');
    const session = await ctx.login(acc.email);
    for (let i = 0; i < 5; i++) {
      await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: acc.email, password: 'not the password' }, remoteAddress: '10.2.2.2' });
    }
    await expect(ctx.login(acc.email)).rejects.toThrow(/401/); // locked

    const arriving = smtp.nextMail();
    const res = await reset(acc.email.toUpperCase());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });
    const mail = await arriving;
    expect(mail.to).toEqual([acc.email]);
    expect(mail.raw).toMatch(/^Subject: =?\??[^\r\n]*Passwort/m);
    const text = bodyOf(mail.raw);
    expect(text).toContain('https://lotse.example/app/reset-password?token=');
    const token = linkToken(text);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    expect((await confirm(token, 'short')).statusCode).toBe(400);
    const done = await confirm(token, 'a brand new password');
    expect(done.statusCode).toBe(204);
    expect((await ctx.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(ctx.login(acc.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    await ctx.login(acc.email, 'a brand new password'); // the lock is cleared too

    const again = await confirm(token, 'yet another password');
    expect(again.statusCode).toBe(400);
    expect(again.json<{ type: string }>().type).toBe('/problems/token-invalid');
  });

  it('an expired link is refused', async () => {
    const org = await ctx.organisation('provider');
    const acc = await ctx.account(org.id, 'social_worker');
    const arriving = smtp.nextMail();
    expect((await reset(acc.email, '10.1.1.2')).statusCode).toBe(202);
    const token = linkToken(bodyOf((await arriving).raw));
    ctx.clock.advance(61 * 60_000);
    const res = await confirm(token, 'a brand new password');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ type: string }>().type).toBe('/problems/token-invalid');
    await ctx.login(acc.email);
  });

  it('answers the same for an unknown email and sends nothing; limits per email and per address', async () => {
    const before = smtp.received.length;
    const unknown = await reset('nobody@test.invalid', '10.1.1.3');
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(JSON.stringify({ accepted: true }));

    const org = await ctx.organisation('provider');
    const acc = await ctx.account(org.id, 'social_worker');
    for (let i = 0; i < 3; i++) expect((await reset(acc.email, `10.1.2.${i}`)).statusCode).toBe(202);
    const limited = await reset(acc.email, '10.1.2.9');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    for (let i = 0; i < 10; i++) expect((await reset(`someone${i}@test.invalid`, '10.1.3.1')).statusCode).toBe(202);
    expect((await reset('someone-else@test.invalid', '10.1.3.1')).statusCode).toBe(429);
    const events = await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, (tx) => tx.select().from(securityEvent).where(eq(securityEvent.kind, 'password-reset.rate-limited')));
    expect(events.length).toBe(2);
    // wait for the three mails of the known account, then check nothing went to the unknown ones
    while (smtp.received.length < before + 3) await smtp.nextMail();
    expect(smtp.received.slice(before).flatMap((m) => m.to).every((to) => to === acc.email)).toBe(true);
  });
});

describe('changing one\'s own password', () => {
  it('needs the current password and ends the other sessions, not this one', async () => {
    const org = await ctx.organisation('provider');
    const acc = await ctx.account(org.id, 'provider_admin');
    const laptop = await ctx.login(acc.email);
    const phone = await ctx.login(acc.email);
    const wrong = await ctx.request(laptop, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'not it at all', newPassword: 'a fresh strong password' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['currentPassword']);
    const weak = await ctx.request(laptop, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);

    const ok = await ctx.request(laptop, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'a fresh strong password' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ endedSessions: 1 });
    expect((await ctx.request(laptop, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await ctx.request(phone, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(ctx.login(acc.email)).rejects.toThrow(/401/);
    await ctx.login(acc.email, 'a fresh strong password');
  });
});
