import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '#test/context.ts';
import { account } from './identity.schema.ts';

/**
 * A real OpenID provider (oidc-provider) on a random loopback port, with its development login
 * pages: the test drives them with fetch, following redirects by hand and keeping cookies.
 */
const PUBLIC_URL = 'http://localhost:3999';
const users = new Map<string, string>(); // provider account id → email

let server: Server;
let issuer: string;
let ctx: TestContext;

beforeAll(async () => {
  server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'lotse',
        client_secret: 'lotse-test-secret',
        redirect_uris: [`${PUBLIC_URL}/api/auth/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    cookies: { keys: ['oidc-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: users.get(id), email_verified: true }),
    }),
  });
  server.on('request', provider.callback());
  ctx = await createTestContext({
    config: { publicUrl: PUBLIC_URL, oidc: { issuer, clientId: 'lotse', clientSecret: 'lotse-test-secret', label: 'Stadt-SSO' } },
  });
});
afterAll(async () => {
  await ctx.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Logs in at the provider as `providerAccountId`; answers where the provider finally sends the browser (our callback). */
async function atProvider(authorizationUrl: string, providerAccountId: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let method: 'GET' | 'POST' = 'GET';
  let body: URLSearchParams | undefined;
  for (let hops = 0; hops < 20; hops++) {
    if (url.href.startsWith(PUBLIC_URL)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url);
      method = 'GET';
      body = undefined;
      continue;
    }
    // an interaction page: the login form or the consent form
    const html = await res.text();
    expect(res.status).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page from the provider: ${html.slice(0, 300)}`);
    url = new URL(action, url);
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: providerAccountId, password: 'anything' } : { prompt });
  }
  throw new Error('too many redirects');
}

async function oidcLogin(providerAccountId: string, returnTo = '/app/cases?tab=open') {
  const start = await ctx.app.inject({ method: 'GET', url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}` });
  expect(start.statusCode).toBe(302);
  const location = String(start.headers.location);
  expect(location.startsWith(`${issuer}/`)).toBe(true);
  const auth = new URL(location);
  expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
  expect(auth.searchParams.get('nonce')).toBeTruthy();
  const stateCookie = start.cookies.find((c) => c.name === 'lotse_oidc_state');
  expect(stateCookie?.value).toBe(auth.searchParams.get('state'));
  const callback = await atProvider(location, providerAccountId);
  expect(callback.pathname).toBe('/api/auth/oidc/callback');
  return { callback, stateCookie: stateCookie?.value ?? '' };
}

const finish = (callback: URL, state: string) =>
  ctx.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: `lotse_oidc_state=${state}` } });

describe('login with the city SSO (OIDC)', () => {
  it('tells the login page whether to offer it', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/api/auth/oidc' });
    expect(res.json()).toEqual({ enabled: true, label: 'Stadt-SSO' });
  });

  it('logs a city staff member in by verified email, links the subject, then matches by subject', async () => {
    const city = await ctx.organisation('city');
    const acc = await ctx.account(city.id, 'city_coordinator');
    users.set('alice-sub', acc.email);

    const { callback, stateCookie } = await oidcLogin('alice-sub');
    const res = await finish(callback, stateCookie);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/app/cases?tab=open');
    const cookie = res.cookies.find((c) => c.name === 'lotse_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `lotse_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ id: string; email: string }>()).toMatchObject({ id: acc.id, email: acc.email });
    const [row] = await ctx.database.db.owner.select({ sub: account.oidcSubject }).from(account).where(eq(account.id, acc.id));
    expect(row?.sub).toBe(`${issuer}|alice-sub`);

    // the state works once
    const replay = await finish(callback, stateCookie);
    expect(replay.headers.location).toBe('/app/login?error=oidc-failed');

    // once linked, the subject decides, even if the email at the provider changes
    users.set('alice-sub', 'alice.new-name@city.invalid');
    const again = await oidcLogin('alice-sub', 'https://evil.example/app/');
    const second = await finish(again.callback, again.stateCookie);
    expect(second.headers.location).toBe('/app/'); // an outside returnTo is replaced
    expect(second.cookies.find((c) => c.name === 'lotse_session')).toBeDefined();
  });

  it('refuses unknown emails, provider staff, disabled accounts and a callback from another browser', async () => {
    users.set('mallory-sub', 'mallory@nowhere.invalid');
    const unknown = await oidcLogin('mallory-sub');
    const res = await finish(unknown.callback, unknown.stateCookie);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/app/login?error=oidc-failed');
    expect(res.cookies.find((c) => c.name === 'lotse_session' && c.value)).toBeUndefined();

    const provider = await ctx.organisation('provider');
    const worker = await ctx.account(provider.id, 'social_worker');
    users.set('worker-sub', worker.email);
    const w = await oidcLogin('worker-sub');
    expect((await finish(w.callback, w.stateCookie)).headers.location).toBe('/app/login?error=oidc-failed');

    const city = await ctx.organisation('city');
    const disabled = await ctx.account(city.id, 'evaluator');
    await ctx.database.db.owner.update(account).set({ disabledAt: new Date() }).where(eq(account.id, disabled.id));
    users.set('disabled-sub', disabled.email);
    const d = await oidcLogin('disabled-sub');
    expect((await finish(d.callback, d.stateCookie)).headers.location).toBe('/app/login?error=oidc-failed');

    const fine = await ctx.account(city.id, 'evaluator');
    users.set('fine-sub', fine.email);
    const f = await oidcLogin('fine-sub');
    // without the state cookie of the browser that started the login (login CSRF)
    expect((await finish(f.callback, 'someone-elses-state')).headers.location).toBe('/app/login?error=oidc-failed');
  });
});
