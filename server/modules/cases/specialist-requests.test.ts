import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityRequest, CityRequestList, SpecialistRequest, SpecialistRequestList } from '#contracts/specialist-requests.ts';
import { queryRows } from '#server/db.ts';
import { currentCatalog } from '#server/modules/catalog/catalog.public.ts';
import { samplePdf } from '#server/platform/sample-documents.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { familyBody, providerWithFamily } from './cases.fixture.ts';

interface Household { id: string; members: { id: string }[] }
type Problem = { type: string; errors?: { field: string; message: string }[]; current?: { version: number; state: string } };

let ctx: TestContext;
let nord = '';
let worker: Session;
let admin: Session;
let coordinator: Session;
let suedCoordinator: Session;
let family: Household;
let specialistService = '';
let basicService = '';

const application = (overrides: Record<string, unknown> = {}) => ({ criteria: ['multiple-needs', 'health'], forecastHours: 60, justification: 'Mehrere Behördenverfahren gleichzeitig, Begleitung zu Fachärzten nötig.', submit: true, ...overrides });
const apply = (session: Session, body: unknown, householdId = family.id) => ctx.request(session, { method: 'POST', url: `/api/households/${householdId}/specialist-requests`, payload: body });
const list = (session: Session, householdId = family.id) => ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/specialist-requests` });
const cityList = (session: Session, query = '') => ctx.request(session, { method: 'GET', url: `/api/specialist-requests${query}` });
const cityRead = (session: Session, id: string) => ctx.request(session, { method: 'GET', url: `/api/specialist-requests/${id}` });
const decide = (session: Session, id: string, body: unknown) => ctx.request(session, { method: 'POST', url: `/api/specialist-requests/${id}/decide`, payload: body });
const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);

let submitted: SpecialistRequest;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  ({ nord, worker, family } = await providerWithFamily<Household>(ctx));
  admin = await ctx.staff('provider_admin', nord);
  const city = (await ctx.organisation('city', 'Landeshauptstadt Dresden')).id;
  coordinator = await ctx.staff('city_coordinator', city);
  suedCoordinator = await ctx.staff('city_coordinator', city);
  await ctx.database.db.owner.execute(sql`insert into account_region (account_id, region_code) values (${suedCoordinator.accountId}, 'sued')`);
  const catalog = await ctx.database.db.transaction({ kind: 'tenant', organisationId: nord }, (tx) => currentCatalog(tx, ctx.clock.now));
  specialistService = catalog?.services.find((s) => s.active && s.blockCode === 'specialist' && !s.sensitive)?.id ?? '';
  basicService = catalog?.services.find((s) => s.active && s.blockCode === 'basic' && !s.sensitive)?.id ?? '';
});
afterAll(async () => ctx.close());

describe('Fachleistung: the provider applies', () => {
  it('lists the example criteria and the threshold (35 by default); nothing applied for yet', async () => {
    const res = await list(worker);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<SpecialistRequestList>();
    expect(body.thresholdHours).toBe(35);
    expect(body.criteria.map((c) => c.code)).toContain('multiple-needs');
    expect(body.criteria.find((c) => c.code === 'health')?.label).toMatch(/Erkrankung/);
    expect(body.requests).toEqual([]);
    expect(body.permittedActions).toEqual(['specialist-request.read', 'specialist-request.apply']);
  });

  it('refuses a forecast below the threshold with a translated problem on the field, and unknown criteria', async () => {
    const res = await apply(worker, application({ forecastHours: 34, criteria: ['multiple-needs', 'astrology'] }));
    expect(res.statusCode).toBe(400);
    const problem = res.json<Problem>();
    expect(problem.type).toBe('/problems/validation');
    expect(problem.errors?.map((e) => e.field)).toEqual(['criteria', 'forecastHours']);
    expect(problem.errors?.find((e) => e.field === 'forecastHours')?.message).toBe('Eine Fachleistung setzt mindestens 35 Stunden in den nächsten 12 Monaten voraus.');
    const en = await ctx.request(worker, { method: 'POST', url: `/api/households/${family.id}/specialist-requests?lang=en`, payload: application({ forecastHours: 10 }) });
    expect(en.json<Problem>().errors?.[0]?.message).toBe('A specialist service needs a forecast of at least 35 hours over the next 12 months.');
  });

  it('keeps a draft below the threshold, refuses to submit it so, and submits it with the version read (409 with current otherwise)', async () => {
    const draft = await apply(worker, application({ forecastHours: 20, submit: false }));
    expect(draft.statusCode, draft.body).toBe(201);
    const d = draft.json<SpecialistRequest>();
    expect(d).toMatchObject({ state: 'draft', kind: 'initial', forecastHours: 20, submittedAt: null, deliveredHours: null, version: 1 });
    const below = await ctx.request(worker, { method: 'POST', url: `/api/specialist-requests/${d.id}/submit`, payload: { version: 1 } });
    expect([below.statusCode, below.json<Problem>().errors?.[0]?.field]).toEqual([400, 'forecastHours']);
    const stale = await ctx.request(worker, { method: 'POST', url: `/api/specialist-requests/${d.id}/submit`, payload: { version: 3 } });
    expect([stale.statusCode, stale.json<Problem>().current?.version]).toEqual([409, 1]);
  });

  it('submits an application at once; the household keeps one pseudonym for all its requests', async () => {
    const res = await apply(worker, application());
    expect(res.statusCode, res.body).toBe(201);
    submitted = res.json<SpecialistRequest>();
    expect(submitted).toMatchObject({ state: 'submitted', regionCode: 'nord', forecastHours: 60, submittedAt: '2026-12-01T10:00:00.000Z', criteria: [{ code: 'multiple-needs' }, { code: 'health' }] });
    const rows = await owner<{ pseudonym: string }>(sql`select distinct pseudonym from specialist_request where household_id = ${family.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.pseudonym).toMatch(/^FL-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    const [audit] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} and action like 'specialist-request.%' order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'specialist-request.submit', record_ids: [submitted.id, family.id] });
  });
});

