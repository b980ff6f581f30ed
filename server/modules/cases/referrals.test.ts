import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consent } from '#contracts/consents.ts';
import type { Partner } from '#contracts/network.ts';
import type { Worklist } from '#contracts/plans.ts';
import type { Referral, ReferralList } from '#contracts/referrals.ts';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { tenantTableFacts } from '#test/rls.ts';
import { familyBody, providerWithFamily } from './cases.fixture.ts';

interface Household { id: string; members: { id: string }[]; caseFile: { id: string; version: number } }
type Problem = { type: string; title: string; detail?: string; errors?: { field: string; message: string }[]; current?: Referral; missing?: Record<string, unknown> };

let ctx: TestContext;
let nord = '';
let worker: Session;
let colleague: Session;
let family: Household;
let otherFamily: Household;
let jobcenter: Partner;
let vhs: Partner;

const member = (i: number): string => family.members[i]?.id ?? '';
const refer = (session: Session, body: Record<string, unknown>, householdId = family.id) => ctx.request(session, { method: 'POST', url: `/api/households/${householdId}/referrals`, payload: body });
const list = (session: Session, householdId = family.id) => ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/referrals` });
const change = (session: Session, id: string, body: Record<string, unknown>) => ctx.request(session, { method: 'PATCH', url: `/api/referrals/${id}`, payload: body });
const consentTo = (recipient: string, overrides: Record<string, unknown> = {}) =>
  ctx.request(worker, { method: 'POST', url: `/api/households/${family.id}/consents`, payload: { personId: member(0), purpose: 'referral', recipientKind: 'partner', recipient, givenOn: '2026-11-20', method: 'signed_paper', ...overrides } });
const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);
const toJobcenter = () => ({ personId: member(0), partnerId: jobcenter.id, purpose: 'Beratung zur Arbeitsaufnahme', followUpOn: '2026-12-08' });

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  ({ nord, worker, colleague, family } = await providerWithFamily<Household>(ctx));
  const admin = await ctx.staff('provider_admin', nord);
  const add = async (body: Record<string, unknown>) => {
    const res = await ctx.request(admin, { method: 'POST', url: '/api/partners', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Partner>();
  };
  jobcenter = await add({ regionCode: 'nord', kind: 'jobcenter', name: 'Jobcenter Dresden', contact: 'Frau Weber' });
  vhs = await add({ regionCode: 'nord', kind: 'language_course', name: 'Volkshochschule Dresden' });
  await add({ regionCode: 'sued', kind: 'health', name: 'Gesundheitsamt Süd' });
  const other = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody({ quarterCode: '12' }), confirmNotDuplicate: true } });
  expect(other.statusCode, other.body).toBe(201);
  otherFamily = other.json<Household>();
});
afterAll(async () => ctx.close());

describe('referrals', () => {
  it('refuses a referral without consent with 409 consent-missing, translated, naming the person, the partner and what is missing; nothing is stored', async () => {
    const res = await refer(worker, toJobcenter());
    expect(res.statusCode).toBe(409);
    const problem = res.json<Problem>();
    expect(problem.type).toBe('/problems/consent-missing');
    expect(problem.title).toBe('Dafür fehlt eine gültige Einwilligung.');
    expect(problem.detail).toBe('Für Mohammed Al-Hassan liegt keine Einwilligung zur Vermittlung an Jobcenter Dresden vor. Erfassen Sie zuerst die Einwilligung (Zweck: Vermittlung, Empfänger: Jobcenter Dresden).');
    expect(problem.errors).toEqual([{ field: 'partnerId', message: 'Keine gültige Einwilligung von Mohammed Al-Hassan zur Vermittlung an Jobcenter Dresden.' }]);
    expect(problem.missing).toEqual({ personId: member(0), purpose: 'referral', recipientKind: 'partner', recipient: 'Jobcenter Dresden', gap: 'none' });
    // A consent for another purpose, another partner or another person does not cover it.
    expect((await consentTo('Jobcenter Dresden', { purpose: 'exchange' })).statusCode).toBe(201);
    expect((await consentTo('Volkshochschule Dresden')).statusCode).toBe(201);
    expect((await consentTo('Jobcenter Dresden', { personId: member(1) })).statusCode).toBe(201);
    expect((await refer(worker, toJobcenter())).statusCode).toBe(409);
    const [stored] = await owner<{ n: number }>(sql`select count(*)::int as n from referral`);
    expect(stored?.n).toBe(0);
    const [refusal] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} and action like 'referral.%' order by seq desc limit 1`);
    expect(refusal).toEqual({ action: 'referral.refuse', record_ids: [family.id, member(0), jobcenter.id] });
  });

  it('names an expired consent as expired', async () => {
    const lapsed = await consentTo('Jobcenter Dresden', { givenOn: '2026-01-01', validUntil: '2026-11-30' });
    expect(lapsed.json<Consent>().state).toBe('expired');
    const res = await refer(worker, toJobcenter());
    expect([res.statusCode, res.json<Problem>().missing?.['gap']]).toEqual([409, 'expired']);
    expect(res.json<Problem>().detail).toBe('Die Einwilligung von Mohammed Al-Hassan zur Vermittlung an Jobcenter Dresden ist abgelaufen. Erfassen Sie zuerst eine neue Einwilligung.');
  });

  it('sends a referral once a valid consent names the partner (any case and spacing), naming that consent; audited', async () => {
    const consent = (await consentTo('  jobcenter   DRESDEN ')).json<Consent>();
    const res = await refer(worker, toJobcenter());
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json<Referral>();
    expect(sent).toMatchObject({ personId: member(0), personName: 'Mohammed Al-Hassan', partner: { id: jobcenter.id, name: 'Jobcenter Dresden', kind: 'jobcenter', contact: 'Frau Weber' }, purpose: 'Beratung zur Arbeitsaufnahme', state: 'sent', nextStates: ['accepted', 'rejected', 'done'], sentOn: '2026-12-01', followUpOn: '2026-12-08', outcome: '', version: 1 });
    expect(sent.createdBy?.id).toBe(worker.accountId);
    const [row] = await owner<{ consent_id: string }>(sql`select consent_id from referral where id = ${sent.id}`);
    expect(row?.consent_id).toBe(consent.id);
    const [audit] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} and action like 'referral.%' order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'referral.create', record_ids: [sent.id, family.id, member(0), consent.id] });
  });

  it('answers every field error at once: a person of another household, a partner of none, no purpose, a follow-up before today', async () => {
    const res = await refer(worker, { personId: otherFamily.members[0]?.id, partnerId: '00000000-0000-4000-8000-000000000000', purpose: ' ', followUpOn: '2026-11-30' });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors?.map((e) => e.field)).toEqual(['personId', 'partnerId', 'purpose', 'followUpOn']);
    expect((await refer(worker, { ...toJobcenter(), extra: 1 })).statusCode).toBe(400);
  });

  it('lists the household\'s referrals with the partners of its region to refer to; the view is audited with the ids shown', async () => {
    const res = await list(colleague);
    expect(res.statusCode).toBe(200);
    const body = res.json<ReferralList>();
    expect(body.referrals.map((r) => [r.partner.name, r.state])).toEqual([['Jobcenter Dresden', 'sent']]);
    expect(body.partners.map((p) => p.name)).toEqual(['Jobcenter Dresden', 'Volkshochschule Dresden']);
    expect(body.permittedActions).toEqual(['referral.read', 'referral.create', 'referral.update']);
    expect(body.people.map((p) => p.id)).toEqual(family.members.map((m) => m.id));
    const [audit] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} and action like 'referral.%' order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'referral.list', record_ids: [family.id, ...body.referrals.map((r) => r.id)] });
  });

  it('puts the follow-up on the worklist of the case file\'s social worker, and takes it off once done', async () => {
    const items = (await ctx.request(worker, { method: 'GET', url: '/api/worklist' })).json<Worklist>().items.filter((i) => i.kind === 'referral_follow_up');
    const [sent] = (await list(worker)).json<ReferralList>().referrals;
    expect(items).toEqual([expect.objectContaining({ date: '2026-12-08', subject: 'Jobcenter Dresden – Beratung zur Arbeitsaufnahme', link: `/households/${family.id}#referral-${sent?.id ?? ''}` })]);
  });

  it('moves sent → accepted → done with an outcome, with the version read (409 with `current`); refuses steps that do not exist; audited per step', async () => {
    const [sent] = (await list(worker)).json<ReferralList>().referrals;
    if (!sent) throw new Error('no referral');
    const back = await change(worker, sent.id, { version: 1, state: 'sent', followUpOn: '2026-11-01' });
    expect(back.json<Problem>().errors?.map((e) => e.field)).toEqual(['followUpOn']);
    const accepted = await change(worker, sent.id, { version: 1, state: 'accepted', followUpOn: '2026-12-15' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<Referral>()).toMatchObject({ state: 'accepted', nextStates: ['done', 'rejected'], followUpOn: '2026-12-15', version: 2 });
    const stale = await change(colleague, sent.id, { version: 1, state: 'rejected', outcome: 'Kein Termin' });
    expect([stale.statusCode, stale.json<Problem>().current?.state, stale.json<Problem>().current?.version]).toEqual([409, 'accepted', 2]);
    const noOutcome = await change(worker, sent.id, { version: 2, state: 'done' });
    expect(noOutcome.json<Problem>().errors?.map((e) => e.field)).toEqual(['outcome']);
    const done = await change(worker, sent.id, { version: 2, state: 'done', outcome: 'Termin am 10.12. wahrgenommen, Maßnahme beginnt im Januar' });
    expect(done.json<Referral>()).toMatchObject({ state: 'done', nextStates: [], outcome: 'Termin am 10.12. wahrgenommen, Maßnahme beginnt im Januar', version: 3 });
    const reopen = await change(worker, sent.id, { version: 3, state: 'accepted' });
    expect([reopen.statusCode, reopen.json<Problem>().errors?.map((e) => e.field)]).toEqual([400, ['state']]);
    const items = (await ctx.request(worker, { method: 'GET', url: '/api/worklist' })).json<Worklist>().items.filter((i) => i.kind === 'referral_follow_up');
    expect(items).toEqual([]);
    const audits = await owner<{ action: string }>(sql`select action from audit_entry where organisation_id = ${nord} and action in ('referral.accepted', 'referral.done') order by seq`);
    expect(audits.map((a) => a.action)).toEqual(['referral.accepted', 'referral.done']);
  });

  it('refuses a new referral at once after the consent is withdrawn; the referral sent before stays', async () => {
    const spouse = { personId: member(1), partnerId: jobcenter.id, purpose: 'Anmeldung Integrationskurs über das Jobcenter', followUpOn: null };
    expect((await refer(worker, spouse)).statusCode).toBe(201);
    const consents = (await ctx.request(worker, { method: 'GET', url: `/api/households/${family.id}/consents` })).json<{ consents: Consent[] }>().consents;
    const covering = consents.find((c) => c.personId === member(1) && c.purpose === 'referral' && c.state === 'valid');
    if (!covering) throw new Error('no covering consent');
    ctx.clock.now = new Date('2026-12-01T10:05:00Z');
    expect((await ctx.request(worker, { method: 'POST', url: `/api/consents/${covering.id}/withdraw`, payload: { version: covering.version } })).statusCode).toBe(200);
    const res = await refer(worker, { ...spouse, purpose: 'Zweite Vermittlung' });
    expect([res.statusCode, res.json<Problem>().missing?.['gap']]).toEqual([409, 'withdrawn']);
    expect(res.json<Problem>().detail).toBe('Fatima Al-Hassan hat die Einwilligung zur Vermittlung an Jobcenter Dresden widerrufen. Ohne neue Einwilligung ist keine Vermittlung möglich.');
    expect((await list(worker)).json<ReferralList>().referrals.map((r) => r.personName).sort()).toEqual(['Fatima Al-Hassan', 'Mohammed Al-Hassan']);
    // The head's consent for the Volkshochschule still holds.
    expect((await refer(worker, { personId: member(0), partnerId: vhs.id, purpose: 'Integrationskurs B1', followUpOn: null })).statusCode).toBe(201);
  });

  it('refuses a referral to an archived partner as an invalid option', async () => {
    const admin = await ctx.staff('provider_admin', nord);
    expect((await ctx.request(admin, { method: 'PATCH', url: `/api/partners/${vhs.id}`, payload: { version: 1, archived: true } })).statusCode).toBe(200);
    const res = await refer(worker, { personId: member(0), partnerId: vhs.id, purpose: 'Integrationskurs B2' });
    expect([res.statusCode, res.json<Problem>().errors?.map((e) => e.field)]).toEqual([400, ['partnerId']]);
    // The referral sent before still names it.
    expect((await list(worker)).json<ReferralList>().referrals.map((r) => r.partner.name)).toContain('Volkshochschule Dresden');
  });

  it('keeps a closed case file\'s referrals readable, but takes no new one or change there', async () => {
    const [file] = await owner<{ id: string; version: number }>(sql`select id, version from case_file where household_id = ${family.id}`);
    const closed = await ctx.request(worker, { method: 'POST', url: `/api/case-files/${file?.id ?? ''}/close`, payload: { reason: 'Umzug', version: file?.version ?? 1 } });
    expect(closed.statusCode, closed.body).toBe(200);
    const body = (await list(worker)).json<ReferralList>();
    expect(body.permittedActions).toEqual(['referral.read']);
    const open = body.referrals.find((r) => r.state === 'sent');
    expect((await change(worker, open?.id ?? '', { version: open?.version ?? 1, state: 'accepted' })).statusCode).toBe(409);
    expect((await refer(worker, toJobcenter())).statusCode).toBe(409);
  });
});

