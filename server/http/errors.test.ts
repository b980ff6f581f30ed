import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

/** Errors leave as translated problem+json, never as a 500 or database text; headers and docs. */

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestContext({ web: true });
  admin = await ctx.staff('city_admin');
});
afterAll(async () => ctx.close());

const titles = (lang: string): Record<string, string> =>
  (JSON.parse(readFileSync(new URL(`../../locales/${lang}/errors.json`, import.meta.url), 'utf8')) as { types: Record<string, string> }).types;

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  errors?: { field: string; message: string }[];
}

const DATABASE_WORDS = /sql|relation|postgres|pglite|syntax error|column|constraint|duplicate key|drizzle|stack/i;

function expectProblem(res: LightMyRequestResponse, status: number, type: string): ProblemBody {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json<ProblemBody>();
  expect(body.type).toBe(`/problems/${type}`);
  expect(body.status).toBe(status);
  expect(res.body).not.toMatch(DATABASE_WORDS);
  return body;
}

describe('malformed requests', () => {
  it('malformed JSON → 400 malformed-request', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"email": "a@b.c", ', headers: { 'content-type': 'application/json' } });
    expectProblem(res, 400, 'malformed-request');
  });

  it('malformed JSON from a signed-in admin on a protected route → 400 as well', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/regions',
      payload: '{"code": ',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expectProblem(res, 400, 'malformed-request');
  });

  it('an unknown field → 400 validation naming the field', async () => {
    const res = await ctx.request(admin, { method: 'POST', url: '/api/regions', payload: { code: 'neu', name: 'Neu', colour: 'blue' } });
    const body = expectProblem(res, 400, 'validation');
    expect(body.errors?.map((e) => e.field)).toEqual(['colour']);
    expect(body.errors?.[0]?.message).toBeTruthy();
    const login = await ctx.request(null, { method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.c', password: 'x', remember: true } });
    expect(expectProblem(login, 400, 'validation').errors?.map((e) => e.field)).toEqual(['remember']);
  });

  it('a body over 1 MB → 413 payload-too-large', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024 + 10) }),
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 413, 'payload-too-large');
  });

  it('a content type the route does not take → 415', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: '<login/>', headers: { 'content-type': 'application/xml' } });
    expectProblem(res, 415, 'unsupported-media-type');
  });

  it('an unknown /api route → 404 problem+json, for any method', async () => {
    expectProblem(await ctx.request(null, { method: 'GET', url: '/api/no-such-thing' }), 404, 'not-found');
    expectProblem(await ctx.request(admin, { method: 'POST', url: '/api/no-such-thing', payload: {} }), 404, 'not-found');
  });

  it('a malformed path parameter never reaches the database as an error', async () => {
    const res = await ctx.request(admin, { method: 'PUT', url: "/api/region-members/'%3B drop table account;--/region", payload: { regionCode: 'sued', validFrom: '2024-01-01' } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toMatch(DATABASE_WORDS);
  });
});

describe('errors before a handler runs', () => {
  it('a broken percent-escape in the URL → 400 problem+json with the security headers, under /api and on pages', async () => {
    for (const url of ['/api/regions/%E0%A4%A', '/de/offices/%zz', '/app/assets/%E0%A4%A']) {
      const res = await ctx.request(null, { method: 'GET', url, headers: { 'accept-language': 'en' } });
      const body = expectProblem(res, 400, 'malformed-request');
      // A public page speaks the language of its URL, the API the caller's.
      expect(body.title).toBe(titles(url.startsWith('/de/') ? 'de' : 'en')['malformed-request']);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('a Content-Length that does not match the body → 400 malformed-request', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ email: 'a@b.c', password: 'x' }),
      headers: { 'content-type': 'application/json', 'content-length': '5' },
    });
    expectProblem(res, 400, 'malformed-request');
  });

  it('a request Node cannot parse (Content-Length no number) → 400 problem+json on the wire', async () => {
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}');
      });
      let data = '';
      socket.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
    const problem = JSON.parse(body) as { type: string; status: number; title: string };
    expect(problem).toEqual({ type: '/problems/malformed-request', status: 400, title: titles('de')['malformed-request'] });
  });

  it('a missing file under /app/assets/ → 404 problem+json', async () => {
    expectProblem(await ctx.request(null, { method: 'GET', url: '/app/assets/no-such-file.js' }), 404, 'not-found');
  });
});