describe('Fachleistung: the city decides', () => {
  it('shows the coordinator submitted requests only, under the pseudonym, with nothing of the case file', async () => {
    const res = await cityList(coordinator);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<CityRequestList>();
    expect(body.requests.map((r) => r.id)).toEqual([submitted.id]);
    const seen = body.requests[0];
    expect(Object.keys(seen ?? {}).sort()).toEqual([
      'approvedFrom', 'approvedHours', 'approvedUntil', 'criteria', 'decidedAt', 'decisionReason', 'deliveredHours', 'extendsId', 'forecastHours', 'id', 'justification', 'kind', 'permittedActions', 'provider', 'pseudonym', 'regionCode', 'state', 'submittedAt', 'version',
    ]);
    expect(seen).toMatchObject({ provider: { id: nord, name: 'Nord e. V.' }, regionCode: 'nord', state: 'submitted', permittedActions: ['specialist-request.review', 'specialist-request.decide'] });
    const text = res.body.toLowerCase();
    for (const secret of ['al-hassan', 'mohammed', 'fatima', 'الحسن', 'bautzner', family.id, ...family.members.map((m) => m.id)]) expect([secret, text.includes(secret.toLowerCase())]).toEqual([secret, false]);
    for (const field of ['note', 'plan', 'letter', 'household', 'members', 'person', 'givenNames', 'familyName', 'street']) expect([field, text.includes(`"${field}`)]).toEqual([field, false]);
  });

  it('records every view by the city in the provider\'s audit log, where its administrator sees it', async () => {
    const one = await cityRead(coordinator, submitted.id);
    expect(one.statusCode, one.body).toBe(200);
    const res = await ctx.request(admin, { method: 'GET', url: '/api/audit?action=specialist-request.*' });
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json<{ entries: { action: string; actorAccountId: string | null; organisationId: string; recordIds: string[] }[] }>().entries;
    const byCity = entries.filter((e) => e.actorAccountId === coordinator.accountId);
    expect(byCity.map((e) => [e.action, e.organisationId, e.recordIds])).toEqual([
      ['specialist-request.review', nord, [submitted.id, family.id]],
      ['specialist-request.review-list', nord, [submitted.id, family.id]],
    ]);
    const [own] = await owner<{ n: number }>(sql`select count(*)::int as n from audit_entry where organisation_id = ${coordinator.organisationId} and action like 'specialist-request.review%'`);
    expect(own?.n).toBe(2);
  });

  it('answers 404 to a coordinator of another region, for the list, one request and a decision', async () => {
    expect((await cityList(suedCoordinator)).json<CityRequestList>().requests).toEqual([]);
    expect((await cityRead(suedCoordinator, submitted.id)).statusCode).toBe(404);
    expect((await decide(suedCoordinator, submitted.id, { decision: 'reject', version: submitted.version, reason: 'nein' })).statusCode).toBe(404);
  });

  it('refuses an approval longer than 12 months, or ending before it starts, with a translated problem on the field', async () => {
    const long = await decide(coordinator, submitted.id, { decision: 'approve', version: submitted.version, approvedHours: 50, approvedFrom: '2026-12-01', approvedUntil: '2027-12-01' });
    expect(long.statusCode).toBe(400);
    expect(long.json<Problem>().errors).toEqual([{ field: 'approvedUntil', message: 'Eine Bewilligung läuft höchstens 12 Monate, also bis spätestens 2027-11-30.' }]);
    const backwards = await decide(coordinator, submitted.id, { decision: 'approve', version: submitted.version, approvedHours: 50, approvedFrom: '2026-12-01', approvedUntil: '2026-11-30' });
    expect(backwards.json<Problem>().errors?.map((e) => e.field)).toEqual(['approvedUntil']);
    expect((await decide(coordinator, submitted.id, { decision: 'reject', version: submitted.version, reason: ' ' })).statusCode).toBe(400);
  });

  it('approves for 12 months with the version read; a second decision answers 409; the provider sees hours delivered against it', async () => {
    const ok = await decide(coordinator, submitted.id, { decision: 'approve', version: submitted.version, approvedHours: 50, approvedFrom: '2026-12-01', approvedUntil: '2027-11-30' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<CityRequest>()).toMatchObject({ state: 'approved', approvedHours: 50, approvedFrom: '2026-12-01', approvedUntil: '2027-11-30', deliveredHours: 0, permittedActions: ['specialist-request.review'] });
    const again = await decide(coordinator, submitted.id, { decision: 'reject', version: submitted.version, reason: 'doch nicht' });
    expect([again.statusCode, again.json<Problem>().current?.state]).toEqual([409, 'approved']);

    const entry = (overrides: Record<string, unknown>) => ctx.request(worker, { method: 'POST', url: `/api/households/${family.id}/service-entries`, payload: { occurredOn: '2026-12-01', minutes: 90, serviceId: specialistService, counselledIds: [family.members[0]?.id], ...overrides } });
    for (const body of [{}, { minutes: 45 }, { serviceId: basicService, minutes: 60 }, { occurredOn: '2026-11-30', minutes: 60 }]) {
      const res = await entry(body);
      expect(res.statusCode, res.body).toBe(201);
    }
    const mine = (await list(worker)).json<SpecialistRequestList>().requests.find((r) => r.id === submitted.id);
    expect(mine).toMatchObject({ state: 'approved', approvedHours: 50, deliveredHours: 2.25, permittedActions: ['specialist-request.read', 'specialist-request.apply'] });
    expect((await cityRead(coordinator, submitted.id)).json<CityRequest>().deliveredHours).toBe(2.25);
  });

  it('takes an extension request naming the approval; refuses one naming a request that is not approved', async () => {
    const ext = await apply(worker, application({ extendsId: submitted.id, forecastHours: 40 }));
    expect(ext.statusCode, ext.body).toBe(201);
    expect(ext.json<SpecialistRequest>()).toMatchObject({ kind: 'extension', extendsId: submitted.id, state: 'submitted' });
    const wrong = await apply(worker, application({ extendsId: ext.json<SpecialistRequest>().id }));
    expect([wrong.statusCode, wrong.json<Problem>().errors?.map((e) => e.field)]).toEqual([400, ['extendsId']]);
    const rejected = await decide(coordinator, ext.json<SpecialistRequest>().id, { decision: 'reject', version: 1, reason: 'Bedarf durch Grundleistung gedeckt.' });
    expect(rejected.json<CityRequest>()).toMatchObject({ state: 'rejected', decisionReason: 'Bedarf durch Grundleistung gedeckt.', approvedHours: null });
  });
});

describe('Fachleistung: the worklist', () => {
  it('shows an approval ending within six weeks on the social worker\'s worklist, not one ending later', async () => {
    const created = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody({ quarterCode: '14' }), confirmNotDuplicate: true } });
    const other = created.json<Household>();
    const early = (await apply(worker, application(), other.id)).json<SpecialistRequest>();
    const ok = await decide(coordinator, early.id, { decision: 'approve', version: early.version, approvedHours: 40, approvedFrom: '2026-01-12', approvedUntil: '2027-01-11' });
    expect(ok.statusCode, ok.body).toBe(200);
    const items = (await ctx.request(worker, { method: 'GET', url: '/api/worklist' })).json<{ items: { kind: string; date: string; link: string }[] }>().items;
    expect(items.filter((i) => i.kind === 'specialist_ending')).toEqual([expect.objectContaining({ date: '2027-01-11', link: `/households/${other.id}#specialist-${early.id}` })]);
  });
});

