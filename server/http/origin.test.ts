import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityEvent } from '#server/modules/audit/audit.schema.ts';
import { createTestContext, TEST_PASSWORD, type Session, type TestContext } from '#test/context.ts';

/**
 * Writes from another site are refused (server/http/origin.ts): a foreign page cannot log a
 * browser into someone else's account, book in a resident's name or write with a staff cookie.
 * Lotse's own forms keep working without JavaScript, and non-browser callers are not affected.
 */

const PUBLIC_URL = 'https://lotse.example.org';
let ctx: TestContext;
let admin: Session;
let user: { id: string; email: string };

beforeAll(async () => {
  ctx = await createTestContext({ web: true, config: { publicUrl: PUBLIC_URL } });
  admin = await ctx.staff('city_admin');
  user = await ctx.account((await ctx.organisation('provider')).id, 'social_worker');
});
afterAll(async () => ctx.close());

const titles = (lang: string): Record<string, string> =>
  (JSON.parse(readFileSync(new URL(`../../locales/${lang}/errors.json`, import.meta.url), 'utf8')) as { types: Record<string, string> }).types;

function expectCrossOrigin(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(403);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json<{ type: string }>().type).toBe('/problems/cross-origin');
  expect(res.cookies.find((c) => c.name === 'lotse_session')).toBeUndefined();
}

const formLogin = (headers: Record<string, string>) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: `email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(TEST_PASSWORD)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    remoteAddress: `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
  });

async function originEvents(requestId: string): Promise<(typeof securityEvent.$inferSelect)[]> {
  return ctx.database.db.owner.select().from(securityEvent).where(and(eq(securityEvent.kind, 'origin.rejected'), eq(securityEvent.requestId, requestId)));
}

describe('login', () => {
  it('a form posted from another site is refused with 403 cross-origin, no session, and a security event', async () => {
    const res = await formLogin({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expectCrossOrigin(res);
    const events = await originEvents(res.json<{ requestId: string }>().requestId);
    expect(events.map((e) => [e.method, e.route])).toEqual([['POST', '/api/auth/login']]);
  });

  it('a foreign Origin alone, Sec-Fetch-Site: cross-site alone, the opaque null origin and a site next door are refused', async () => {
    expectCrossOrigin(await formLogin({ origin: 'https://evil.example' }));
    expectCrossOrigin(await formLogin({ 'sec-fetch-site': 'cross-site' }));
    expectCrossOrigin(await formLogin({ origin: 'null' }));
    expectCrossOrigin(await formLogin({ origin: 'https://other.example.org', 'sec-fetch-site': 'same-site' }));
    // The same host under another scheme or port is another origin.
    expectCrossOrigin(await formLogin({ origin: 'http://lotse.example.org' }));
    expectCrossOrigin(await formLogin({ origin: 'http://localhost:8080' }));
  });

  it('the title is translated in every public language', async () => {
    for (const lang of ['de', 'en', 'ar', 'fa', 'uk', 'ru']) {
      const res = await formLogin({ origin: 'https://evil.example', 'accept-language': lang });
      expect(res.json<{ title: string }>().title).toBe(titles(lang)['cross-origin']);
    }
  });

  it('Lotse\'s own login form works without JavaScript: same origin by public address, by host, or said by the browser', async () => {
    const cases: Record<string, string>[] = [
      { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost' },
      { 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
    ];
    for (const headers of cases) {
      const res = await formLogin(headers);
      expect(res.statusCode, `${JSON.stringify(headers)}: ${res.body}`).toBe(200);
      expect(res.cookies.find((c) => c.name === 'lotse_session')).toBeDefined();
    }
  });

  it('a caller that is no browser (neither Origin nor Sec-Fetch-Site) is not affected', async () => {
    expect((await formLogin({})).statusCode).toBe(200);
  });
});

describe('every state-changing route', () => {
  it('refuses a write from another site before anything else, signed in or not, on every POST, PUT, PATCH and DELETE', async () => {
    const unsafe = ctx.app.routeRules.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    expect(unsafe.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'POST /api/regions', 'POST /:lang/offices/:id/book/confirm', 'POST /:lang/appointments/:code/cancel']),
    );
    const passed: string[] = [];
    for (const rule of unsafe) {
      const url = rule.url.replace(/:lang/g, 'de').replace(/:([A-Za-z0-9_]+)/g, () => randomUUID()).replace(/\*/g, 'x');
      for (const session of [null, admin]) {
        const res = await ctx.request(session, { method: rule.method, url, payload: {}, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
        if (res.statusCode !== 403 || res.json<{ type: string }>().type !== '/problems/cross-origin') passed.push(`${rule.method} ${rule.url} ${session ? 'signed in' : 'anonymous'}: ${res.statusCode}`);
      }
    }
    expect(passed).toEqual([]);
  });

  it('a signed-in write with the CSRF token from the staff app itself goes through', async () => {
    const res = await ctx.request(admin, { method: 'POST', url: '/api/regions', payload: { code: 'herkunft', name: 'Herkunft' }, headers: { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' } });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a public booking form posted from Lotse\'s own page reaches the page (not refused)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/de/offices/${randomUUID()}/book/details`,
      payload: 'type=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.statusCode).not.toBe(403);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('reading from another site is not a write: GET passes', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/api/regions', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.statusCode).toBe(200);
  });
});