describe('translated titles', () => {
  it('Accept-Language: en gives English, de German, for the same problem', async () => {
    const en = expectProblem(await ctx.request(null, { method: 'GET', url: '/api/no-such-thing', headers: { 'accept-language': 'en' } }), 404, 'not-found');
    const de = expectProblem(await ctx.request(null, { method: 'GET', url: '/api/no-such-thing', headers: { 'accept-language': 'de-DE,de;q=0.9' } }), 404, 'not-found');
    expect(en.title).toBe(titles('en')['not-found']);
    expect(de.title).toBe(titles('de')['not-found']);
    expect(en.title).not.toBe(de.title);
  });

  it('field messages are translated too', async () => {
    // Anonymous: a signed-in member of staff gets the language of their own preference.
    const en = await ctx.request(null, { method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.c', password: 'x', colour: 1 }, headers: { 'accept-language': 'en' } });
    const enBody = expectProblem(en, 400, 'validation');
    expect(enBody.title).toBe(titles('en')['validation']);
    const de = await ctx.request(null, { method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.c', password: 'x', colour: 1 }, headers: { 'accept-language': 'de' } });
    const deBody = expectProblem(de, 400, 'validation');
    expect(deBody.title).toBe(titles('de')['validation']);
    expect(enBody.errors?.[0]?.message).not.toBe(deBody.errors?.[0]?.message);
  });
});

describe('security headers', () => {
  const expectHeaders = (res: LightMyRequestResponse): void => {
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBeTruthy();
  };

  it('are sent on API responses, errors included', async () => {
    expectHeaders(await ctx.request(null, { method: 'GET', url: '/api/regions' }));
    expectHeaders(await ctx.request(null, { method: 'GET', url: '/api/no-such-thing' }));
    expectHeaders(await ctx.request(null, { method: 'GET', url: '/api/audit' }));
  });

  it('are sent on pages', async () => {
    for (const url of ['/', '/de/', '/app/']) expectHeaders(await ctx.request(null, { method: 'GET', url }));
  });

  it('the API CSP allows no inline script', async () => {
    const csp = String((await ctx.request(null, { method: 'GET', url: '/api/regions' })).headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });
});

describe('operations', () => {
  it('GET /healthz answers {"status":"ok"}', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/openapi.json is an OpenAPI 3.1 document with the routes', async () => {
    const res = await ctx.request(null, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/regions', '/api/auth/login']));
  });

  it('GET /api/openapi.json passes an independent OpenAPI 3.1 validator', async () => {
    const doc = (await ctx.request(null, { method: 'GET', url: '/api/openapi.json' })).json<Record<string, unknown>>();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('every operation has a summary, a unique operation id and its problem+json answers', async () => {
    const doc = (await ctx.request(null, { method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { summary?: string; operationId?: string; responses: Record<string, { $ref?: string }>; parameters?: { in: string; name: string }[] }>>;
      components: { responses: Record<string, { content: Record<string, unknown> }> };
    }>();
    const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.filter((o) => !o.op.summary).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of ops) {
      for (const status of ['400', '500']) expect(op.responses[status], `${method} ${path} ${status}`).toBeDefined();
      for (const answer of Object.entries(op.responses).filter(([status]) => Number(status) >= 400).map(([, a]) => a)) {
        expect(answer.$ref).toMatch(/^#\/components\/responses\//);
        expect(Object.keys(doc.components.responses[answer.$ref!.split('/').pop()!]!.content)).toEqual(['application/problem+json']);
      }
    }
    const op = (method: string, path: string) => doc.paths[path]![method]!;
    expect(Object.keys(op('post', '/api/auth/login').responses)).toEqual(expect.arrayContaining(['400', '403', '413', '415', '429']));
    expect(Object.keys(op('post', '/api/auth/login').responses)).not.toContain('401');
    expect(Object.keys(op('patch', '/api/regions/{code}').responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '415']));
    expect(op('patch', '/api/regions/{code}').operationId).toBe('patchRegionsByCode');
    expect(op('patch', '/api/regions/{code}').parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:code', 'header:x-csrf-token']));
    expect(Object.keys(op('get', '/api/regions').responses)).not.toContain('401');
    expect(op('get', '/api/auth/oidc/callback').parameters?.map((p) => p.name)).toEqual(['code', 'state', 'iss', 'error', 'error_description']);
  });

  it('GET /api/docs answers HTML', async () => {
    let res = await ctx.request(null, { method: 'GET', url: '/api/docs' });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
      const location = String(res.headers['location']);
      res = await ctx.request(null, { method: 'GET', url: location.startsWith('/') ? location : `/api/docs/${location.replace(/^\.\//, '')}` });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html');
  });
});