describe('Fachleistung: the city\'s threshold', () => {
  it('lets the city\'s administration set the threshold with the version read; requests are checked against it; others 403', async () => {
    const cityAdmin = await ctx.staff('city_admin', coordinator.organisationId);
    const read = await ctx.request(cityAdmin, { method: 'GET', url: '/api/specialist-settings' });
    expect(read.json()).toEqual({ thresholdHours: 35, defaultHours: 35, updatedAt: null, version: 0 });
    const put = (body: unknown, session: Session = cityAdmin) => ctx.request(session, { method: 'PUT', url: '/api/specialist-settings', payload: body });
    const set = await put({ thresholdHours: 40, version: 0 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ thresholdHours: 40, version: 1 });
    const stale = await put({ thresholdHours: 45, version: 0 });
    expect([stale.statusCode, stale.json<{ current?: { thresholdHours: number } }>().current?.thresholdHours]).toEqual([409, 40]);
    for (const other of [coordinator, worker, admin]) expect((await put({ thresholdHours: 1, version: 1 }, other)).statusCode).toBe(403);
    try {
      const below = await apply(worker, application({ forecastHours: 38 }));
      expect(below.json<Problem>().errors?.[0]?.message).toBe('Eine Fachleistung setzt mindestens 40 Stunden in den nächsten 12 Monaten voraus.');
      expect((await list(worker)).json<SpecialistRequestList>().thresholdHours).toBe(40);
      expect((await cityList(coordinator)).json<CityRequestList>().thresholdHours).toBe(40);
      const [audit] = await owner<{ action: string }>(sql`select action from audit_entry where organisation_id = ${coordinator.organisationId} and record_type = 'specialist_setting'`);
      expect(audit?.action).toBe('specialist-setting.update');
    } finally {
      expect((await put({ thresholdHours: 35, version: 1 })).statusCode).toBe(200);
    }
  });
});

