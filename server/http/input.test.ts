import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '#server/modules/identity/roles.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

/**
 * What every route's input goes through before its contract (server/http/input.ts): control
 * characters and unpaired surrogates are refused in any string, an empty PATCH is refused, a body
 * in another charset than UTF-8 is refused — never a 500 from the database or the ORM.
 */

let ctx: TestContext;
let admin: Session;
/** One signed-in caller per role, and the anonymous caller. */
let callers: (Session | null)[];

beforeAll(async () => {
  ctx = await createTestContext({ web: true });
  admin = await ctx.staff('city_admin');
  callers = [null, admin];
  for (const role of ROLES) if (role !== 'city_admin') callers.push(await ctx.staff(role));
});
afterAll(async () => ctx.close());

const messages = (lang: string): { field: Record<string, string>; types: Record<string, string> } =>
  JSON.parse(readFileSync(new URL(`../../locales/${lang}/errors.json`, import.meta.url), 'utf8')) as { field: Record<string, string>; types: Record<string, string> };

interface ProblemBody {
  type: string;
  status: number;
  errors?: { field: string; message: string }[];
}

function problemOf(res: LightMyRequestResponse, status: number, type: string): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json<ProblemBody>();
  expect(body.type).toBe(`/problems/${type}`);
  return body;
}

const controlMessage = messages('de').field['controlCharacter'];
const emptyChangeMessage = messages('de').field['emptyChange'];
const unsafe = (method: string): boolean => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
const concreteUrl = (pattern: string): string => pattern.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, () => randomUUID()).replace(/\*/g, 'x');
const routes = () => ctx.app.routeRules.filter((r) => r.method !== 'OPTIONS');

describe('control characters', () => {
  it.each([
    ['login email', null, 'POST', '/api/auth/login', { email: 'a\u0000@b.c', password: 'x' }, 'email'],
    ['login password', null, 'POST', '/api/auth/login', { email: 'a@b.c', password: 'pass\u0000word' }, 'password'],
    ['password-reset email', null, 'POST', '/api/auth/password-reset', { email: 'a\u0000@b.c' }, 'email'],
    ['organisation name', 'admin', 'POST', '/api/organisations', { kind: 'provider', name: 'Träger\u0000 e. V.' }, 'name'],
    ['region name', 'admin', 'POST', '/api/regions', { code: 'nulregion', name: 'Nord\u0000' }, 'name'],
    ['escape in a region name', 'admin', 'POST', '/api/regions', { code: 'escregion', name: 'Nord\u001b[31m' }, 'name'],
    ['DEL in a region name', 'admin', 'POST', '/api/regions', { code: 'delregion', name: 'Nord\u007f' }, 'name'],
  ] as const)('NUL or another control character in the %s → 400 naming the field', async (_what, who, method, url, payload, field) => {
    const res = await ctx.request(who === 'admin' ? admin : null, { method, url, payload });
    const body = problemOf(res, 400, 'validation');
    expect(body.errors).toEqual([{ field, message: controlMessage }]);
  });

  it('an unpaired surrogate in a JSON string → 400', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"email":"a\\ud800@b.c","password":"x"}', headers: { 'content-type': 'application/json' } });
    expect(problemOf(res, 400, 'validation').errors?.map((e) => e.field)).toEqual(['email']);
  });

  it('a nested field is named by its path', async () => {
    const res = await ctx.request(admin, { method: 'POST', url: '/api/regions', payload: { code: 'nested', name: 'x', extra: [{ deep: 'a\u0000' }] } });
    expect(problemOf(res, 400, 'validation').errors?.map((e) => e.field)).toEqual(['extra.0.deep']);
  });

  it('line breaks and tabs pass in a body (multi-line text), not in a URL', async () => {
    const ok = await ctx.request(admin, { method: 'POST', url: '/api/regions', payload: { code: 'mehrzeilig', name: 'Mehrzeilig', description: 'Zeile 1\nZeile 2\r\n\tEingerückt' } });
    expect(ok.statusCode, ok.body).toBe(201);
    const query = await ctx.request(admin, { method: 'GET', url: '/api/audit?limit=5%0A' });
    expect(problemOf(query, 400, 'validation').errors).toEqual([{ field: 'limit', message: controlMessage }]);
    const path = await ctx.request(admin, { method: 'GET', url: '/api/region-members/altstadt%00/memberships' });
    expect(problemOf(path, 400, 'validation').errors).toEqual([{ field: 'code', message: controlMessage }]);
  });

  it('a public page with NUL in its path or query answers 400, not a database error', async () => {
    problemOf(await ctx.request(null, { method: 'GET', url: '/de/appointments/%00' }), 400, 'validation');
    problemOf(await ctx.request(null, { method: 'GET', url: '/de/offices?district=%00' }), 400, 'validation');
  });

  it('every route refuses NUL in its query and body before its handler, for whoever may call it (no 5xx for anyone)', async () => {
    const uncovered: string[] = [];
    const failures: string[] = [];
    for (const rule of routes()) {
      let covered = false;
      for (const caller of callers) {
        const res = await ctx.request(caller, {
          method: rule.method,
          url: `${concreteUrl(rule.url)}?zz=%00`,
          ...(unsafe(rule.method) ? { payload: { zz: 'a\u0000' } } : {}),
        });
        if (res.statusCode >= 500) failures.push(`${rule.method} ${rule.url}: ${res.statusCode}`);
        if (res.statusCode === 400 && res.json<ProblemBody>().errors?.some((e) => e.field === 'zz' && e.message === controlMessage)) covered = true;
      }
      if (!covered) uncovered.push(`${rule.method} ${rule.url}`);
    }
    expect(failures).toEqual([]);
    expect(uncovered).toEqual([]);
  });
});

