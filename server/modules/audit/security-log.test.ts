import { beforeAll, describe, expect, it } from 'vitest';
import { type Session } from '#test/context.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();

interface SecurityEventBody {
  id: number;
  kind: string;
  accountId: string | null;
  route: string | null;
  ip: string | null;
  [k: string]: unknown;
}
interface PageBody {
  events: SecurityEventBody[];
  nextBefore: number | null;
}

let address = 0;
async function failLogin(email: string): Promise<void> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'not the password at all' }, remoteAddress: `10.79.0.${++address}` });
  expect(res.statusCode).toBe(401);
}

async function events(session: Session | null, query = ''): Promise<PageBody> {
  const res = await ctx.request(session, { method: 'GET', url: `/api/security-events${query}` });
  expect(res.statusCode).toBe(200);
  return res.json<PageBody>();
}

describe('security log (GET /api/security-events)', () => {
  let cityAdmin: Session;
  let adminA: Session;
  let adminB: Session;
  let workerA: { id: string; email: string };
  let workerB: { id: string; email: string };

  beforeAll(async () => {
    cityAdmin = await ctx.staff('city_admin');
    const providerA = await ctx.organisation('provider');
    const providerB = await ctx.organisation('provider');
    adminA = await ctx.staff('provider_admin', providerA.id);
    adminB = await ctx.staff('provider_admin', providerB.id);
    workerA = await ctx.account(providerA.id, 'social_worker');
    workerB = await ctx.account(providerB.id, 'social_worker');
    await failLogin(workerA.email);
    await failLogin(workerB.email);
  });

  it("a provider admin sees its own organisation's failed logins, not another's, and no addresses", async () => {
    const a = await events(adminA);
    const failedA = a.events.filter((e) => e.kind === 'login.failed');
    expect(failedA.map((e) => e.accountId)).toEqual([workerA.id]);
    expect(failedA[0]).toMatchObject({ route: null, ip: null });
    expect(a.events.every((e) => e.ip === null)).toBe(true);
    expect(a.events.some((e) => e.accountId === workerB.id)).toBe(false);

    const b = await events(adminB);
    expect(b.events.filter((e) => e.kind === 'login.failed').map((e) => e.accountId)).toEqual([workerB.id]);
    expect(b.events.some((e) => e.accountId === workerA.id)).toBe(false);
  });

  it('the city admin sees both, newest first, with the address', async () => {
    const all = await events(cityAdmin);
    const failed = all.events.filter((e) => e.kind === 'login.failed' && (e.accountId === workerA.id || e.accountId === workerB.id));
    expect(failed.map((e) => e.accountId)).toEqual([workerB.id, workerA.id]);
    expect(failed.map((e) => e.ip)).toEqual(['10.79.0.2', '10.79.0.1']);
    expect(all.events.map((e) => e.id)).toEqual([...all.events.map((e) => e.id)].sort((x, y) => y - x));
  });

  it('pages back with before and limit', async () => {
    await failLogin('nobody@test.invalid');
    const first = await events(cityAdmin, '?limit=1');
    expect(first.events).toHaveLength(1);
    expect(first.events[0]).toMatchObject({ kind: 'login.failed', accountId: null });
    expect(first.nextBefore).toBe(first.events[0]?.id);
    const second = await events(cityAdmin, `?limit=1&before=${first.nextBefore}`);
    expect(second.events[0]?.accountId).toBe(workerB.id);
    // the event naming no organisation is the city's alone
    expect((await events(adminA)).events.some((e) => e.id === first.events[0]?.id)).toBe(false);
  });

  it('other roles are refused, without a session 401', async () => {
    const worker = await ctx.staff('social_worker');
    expect((await ctx.request(worker, { method: 'GET', url: '/api/security-events' })).statusCode).toBe(403);
    expect((await ctx.request(await ctx.staff('city_coordinator'), { method: 'GET', url: '/api/security-events' })).statusCode).toBe(403);
    expect((await ctx.request(null, { method: 'GET', url: '/api/security-events' })).statusCode).toBe(401);
    expect((await ctx.request(cityAdmin, { method: 'GET', url: '/api/security-events?limit=0' })).statusCode).toBe(400);
  });
});