describe('Fachleistung: who may see what', () => {
  it('answers 404 to another provider\'s staff exactly as for an unknown household or request', async () => {
    const sued = await ctx.staff('social_worker', (await ctx.organisation('provider', 'Süd gGmbH')).id);
    expect((await list(sued)).statusCode).toBe(404);
    expect((await apply(sued, application())).statusCode).toBe(404);
    const [draft] = await owner<{ id: string }>(sql`select id from specialist_request where status = 'draft' limit 1`);
    expect((await ctx.request(sued, { method: 'POST', url: `/api/specialist-requests/${draft?.id ?? ''}/submit`, payload: { version: 1 } })).statusCode).toBe(404);
  });

  it('answers 403 to provider staff on the city\'s routes and to city staff on the provider\'s', async () => {
    expect((await cityList(worker)).statusCode).toBe(403);
    expect((await decide(admin, submitted.id, { decision: 'reject', version: 1, reason: 'x' })).statusCode).toBe(403);
    for (const role of ['city_coordinator', 'city_admin', 'evaluator'] as const) {
      const session = role === 'city_coordinator' ? coordinator : await ctx.staff(role);
      expect([role, (await list(session)).statusCode, (await apply(session, application())).statusCode]).toEqual([role, 403, 403]);
    }
    expect((await cityList(await ctx.staff('city_admin'))).statusCode).toBe(403);
  });

  it('never shows the city a draft (RLS), nor a draft of a household in another region to the city\'s list', async () => {
    const [draft] = await owner<{ id: string }>(sql`select id from specialist_request where status = 'draft' limit 1`);
    expect((await cityRead(coordinator, draft?.id ?? '')).statusCode).toBe(404);
    const city = { kind: 'city', organisationId: coordinator.organisationId } as const;
    const [seen] = await ctx.database.db.transaction(city, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from specialist_request where status = 'draft'`));
    expect(seen?.n).toBe(0);
    const other = (await ctx.organisation('provider')).id;
    const [none] = await ctx.database.db.transaction({ kind: 'tenant', organisationId: other }, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from specialist_request`));
    expect(none?.n).toBe(0);
    const [rls] = await owner<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(sql`select relrowsecurity, relforcerowsecurity from pg_class where relname = 'specialist_request'`);
    expect(rls).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('refuses in the database a provider approving its own request, the city changing what was applied for, and a foreign household', async () => {
    const tenant = { kind: 'tenant', organisationId: nord } as const;
    const city = { kind: 'city', organisationId: coordinator.organisationId } as const;
    const attempt = (scope: typeof tenant | typeof city, q: ReturnType<typeof sql>) => ctx.database.db.transaction(scope, (tx) => queryRows(tx, q)).then((rows) => rows.length, () => 'refused');
    const next = await apply(worker, application({ forecastHours: 36 }));
    const id = next.json<SpecialistRequest>().id;
    expect(await attempt(tenant, sql`update specialist_request set status = 'approved', approved_hours = 36, approved_from = '2026-12-01', approved_until = '2027-05-31', decided_at = now() where id = ${id} returning id`)).toBe('refused');
    expect(await attempt(tenant, sql`update specialist_request set justification = 'anders' where id = ${id} returning id`)).toBe('refused');
    expect(await attempt(city, sql`update specialist_request set justification = 'anders', status = 'rejected', decision_reason = 'x', decided_at = now() where id = ${id} returning id`)).toBe('refused');
    expect(await attempt(city, sql`insert into specialist_request (organisation_id, household_id, region_code, pseudonym, criteria, forecast_hours, justification) values (${nord}, ${family.id}, 'nord', 'FL-X', '{health}', 40, 'x') returning id`)).toBe('refused');
    const other = (await ctx.organisation('provider')).id;
    const foreign = await owner(sql`insert into specialist_request (organisation_id, household_id, region_code, pseudonym, criteria, forecast_hours, justification) values (${other}, ${family.id}, 'nord', 'FL-X', '{health}', 40, 'x')`).then(() => 'inserted', () => 'refused');
    expect(foreign).toBe('refused');
    const [grant] = await owner<{ del: boolean }>(sql`select has_table_privilege('lotse_app', 'specialist_request', 'DELETE') as del`);
    expect(grant?.del).toBe(false);
  });

  it('answers 409 for a closed case file; its requests stay readable', async () => {
    const other = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody({ quarterCode: '12' }), confirmNotDuplicate: true } });
    const h = other.json<Household>();
    const [file] = await owner<{ id: string; version: number }>(sql`select id, version from case_file where household_id = ${h.id}`);
    await ctx.request(worker, { method: 'POST', url: `/api/case-files/${file?.id ?? ''}/close`, payload: { reason: 'Umzug', version: file?.version ?? 1 } });
    expect((await apply(worker, application(), h.id)).statusCode).toBe(409);
    const body = (await list(worker, h.id)).json<SpecialistRequestList>();
    expect(body.permittedActions).toEqual(['specialist-request.read']);
  });
});

