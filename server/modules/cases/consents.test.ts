import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consent, ConsentList } from '#contracts/consents.ts';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { tenantTableFacts } from '#test/rls.ts';
import { consentCoversPerson } from './cases.public.ts';
import { familyBody, providerWithFamily } from './cases.fixture.ts';

interface Household { id: string; members: { id: string }[] }
type Problem = { type: string; errors?: { field: string; message: string }[]; current?: Consent };

let ctx: TestContext;
let nord = '';
let worker: Session;
let colleague: Session;
let family: Household;
let otherFamily: Household;

const member = (i: number): string => family.members[i]?.id ?? '';
const verbal = (overrides: Record<string, unknown> = {}) => ({ personId: member(0), purpose: 'referral', recipientKind: 'partner', recipient: 'Jobcenter Dresden', givenOn: '2026-11-20', method: 'verbal_witnessed', witnessName: 'Samira Haddad (Dolmetscherin)', ...overrides });
const post = (session: Session, body: unknown, householdId = family.id) => ctx.request(session, { method: 'POST', url: `/api/households/${householdId}/consents`, payload: body });
const list = (session: Session, householdId = family.id) => ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/consents` });
const withdraw = (session: Session, id: string, version: number) => ctx.request(session, { method: 'POST', url: `/api/consents/${id}/withdraw`, payload: { version } });
const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  ({ nord, worker, colleague, family } = await providerWithFamily<Household>(ctx));
  const other = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody({ quarterCode: '12' }), confirmNotDuplicate: true } });
  expect(other.statusCode, other.body).toBe(201);
  otherFamily = other.json<Household>();
});
afterAll(async () => ctx.close());

describe('consents', () => {
  it('records a verbal consent with its witness and a signed one with an end, each valid today', async () => {
    const spoken = await post(worker, verbal());
    expect(spoken.statusCode, spoken.body).toBe(201);
    expect(spoken.json<Consent>()).toMatchObject({ personId: member(0), personName: 'Mohammed Al-Hassan', purpose: 'referral', recipientKind: 'partner', recipient: 'Jobcenter Dresden', givenOn: '2026-11-20', method: 'verbal_witnessed', witnessName: 'Samira Haddad (Dolmetscherin)', validUntil: null, state: 'valid', withdrawnAt: null, version: 1 });
    expect(spoken.json<Consent>().recordedBy?.id).toBe(worker.accountId);
    const paper = await post(worker, { personId: member(1), purpose: 'transfer', recipientKind: 'receiving_provider', recipient: '  Süd gGmbH ', givenOn: '2026-12-01', method: 'signed_paper', validUntil: '2027-05-31' });
    expect(paper.statusCode, paper.body).toBe(201);
    expect(paper.json<Consent>()).toMatchObject({ recipient: 'Süd gGmbH', witnessName: '', validUntil: '2027-05-31', state: 'valid' });
  });

  it('answers every field error at once, translated: recipient, witness, a day ahead, an end before the start, a person of another household', async () => {
    const res = await post(worker, verbal({ personId: otherFamily.members[0]?.id, recipient: ' ', witnessName: '', givenOn: '2026-12-02', validUntil: '2026-11-30' }));
    expect(res.statusCode).toBe(400);
    const problem = res.json<Problem>();
    expect(problem.type).toBe('/problems/validation');
    expect(problem.errors?.map((e) => e.field)).toEqual(['personId', 'recipient', 'witnessName', 'givenOn', 'validUntil']);
    expect(problem.errors?.find((e) => e.field === 'witnessName')?.message).toBe('Bei einer mündlichen Einwilligung nennen Sie bitte die Zeugin oder den Zeugen.');
    expect(problem.errors?.find((e) => e.field === 'validUntil')?.message).toBe('„Gültig bis“ darf nicht vor dem Tag der Einwilligung liegen.');
    const paperWitness = await post(worker, verbal({ method: 'signed_paper' }));
    expect(paperWitness.json<Problem>().errors?.map((e) => e.field)).toEqual(['witnessName']);
    const unknown = await post(worker, verbal({ purpose: 'marketing', extra: true }));
    expect(unknown.statusCode).toBe(400);
  });

  it('lists per person (head first), with the state today: valid, expired after its last day, withdrawn; the view is audited with the ids shown', async () => {
    const lapsed = await post(worker, verbal({ personId: member(0), purpose: 'exchange', recipient: 'Kita Sonnenschein', givenOn: '2026-10-01', validUntil: '2026-11-30' }));
    expect(lapsed.json<Consent>().state).toBe('expired');
    const res = await list(colleague);
    expect(res.statusCode).toBe(200);
    const body = res.json<ConsentList>();
    expect(body.consents.map((c) => [c.personId, c.recipient, c.state])).toEqual([
      [member(0), 'Jobcenter Dresden', 'valid'],
      [member(0), 'Kita Sonnenschein', 'expired'],
      [member(1), 'Süd gGmbH', 'valid'],
    ]);
    expect(body.permittedActions).toEqual(['consent.read', 'consent.record', 'consent.withdraw']);
    expect(body.people.map((p) => p.id)).toEqual(family.members.map((m) => m.id));
    const [audit] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} and action like 'consent.%' order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'consent.list', record_ids: [family.id, ...body.consents.map((c) => c.id)] });
  });

  it('withdraws at once: the consent no longer covers; a second click answers it as it is; a wrong version answers 409 with the current one', async () => {
    const c = (await list(worker)).json<ConsentList>().consents[0];
    if (!c) throw new Error('no consent');
    const question = { personId: member(0), purpose: 'referral', recipient: { kind: 'partner', name: 'jobcenter dresden' }, at: ctx.clock.now } as const;
    const scope = { kind: 'tenant', organisationId: nord } as const;
    expect((await ctx.database.db.transaction(scope, (tx) => consentCoversPerson(tx, question))).covers).toBe(true);

    const stale = await withdraw(worker, c.id, 7);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().current).toMatchObject({ id: c.id, state: 'valid', version: 1 });

    ctx.clock.now = new Date('2026-12-01T10:05:00Z');
    const done = await withdraw(worker, c.id, 1);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Consent>()).toMatchObject({ state: 'withdrawn', withdrawnAt: '2026-12-01T10:05:00.000Z', withdrawnBy: { id: worker.accountId }, version: 2 });
    const again = await withdraw(colleague, c.id, 1);
    expect([again.statusCode, again.json<Consent>().withdrawnAt, again.json<Consent>().withdrawnBy?.id]).toEqual([200, '2026-12-01T10:05:00.000Z', worker.accountId]);

    const answer = await ctx.database.db.transaction(scope, (tx) => consentCoversPerson(tx, { ...question, at: ctx.clock.now }));
    expect(answer).toEqual({ covers: false, gap: 'withdrawn', missing: { personId: member(0), purpose: 'referral', recipient: { kind: 'partner', name: 'jobcenter dresden' } } });
    // Before the withdrawal it covered (the history stays answerable).
    expect((await ctx.database.db.transaction(scope, (tx) => consentCoversPerson(tx, { ...question, at: new Date('2026-12-01T10:00:00Z') }))).covers).toBe(true);
    const audits = await owner<{ action: string }>(sql`select action from audit_entry where organisation_id = ${nord} and action in ('consent.withdraw', 'consent.read') order by seq`);
    expect(audits.map((a) => a.action)).toEqual(['consent.withdraw', 'consent.read']);
  });

  it('keeps a closed case file\'s consents readable and withdrawable, but records no new one there', async () => {
    const [file] = await owner<{ id: string; version: number }>(sql`select id, version from case_file where household_id = ${otherFamily.id}`);
    const closed = await ctx.request(worker, { method: 'POST', url: `/api/case-files/${file?.id ?? ''}/close`, payload: { reason: 'Umzug', version: file?.version ?? 1 } });
    expect(closed.statusCode, closed.body).toBe(200);
    const body = (await list(worker, otherFamily.id)).json<ConsentList>();
    expect(body.permittedActions).toEqual(['consent.read', 'consent.withdraw']);
    expect((await post(worker, verbal({ personId: otherFamily.members[0]?.id }), otherFamily.id)).statusCode).toBe(409);
  });
});

describe('consents: who may see them', () => {
  it('answers 404 to another provider\'s staff, for the list, a new consent and a withdrawal, exactly as for an unknown household', async () => {
    const [any] = await owner<{ id: string }>(sql`select id from consent where withdrawn_at is null limit 1`);
    const sued = await ctx.staff('social_worker', (await ctx.organisation('provider', 'Süd gGmbH')).id);
    const suedAdmin = await ctx.staff('provider_admin');
    for (const outsider of [sued, suedAdmin]) {
      expect((await list(outsider)).statusCode).toBe(404);
      expect((await post(outsider, verbal())).statusCode).toBe(404);
      expect((await withdraw(outsider, any?.id ?? '', 1)).statusCode).toBe(404);
    }
    const unknown = await list(sued, '00000000-0000-4000-8000-000000000000');
    expect([unknown.statusCode, unknown.json<Problem>().type]).toEqual([404, '/problems/not-found']);
    const [still] = await owner<{ withdrawn_at: Date | null }>(sql`select withdrawn_at from consent where id = ${any?.id ?? ''}`);
    expect(still?.withdrawn_at).toBeNull();
  });

  it('answers 403 to city staff and evaluators (consents never reach the city)', async () => {
    for (const role of ['city_coordinator', 'city_admin', 'evaluator'] as const) {
      const session = await ctx.staff(role);
      expect([role, (await list(session)).statusCode]).toEqual([role, 403]);
      expect([role, (await post(session, verbal())).statusCode]).toEqual([role, 403]);
    }
  });

  it('has RLS enabled and FORCE-d; another provider and the city scope read no row', async () => {
    expect(await tenantTableFacts(ctx, 'consent', nord)).toEqual({ rls: true, forced: true, foreign: { tenant: 0, city: 0, public: 0 }, own: 3, appDeletes: false });
  });

  it('refuses in the database a consent naming another provider\'s household, a person of another household, or a verbal one without witness', async () => {
    const other = (await ctx.organisation('provider')).id;
    const insert = (org: string, householdId: string, personId: string, witness = 'Zeuge') =>
      owner(sql`insert into consent (organisation_id, household_id, person_id, purpose, recipient_kind, recipient, given_on, method, witness_name) values (${org}, ${householdId}, ${personId}, 'referral', 'partner', 'AWO', '2026-11-01', 'verbal_witnessed', ${witness})`).then(() => 'inserted', () => 'refused');
    expect(await insert(other, family.id, member(0))).toBe('refused');
    expect(await insert(nord, family.id, otherFamily.members[0]?.id ?? '')).toBe('refused');
    expect(await insert(nord, family.id, member(0), '')).toBe('refused');
    expect(await insert(nord, family.id, member(0))).toBe('inserted');
    await owner(sql`delete from consent where recipient = 'AWO'`);
  });

  it('lets the application record and withdraw but never delete a consent', async () => {
    const [grant] = await owner<{ del: boolean; upd: boolean }>(sql`select has_table_privilege('lotse_app', 'consent', 'DELETE') as del, has_table_privilege('lotse_app', 'consent', 'UPDATE') as upd`);
    expect(grant).toEqual({ del: false, upd: true });
    const tenant = { kind: 'tenant', organisationId: nord } as const;
    const [who] = await ctx.database.db.transaction(tenant, (tx) => queryRows<{ role: string }>(tx, sql`select current_user as role`));
    // On PostgreSQL the transaction runs as lotse_app and is refused; PGlite runs as the owner (the grant above is what holds).
    if (who?.role === 'lotse_app') {
      const attempt = await ctx.database.db.transaction(tenant, (tx) => queryRows(tx, sql`delete from consent returning id`)).then((rows) => rows.length, () => 'refused');
      expect(attempt).toBe('refused');
    }
    const [left] = await owner<{ n: number }>(sql`select count(*)::int as n from consent where organisation_id = ${nord}`);
    expect(left?.n).toBe(3);
  });

  it('stores what was agreed and nothing more; the audit log holds ids and action names only', async () => {
    const [row] = await owner<Record<string, unknown>>(sql`select * from consent where organisation_id = ${nord} limit 1`);
    expect(Object.keys(row ?? {}).sort()).toEqual(['created_at', 'given_on', 'household_id', 'id', 'method', 'organisation_id', 'person_id', 'purpose', 'recipient', 'recipient_kind', 'recorded_by', 'updated_at', 'valid_until', 'version', 'withdrawn_at', 'withdrawn_by', 'witness_name']);
    const [leak] = await owner<{ n: number }>(sql`select count(*)::int as n from audit_entry a where a::text ilike '%jobcenter%' or a::text ilike '%samira%' or a::text ilike '%sonnenschein%'`);
    expect(leak?.n).toBe(0);
  });
});