describe('empty changes', () => {
  it.each([['/api/regions/nord'], [`/api/service-agreements/${randomUUID()}`], [`/api/organisations/${randomUUID()}`]])('PATCH %s with {} → 400 naming no field to change', async (url) => {
    const body = problemOf(await ctx.request(admin, { method: 'PATCH', url, payload: {} }), 400, 'validation');
    expect(body.errors).toEqual([{ field: 'body', message: emptyChangeMessage }]);
  });

  it('a PATCH whose fields are all given still reaches its handler', async () => {
    const created = await ctx.request(admin, { method: 'POST', url: '/api/regions', payload: { code: 'leerlauf', name: 'Leerlauf' } });
    expect(created.statusCode, created.body).toBe(201);
    const res = await ctx.request(admin, { method: 'PATCH', url: '/api/regions/leerlauf', payload: { name: 'Leerlauf neu' } });
    expect(res.statusCode, res.body).toBeLessThan(300);
  });

  it('every PATCH route refuses an empty body with 400 for whoever may call it (no 5xx for anyone)', async () => {
    const patches = routes().filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/regions/:code', '/api/service-agreements/:id']));
    const uncovered: string[] = [];
    const failures: string[] = [];
    for (const rule of patches) {
      let covered = false;
      for (const caller of callers) {
        const res = await ctx.request(caller, { method: 'PATCH', url: concreteUrl(rule.url), payload: {} });
        if (res.statusCode >= 500) failures.push(`${rule.url}: ${res.statusCode}`);
        if (res.statusCode === 400 && res.json<ProblemBody>().errors?.some((e) => e.message === emptyChangeMessage)) covered = true;
      }
      if (!covered) uncovered.push(rule.url);
    }
    expect(failures).toEqual([]);
    expect(uncovered).toEqual([]);
  });
});

describe('charsets', () => {
  const login = JSON.stringify({ email: 'nobody@test.invalid', password: 'x' });

  it.each([['application/json; charset=latin1'], ['application/json; charset="ISO-8859-1"'], ['application/json;charset=windows-1252']])('a JSON body declared as %s → 415', async (type) => {
    problemOf(await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: login, headers: { 'content-type': type } }), 415, 'unsupported-media-type');
  });

  it('a form body declared in latin1 → 415', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'email=a%40b.c&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=latin1' } });
    problemOf(res, 415, 'unsupported-media-type');
  });

  it.each([['application/json'], ['application/json; charset=utf-8'], ['application/json; charset="UTF-8"'], ['application/json; charset=utf8']])('%s is read (the login answers, refusing the unknown account)', async (type) => {
    problemOf(await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: login, headers: { 'content-type': type } }), 401, 'invalid-credentials');
  });
});
