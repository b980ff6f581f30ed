import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '#server/app.ts';
import { loadConfig, type Config } from '#server/config.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { createKeyRing } from '#server/keyring.ts';
import type { Mail, Mailer } from '#server/mail.ts';
import { insertAccount, insertOrganisation } from '#server/modules/identity/identity.queries.ts';
import { hashPassword } from '#server/modules/identity/passwords.ts';
import type { Role } from '#server/modules/identity/roles.ts';
import { testDatabase, type TestDatabase } from './db.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Mail to the outside world, caught in memory and, when given, also sent on (a test's own SMTP server). */
export function memoryMailer(forward?: Mailer): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    sent,
    send: async (mail) => {
      sent.push(mail);
      if (forward) await forward.send(mail);
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ LOTSE_SECRET_KEYS: randomBytes(32).toString('base64'), DATABASE_URL: 'postgres://unused/unused', LOTSE_DEMO: '0' });
  return { ...base, ...overrides };
}

export interface Session {
  cookie: string;
  csrf: string;
  accountId: string;
  organisationId: string;
}

export interface TestContext {
  database: TestDatabase;
  deps: Deps & { mailer: ReturnType<typeof memoryMailer> };
  app: App;
  /** Moves the server's clock. */
  clock: { now: Date; advance: (ms: number) => void };
  organisation: (kind: 'city' | 'provider', name?: string) => Promise<{ id: string; name: string }>;
  account: (organisationId: string, role: Role, opts?: { email?: string; password?: string }) => Promise<{ id: string; email: string }>;
  login: (email: string, password?: string) => Promise<Session>;
  /** A new organisation with one account in the role, logged in. */
  staff: (role: Role, organisationId?: string) => Promise<Session & { email: string }>;
  request: (session: Session | null, opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

let counter = 0;
const unique = (): string => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export async function createTestContext(opts: { config?: Partial<Config>; web?: boolean; mailer?: Mailer } = {}): Promise<TestContext> {
  const database = await testDatabase();
  const config = testConfig(opts.config);
  const clock = { now: new Date(), advance: (ms: number) => void (clock.now = new Date(clock.now.getTime() + ms)) };
  const deps = { db: database.db, config, mailer: memoryMailer(opts.mailer), keys: createKeyRing(config.secretKeys), now: () => clock.now };
  const app = await buildApp(deps, { web: opts.web ?? false });
  const passwordHash = await hashPassword(TEST_PASSWORD);

  const ctx: TestContext = {
    database,
    deps,
    app,
    clock,
    async organisation(kind, name) {
      const row = await database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, (tx) => insertOrganisation(tx, { kind, name: name ?? `${kind} ${unique()}` }));
      return { id: row.id, name: row.name };
    },
    async account(organisationId, role, o = {}) {
      const email = o.email ?? `${role}.${unique()}@test.invalid`;
      const hash = o.password ? await hashPassword(o.password) : passwordHash;
      const row = await database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, (tx) =>
        insertAccount(tx, { organisationId, email, role, displayName: `Test ${role}`, passwordHash: hash }),
      );
      return { id: row.id, email: row.email };
    },
    async login(email, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: `10.${counter % 250}.0.${(counter++ % 250) + 1}` });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'lotse_session');
      const body = res.json<{ me: { csrfToken: string; id: string; organisation: { id: string } } }>();
      if (!cookie) throw new Error('no session cookie');
      return { cookie: `lotse_session=${cookie.value}`, csrf: body.me.csrfToken, accountId: body.me.id, organisationId: body.me.organisation.id };
    },
    async staff(role, organisationId) {
      const kind = role === 'provider_admin' || role === 'social_worker' ? 'provider' : 'city';
      const orgId = organisationId ?? (await ctx.organisation(kind)).id;
      const acc = await ctx.account(orgId, role);
      return { ...(await ctx.login(acc.email)), email: acc.email };
    },
    async request(session, r) {
      return app.inject({
        method: r.method as 'GET',
        url: r.url,
        ...(r.payload !== undefined ? { payload: r.payload as object } : {}),
        headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...r.headers },
      });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return ctx;
}
