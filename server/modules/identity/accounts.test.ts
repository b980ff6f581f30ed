import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEntry } from '#server/modules/audit/audit.schema.ts';
import { type Session } from '#test/context.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();

interface AccountBody {
  id: string;
  organisationId: string;
  email: string;
  role: string;
  disabledAt: string | null;
  lockedUntil: string | null;
  passwordSet: boolean;
  [k: string]: unknown;
}

async function auditActions(recordId: string): Promise<string[]> {
  const rows = await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, (tx) =>
    tx.select({ action: auditEntry.action, ids: auditEntry.recordIds }).from(auditEntry).where(eq(auditEntry.recordType, 'account')),
  );
  return rows.filter((r) => r.ids.includes(recordId)).map((r) => r.action);
}

describe('organisations (city_admin)', () => {
  it('creates, renames, requires a second factor, archives; others may not', async () => {
    const admin = await ctx.staff('city_admin');
    const created = await ctx.request(admin, { method: 'POST', url: '/api/organisations', payload: { kind: 'provider', name: 'Caritas Dresden' } });
    expect(created.statusCode).toBe(201);
    const org = created.json<{ id: string; kind: string; requireTotp: boolean; archivedAt: string | null }>();
    expect(org).toMatchObject({ kind: 'provider', name: 'Caritas Dresden', requireTotp: false, archivedAt: null });

    const renamed = await ctx.request(admin, { method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { name: 'Caritasverband Dresden', requireTotp: true } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Caritasverband Dresden', requireTotp: true });

    const list = await ctx.request(admin, { method: 'GET', url: '/api/organisations' });
    expect(list.json<{ id: string }[]>().map((o) => o.id)).toContain(org.id);

    const worker = await ctx.staff('social_worker', org.id);
    const archived = await ctx.request(admin, { method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { archived: true } });
    expect(archived.json<{ archivedAt: string | null }>().archivedAt).not.toBeNull();
    // the archived organisation's staff are logged out and cannot log in
    expect((await ctx.request(worker, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const afterList = await ctx.request(admin, { method: 'GET', url: '/api/organisations' });
    expect(afterList.json<{ id: string }[]>().map((o) => o.id)).not.toContain(org.id);
    const withArchived = await ctx.request(admin, { method: 'GET', url: '/api/organisations?archived=include' });
    expect(withArchived.json<{ id: string }[]>().map((o) => o.id)).toContain(org.id);

    const own = await ctx.request(admin, { method: 'PATCH', url: `/api/organisations/${admin.organisationId}`, payload: { archived: true } });
    expect(own.statusCode).toBe(400);

    const providerAdmin = await ctx.staff('provider_admin');
    expect((await ctx.request(providerAdmin, { method: 'GET', url: '/api/organisations' })).statusCode).toBe(403);
    expect((await ctx.request(providerAdmin, { method: 'POST', url: '/api/organisations', payload: { kind: 'city', name: 'x' } })).statusCode).toBe(403);
    const missing = await ctx.request(admin, { method: 'PATCH', url: '/api/organisations/00000000-0000-4000-8000-000000000000', payload: { name: 'x' } });
    expect(missing.statusCode).toBe(404);
  });
});

describe('accounts', () => {
  let cityAdmin: Session;
  let providerA: { id: string };
  let providerB: { id: string };
  let adminA: Session;
  let workerB: { id: string; email: string };

  beforeAll(async () => {
    cityAdmin = await ctx.staff('city_admin');
    providerA = await ctx.organisation('provider');
    providerB = await ctx.organisation('provider');
    adminA = await ctx.staff('provider_admin', providerA.id);
    workerB = await ctx.account(providerB.id, 'social_worker');
  });

  it('provider_admin lists its own organisation only, audited with the ids shown, never secrets', async () => {
    const worker = await ctx.account(providerA.id, 'social_worker');
    const res = await ctx.request(adminA, { method: 'GET', url: '/api/accounts' });
    expect(res.statusCode).toBe(200);
    const list = res.json<AccountBody[]>();
    expect(list.map((a) => a.id).sort()).toEqual([adminA.accountId, worker.id].sort());
    expect(res.body).not.toMatch(/passwordHash|totpSecret|oidcSubject|argon2/);

    const [entry] = await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, (tx) =>
      tx.select().from(auditEntry).where(and(eq(auditEntry.action, 'account.list'), eq(auditEntry.actorAccountId, adminA.accountId))),
    );
    expect(entry?.recordIds.slice().sort()).toEqual([adminA.accountId, worker.id].sort());

    const other = await ctx.request(adminA, { method: 'GET', url: `/api/accounts?organisationId=${providerB.id}` });
    expect(other.statusCode).toBe(404);
  });

  it('another tenant\'s account answers 404 to a provider_admin, for reads and writes', async () => {
    const get = await ctx.request(adminA, { method: 'GET', url: `/api/accounts/${workerB.id}` });
    expect(get.statusCode).toBe(404);
    const patch = await ctx.request(adminA, { method: 'PATCH', url: `/api/accounts/${workerB.id}`, payload: { disabled: true } });
    expect(patch.statusCode).toBe(404);
    const create = await ctx.request(adminA, { method: 'POST', url: '/api/accounts', payload: { organisationId: providerB.id, email: 'x@test.invalid', displayName: 'X', role: 'social_worker', password: 'a long enough password' } });
    expect(create.statusCode).toBe(404);
    // and the city admin reaches it
    const city = await ctx.request(cityAdmin, { method: 'GET', url: `/api/accounts/${workerB.id}` });
    expect(city.statusCode).toBe(200);
    expect(city.json<AccountBody>().email).toBe(workerB.email);
  });

  it('roles must fit the organisation kind; nobody else may administer accounts', async () => {
    const wrong = await ctx.request(adminA, { method: 'POST', url: '/api/accounts', payload: { email: 'boss@test.invalid', displayName: 'Boss', role: 'city_admin', password: 'a long enough password' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['role']);
    const cityWrong = await ctx.request(cityAdmin, { method: 'POST', url: '/api/accounts', payload: { organisationId: providerB.id, email: 'eval@test.invalid', displayName: 'E', role: 'evaluator', password: 'a long enough password' } });
    expect(cityWrong.statusCode).toBe(400);
    const short = await ctx.request(adminA, { method: 'POST', url: '/api/accounts', payload: { email: 'short@test.invalid', displayName: 'S', role: 'social_worker', password: 'too short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['password']);

    const worker = await ctx.staff('social_worker', providerA.id);
    expect((await ctx.request(worker, { method: 'GET', url: '/api/accounts' })).statusCode).toBe(403);
    const coordinator = await ctx.staff('city_coordinator');
    expect((await ctx.request(coordinator, { method: 'GET', url: '/api/accounts' })).statusCode).toBe(403);
  });

  it('creates with a password (can log in) and changes role, disables and enables, audited', async () => {
    const created = await ctx.request(adminA, { method: 'POST', url: '/api/accounts', payload: { email: 'New.Worker@Test.invalid', displayName: 'New Worker', role: 'social_worker', password: 'a long enough password' } });
    expect(created.statusCode).toBe(201);
    const acc = created.json<AccountBody>();
    expect(acc).toMatchObject({ email: 'new.worker@test.invalid', role: 'social_worker', organisationId: providerA.id, passwordSet: true });
    const dup = await ctx.request(adminA, { method: 'POST', url: '/api/accounts', payload: { email: 'new.worker@test.invalid', displayName: 'Again', role: 'social_worker', password: 'a long enough password' } });
    expect(dup.statusCode).toBe(409);

    const session = await ctx.login('new.worker@test.invalid', 'a long enough password');
    const promoted = await ctx.request(adminA, { method: 'PATCH', url: `/api/accounts/${acc.id}`, payload: { role: 'provider_admin', displayName: 'Team Lead' } });
    expect(promoted.json<AccountBody>()).toMatchObject({ role: 'provider_admin', displayName: 'Team Lead' });
    // a new role takes effect at once: the old session is gone
    expect((await ctx.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const badRole = await ctx.request(adminA, { method: 'PATCH', url: `/api/accounts/${acc.id}`, payload: { role: 'evaluator' } });
    expect(badRole.statusCode).toBe(400);

    const disabled = await ctx.request(adminA, { method: 'PATCH', url: `/api/accounts/${acc.id}`, payload: { disabled: true } });
    expect(disabled.json<AccountBody>().disabledAt).not.toBeNull();
    await expect(ctx.login('new.worker@test.invalid', 'a long enough password')).rejects.toThrow(/401/);
    const enabled = await ctx.request(adminA, { method: 'PATCH', url: `/api/accounts/${acc.id}`, payload: { disabled: false } });
    expect(enabled.json<AccountBody>().disabledAt).toBeNull();
    await ctx.login('new.worker@test.invalid', 'a long enough password');

    expect(await auditActions(acc.id)).toEqual(expect.arrayContaining(['account.create', 'account.update', 'account.disable', 'account.enable']));
  });

  it('an admin cannot demote or disable itself', async () => {
    const demote = await ctx.request(adminA, { method: 'PATCH', url: `/api/accounts/${adminA.accountId}`, payload: { role: 'social_worker' } });
    expect(demote.statusCode).toBe(400);
    const disable = await ctx.request(adminA, { method: 'PATCH', url: `/api/accounts/${adminA.accountId}`, payload: { disabled: true } });
    expect(disable.statusCode).toBe(400);
  });

  it('resets a lockout', async () => {
    const acc = await ctx.account(providerA.id, 'social_worker');
    for (let i = 0; i < 5; i++) {
      await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: acc.email, password: 'wrong password!' }, remoteAddress: '10.99.0.1' });
    }
    const locked = await ctx.request(adminA, { method: 'GET', url: `/api/accounts/${acc.id}` });
    expect(locked.json<AccountBody>().lockedUntil).not.toBeNull();
    await expect(ctx.login(acc.email)).rejects.toThrow(/401/);
    const unlocked = await ctx.request(adminA, { method: 'PATCH', url: `/api/accounts/${acc.id}`, payload: { unlock: true } });
    expect(unlocked.json<AccountBody>().lockedUntil).toBeNull();
    await ctx.login(acc.email);
    expect(await auditActions(acc.id)).toContain('account.unlock');
  });

  it('city_admin creates a provider account by invitation: the mail link sets the password', async () => {
    const res = await ctx.request(cityAdmin, { method: 'POST', url: '/api/accounts', payload: { organisationId: providerB.id, email: 'invited@test.invalid', displayName: 'Invited Person', role: 'provider_admin', locale: 'en' } });
    expect(res.statusCode).toBe(201);
    expect(res.json<AccountBody>().passwordSet).toBe(false);
    const mail = ctx.deps.mailer.sent.find((m) => m.to === 'invited@test.invalid');
    expect(mail?.subject).toBe('Lotse: your new account');
    const token = /reset-password\?token=([\w%-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeDefined();
    await expect(ctx.login('invited@test.invalid', 'my chosen password')).rejects.toThrow(/401/);
    const set = await ctx.request(null, { method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token: decodeURIComponent(token ?? ''), password: 'my chosen password' } });
    expect(set.statusCode).toBe(204);
    const s = await ctx.login('invited@test.invalid', 'my chosen password');
    expect(s.organisationId).toBe(providerB.id);

    const listed = await ctx.request(cityAdmin, { method: 'GET', url: `/api/accounts?organisationId=${providerB.id}` });
    expect(listed.json<AccountBody[]>().map((a) => a.email)).toEqual(expect.arrayContaining(['invited@test.invalid', workerB.email]));
  });
});