describe('Fachleistung: what the city never sees', () => {
  it('shows the coordinator no case notes, plans or letters: with all three in the case file, the list and the request hold none of them and the household\'s own routes answer 403; the provider\'s administrator sees each view', async () => {
    const secrets = { note: 'Vertraulich: Streit mit dem Vermieter', goal: 'Schuldnerberatung aufsuchen', letter: '99887BG0042', letterText: 'Anhoerung zur Rueckforderung' };
    const add = (method: 'POST' | 'PUT', path: string, payload: unknown) => ctx.request(worker, { method, url: `/api/households/${family.id}/${path}`, payload });
    const recorded = [
      await add('POST', 'service-entries', { occurredOn: '2026-12-01', minutes: 30, serviceId: basicService, counselledIds: [family.members[0]?.id], note: secrets.note }),
      await add('PUT', 'plan', { version: null, reviewOn: '2027-03-01', goals: [{ areaCode: 'work', title: secrets.goal, responsibleText: 'Beratungsstelle' }] }),
      await add('POST', 'letters', { data: samplePdf(['Jobcenter Dresden', secrets.letterText]).toString('base64'), personId: family.members[0]?.id, authority: 'jobcenter', fileNumber: secrets.letter, receivedOn: '2026-11-28', dueOn: '2026-12-15' }),
    ];
    for (const res of recorded) expect(res.statusCode, res.body).toBeLessThan(300);
    const letterId = recorded[2]?.json<{ id: string }>().id ?? '';
    const seen = [await cityList(coordinator), await cityRead(coordinator, submitted.id)];
    for (const res of seen) {
      expect(res.statusCode, res.body).toBe(200);
      for (const secret of Object.values(secrets)) expect([secret, res.body.includes(secret)]).toEqual([secret, false]);
    }
    for (const url of [`/api/households/${family.id}`, `/api/households/${family.id}/plan`, `/api/households/${family.id}/service-entries`, `/api/households/${family.id}/letters`, `/api/letters/${letterId}/file`]) {
      const res = await ctx.request(coordinator, { method: 'GET', url });
      expect([url, res.statusCode]).toEqual([url, 403]);
      for (const secret of Object.values(secrets)) expect(res.body.includes(secret)).toBe(false);
    }
    const audit = await ctx.request(admin, { method: 'GET', url: '/api/audit?action=specialist-request.*' });
    const byCity = audit.json<{ entries: { action: string; actorAccountId: string | null; recordIds: string[] }[] }>().entries.filter((e) => e.actorAccountId === coordinator.accountId && e.recordIds.includes(family.id));
    expect(byCity.map((e) => e.action).slice(0, 2)).toEqual(['specialist-request.review', 'specialist-request.review-list']);
  });
});