describe('referrals: who may see them', () => {
  it('answers 404 to another provider\'s staff, for the list, a new referral and a change, exactly as for an unknown household', async () => {
    const [any] = await owner<{ id: string; version: number }>(sql`select id, version from referral limit 1`);
    const sued = await ctx.staff('social_worker', (await ctx.organisation('provider', 'Süd gGmbH')).id);
    const suedAdmin = await ctx.staff('provider_admin');
    for (const outsider of [sued, suedAdmin]) {
      expect((await list(outsider)).statusCode).toBe(404);
      expect((await refer(outsider, toJobcenter())).statusCode).toBe(404);
      expect((await change(outsider, any?.id ?? '', { version: any?.version ?? 1, outcome: 'x' })).statusCode).toBe(404);
    }
    const unknown = await list(sued, '00000000-0000-4000-8000-000000000000');
    expect([unknown.statusCode, unknown.json<Problem>().type]).toEqual([404, '/problems/not-found']);
  });

  it('answers 403 to city staff and evaluators (referrals never reach the city)', async () => {
    for (const role of ['city_coordinator', 'city_admin', 'evaluator'] as const) {
      const session = await ctx.staff(role);
      expect([role, (await list(session)).statusCode]).toEqual([role, 403]);
      expect([role, (await refer(session, toJobcenter())).statusCode]).toEqual([role, 403]);
    }
  });

  it('has RLS enabled and FORCE-d; another provider and the city scope read no row; lotse_app never deletes', async () => {
    expect(await tenantTableFacts(ctx, 'referral', nord)).toEqual({ rls: true, forced: true, foreign: { tenant: 0, city: 0, public: 0 }, own: 3, appDeletes: false });
    const [grant] = await owner<{ upd: boolean }>(sql`select has_table_privilege('lotse_app', 'referral', 'UPDATE') as upd`);
    expect(grant?.upd).toBe(true);
  });

  it('refuses in the database a referral naming another provider\'s partner, a person of another household, or another person\'s consent', async () => {
    const otherOrg = (await ctx.organisation('provider')).id;
    const [foreign] = await owner<{ id: string }>(sql`insert into partner (organisation_id, region_code, kind, name) values (${otherOrg}, 'nord', 'jobcenter', 'Fremd') returning id`);
    const [consent] = await owner<{ id: string; person_id: string }>(sql`select id, person_id from consent where household_id = ${family.id} and person_id = ${member(0)} limit 1`);
    const [spouseConsent] = await owner<{ id: string }>(sql`select id from consent where person_id = ${member(1)} limit 1`);
    const insert = (personId: string, partnerId: string, consentId: string) =>
      owner(sql`insert into referral (organisation_id, household_id, person_id, partner_id, consent_id, purpose, sent_on) values (${nord}, ${family.id}, ${personId}, ${partnerId}, ${consentId}, 'Test', '2026-12-01')`).then(() => 'inserted', () => 'refused');
    expect(await insert(member(0), foreign?.id ?? '', consent?.id ?? '')).toBe('refused');
    expect(await insert(otherFamily.members[0]?.id ?? '', jobcenter.id, consent?.id ?? '')).toBe('refused');
    expect(await insert(member(0), jobcenter.id, spouseConsent?.id ?? '')).toBe('refused');
    expect(await insert(member(0), jobcenter.id, consent?.id ?? '')).toBe('inserted');
    await owner(sql`delete from referral where purpose = 'Test'`);
  });
});
