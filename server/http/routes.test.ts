import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '#server/modules/identity/roles.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import type { RouteRule } from './access.ts';

/**
 * Enumerates every registered route (the onRoute hook in app.ts collects them) and proves its
 * declared access rule is enforced: anonymous callers get 401 on anything not public, and a
 * staff member whose role is not listed gets 403. Routes that later domains add are covered
 * automatically.
 */

let ctx: TestContext;
let sessions: Map<Role, Session>;

beforeAll(async () => {
  ctx = await createTestContext({ web: true });
  sessions = new Map();
  for (const role of ROLES) sessions.set(role, await ctx.staff(role));
});
afterAll(async () => ctx.close());

/** A concrete URL for a route pattern: path params get a random uuid, wildcards 'x'. */
function concreteUrl(pattern: string): string {
  return pattern
    .replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, () => randomUUID())
    .replace(/\*/g, 'x');
}

const describeRule = (r: RouteRule): string => `${r.method} ${r.url}`;

function rules(): RouteRule[] {
  return ctx.app.routeRules.filter((r) => r.method !== 'OPTIONS');
}

describe('route access rules', () => {
  it('collects the registered routes, including the known ones', () => {
    const names = rules().map(describeRule);
    expect(names).toContain('GET /api/regions');
    expect(names).toContain('POST /api/regions');
    expect(names).toContain('POST /api/auth/login');
    expect(names).toContain('GET /healthz');
  });

  it('every route declares an access rule', () => {
    const missing = rules().filter((r) => r.access === undefined).map(describeRule);
    expect(missing).toEqual([]);
  });

  it('every declared role exists', () => {
    const unknown = rules()
      .flatMap((r) => (Array.isArray(r.access) ? r.access.filter((role) => !ROLES.includes(role)).map((role) => `${describeRule(r)}: ${role}`) : []));
    expect(unknown).toEqual([]);
  });

  it('refuses an anonymous caller on every non-public route with 401 problem+json, whatever the body', async () => {
    const guarded = rules().filter((r) => r.access !== 'public');
    expect(guarded.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const rule of guarded) {
      const url = concreteUrl(rule.url);
      const json = 'application/json';
      const bodies: { payload?: string; type?: string }[] =
        rule.method === 'GET' || rule.method === 'DELETE'
          ? [{}]
          : [{ payload: '{"x":', type: json }, { payload: '{}', type: json }, { payload: JSON.stringify({ email: 'a@b.c', password: 'p' }), type: json }, { payload: '<x/>', type: 'application/xml' }];
      for (const { payload, type: contentType } of bodies) {
        const res = await ctx.app.inject({
          method: rule.method as 'GET',
          url,
          ...(payload !== undefined ? { payload, headers: { 'content-type': contentType ?? json } } : {}),
        });
        const type = res.headers['content-type'] ?? '';
        const body = type.includes('json') ? res.json<{ type?: string }>() : {};
        if (res.statusCode !== 401 || !String(type).includes('application/problem+json') || body.type !== '/problems/unauthenticated') {
          wrong.push(`${describeRule(rule)} ${payload ?? ''} → ${res.statusCode} ${body.type ?? type}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a signed-in staff member whose role is not listed with 403, CSRF token sent', async () => {
    const restricted = rules().filter((r): r is RouteRule & { access: readonly Role[] } => Array.isArray(r.access));
    expect(restricted.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    let checked = 0;
    for (const rule of restricted) {
      for (const role of ROLES.filter((x) => !rule.access.includes(x))) {
        const session = sessions.get(role);
        if (!session) throw new Error(`no session for ${role}`);
        const res = await ctx.request(session, {
          method: rule.method,
          url: concreteUrl(rule.url),
          ...(rule.method === 'GET' || rule.method === 'DELETE' ? {} : { payload: {} }),
        });
        checked += 1;
        const body = res.json<{ type?: string }>();
        if (res.statusCode !== 403 || body.type !== '/problems/forbidden') wrong.push(`${describeRule(rule)} as ${role} → ${res.statusCode} ${body.type ?? ''}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('lets a listed role through the access check (the sessions are real)', async () => {
    const admin = sessions.get('city_admin');
    if (!admin) throw new Error('no city admin session');
    const res = await ctx.request(admin, { method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(200);
  });
});
