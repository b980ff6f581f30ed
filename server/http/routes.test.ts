import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_NAMES, reachOf, roleMay, type Action } from '#contracts/actions.ts';
import { ROLES, type Role } from '#server/modules/identity/roles.ts';
import { book, bookingBody, MONDAY, office, type OfficeFixture } from '#server/modules/appointments/appointments.fixture.ts';
import { familyBody, personBody } from '#server/modules/cases/cases.fixture.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { tinyPng } from '#test/png.ts';
import type { RouteRule } from './access.ts';

/**
 * Walks every registered route (the onRoute hook in app.ts collects them) against the action
 * catalogue (contracts/actions.ts) and every role, and proves the API answers as declared:
 * 401 for an anonymous caller, 403 for a role the route's action does not name, and 404 for a
 * record of another tenant (or another region) where the role's reach is its organisation or its
 * region — while the same role of the record's own tenant gets through. Routes that later domains
 * add are covered automatically; one naming a record this file cannot make yet fails, asking for it.
 */

/** Actions no route declares: the use case checks them on a route that declares another. */
const SERVICE_ONLY: Partial<Record<Action, string>> = {
  'account.assign-regions': 'PATCH /api/accounts/:id (account.edit) checks it when the body carries regionCodes',
  'case.carry': 'POST /api/households (case.create) assigns the new case file to its creator when the role carries a case load',
};

let ctx: TestContext;
let sessions: Map<Role, Session>;
let f: OfficeFixture;
/** The record of tenant A each path parameter names, by route prefix. */
const records = { office: '', type: '', resource: '', appointment: '', photo: '', account: '', household: '', person: '', otherPerson: '', caseFile: '', assessment: '', serviceEntry: '', service: '', consent: '', partner: '', referral: '', letter: '', specialistRequest: '', transfer: '' };
/** The same role in the record's own tenant (A), and in another tenant or region (B). */
const insiders = new Map<Role, Session>();
const outsiders = new Map<Role, Session>();

beforeAll(async () => {
  ctx = await createTestContext({ web: true });
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`);
  sessions = new Map();
  for (const role of ROLES) sessions.set(role, await ctx.staff(role));

  // Tenant A: a provider's office in Nord with a type, a counsellor, a booking, a photo, an account, a household.
  f = await office(ctx);
  records.office = f.officeId;
  records.type = f.typeId;
  records.resource = f.counsellorIds[0] ?? '';
  const booked = await book(ctx, bookingBody(f, '2026-06-02T07:00:00.000Z'));
  expect(booked.statusCode, booked.body).toBe(201);
  const calendar = await ctx.request(f.admin, { method: 'GET', url: `/api/offices/${f.officeId}/calendar?from=2026-06-02&days=1` });
  records.appointment = calendar.json<{ days: { entries: { id: string }[] }[] }>().days[0]?.entries[0]?.id ?? '';
  const coordinator = await ctx.staff('city_coordinator');
  const photo = await ctx.request(coordinator, { method: 'POST', url: `/api/offices/${f.officeId}/evidence`, payload: { criterion: 'signage', data: tinyPng(2, 2).toString('base64') } });
  expect(photo.statusCode, photo.body).toBe(201);
  records.photo = photo.json<{ id: string }>().id;
  records.account = (await ctx.account(f.providerId, 'social_worker')).id;
  const worker = await ctx.staff('social_worker', f.providerId);
  const household = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody(), confirmNotDuplicate: true } });
  expect(household.statusCode, household.body).toBe(201);
  const h = household.json<{ id: string; members: { id: string }[]; caseFile: { id: string } }>();
  [records.household, records.person, records.otherPerson, records.caseFile] = [h.id, h.members[0]?.id ?? '', h.members[1]?.id ?? '', h.caseFile.id];
  const assessment = await ctx.request(worker, { method: 'POST', url: `/api/households/${h.id}/assessments`, payload: { areaCode: 'work', level: 'low', assessedOn: '2026-01-05' } });
  expect(assessment.statusCode, assessment.body).toBe(201);
  records.assessment = assessment.json<{ id: string }>().id;
  const catalog = await ctx.request(worker, { method: 'GET', url: '/api/catalog/current' });
  expect(catalog.statusCode, catalog.body).toBe(200);
  const service = catalog.json<{ services: { id: string; active: boolean; sensitive: boolean }[] }>().services.find((s) => s.active && !s.sensitive);
  records.service = service?.id ?? '';
  const entry = await ctx.request(worker, { method: 'POST', url: `/api/households/${h.id}/service-entries`, payload: { occurredOn: MONDAY, serviceId: records.service, counselledIds: [records.person] } });
  expect(entry.statusCode, entry.body).toBe(201);
  records.serviceEntry = entry.json<{ id: string }>().id;
  const consent = await ctx.request(worker, { method: 'POST', url: `/api/households/${h.id}/consents`, payload: { personId: records.person, purpose: 'referral', recipient: 'Jobcenter', givenOn: MONDAY, method: 'signed_paper' } });
  expect(consent.statusCode, consent.body).toBe(201);
  records.consent = consent.json<{ id: string }>().id;
  const letter = await ctx.request(worker, { method: 'POST', url: `/api/households/${h.id}/letters`, payload: { data: tinyPng(2, 2).toString('base64'), authority: 'jobcenter', receivedOn: MONDAY, dueOn: MONDAY } });
  expect(letter.statusCode, letter.body).toBe(201);
  records.letter = letter.json<{ id: string }>().id;
  const partner = await ctx.request(f.admin, { method: 'POST', url: '/api/partners', payload: { regionCode: 'nord', kind: 'jobcenter', name: 'Jobcenter' } });
  expect(partner.statusCode, partner.body).toBe(201);
  records.partner = partner.json<{ id: string }>().id;
  const referral = await ctx.request(worker, { method: 'POST', url: `/api/households/${h.id}/referrals`, payload: { personId: records.person, partnerId: records.partner, purpose: 'Beratung' } });
  expect(referral.statusCode, referral.body).toBe(201);
  records.referral = referral.json<{ id: string }>().id;
  const request = await ctx.request(worker, { method: 'POST', url: `/api/households/${h.id}/specialist-requests`, payload: { criteria: ['health'], forecastHours: 40, justification: 'Begleitung zu Fachärzten', submit: true } });
  expect(request.statusCode, request.body).toBe(201);
  records.specialistRequest = request.json<{ id: string }>().id;
  // A transfer tenant A receives: a household of another provider in Süd moving to Nord, whose provider is tenant A.
  const agreement = await ctx.request(sessions.get('city_admin') ?? null, { method: 'POST', url: '/api/service-agreements', payload: { providerId: f.providerId, regionCode: 'nord', validFrom: '2024-01-01' } });
  expect(agreement.statusCode, agreement.body).toBe(201);
  const transferSender = await ctx.staff('social_worker');
  const moving = (await ctx.request(transferSender, { method: 'POST', url: '/api/households', payload: { ...familyBody({ quarterCode: '61' }), confirmNotDuplicate: true } })).json<{ id: string; members: { id: string }[] }>();
  const transferPreview = (await ctx.request(transferSender, { method: 'GET', url: `/api/households/${moving.id}/transfer-preview?regionCode=nord` })).json<{ receivingProvider: { name: string } | null }>();
  for (const m of moving.members) {
    const given = await ctx.request(transferSender, { method: 'POST', url: `/api/households/${moving.id}/consents`, payload: { personId: m.id, purpose: 'transfer', recipientKind: 'receiving_provider', recipient: transferPreview.receivingProvider?.name ?? '', givenOn: MONDAY, method: 'signed_paper' } });
    expect(given.statusCode, given.body).toBe(201);
  }
  const transfer = await ctx.request(transferSender, { method: 'POST', url: `/api/households/${moving.id}/transfers`, payload: { regionCode: 'nord' } });
  expect(transfer.statusCode, transfer.body).toBe(201);
  records.transfer = transfer.json<{ id: string }>().id;
  insiders.set('provider_admin', f.admin).set('social_worker', worker).set('city_coordinator', coordinator);

  // Tenant B: another provider's staff; a coordinator assigned to Süd (the office lies in Nord).
  outsiders.set('provider_admin', await ctx.staff('provider_admin')).set('social_worker', await ctx.staff('social_worker'));
  const sued = await ctx.staff('city_coordinator');
  const assigned = await ctx.request(sessions.get('city_admin') ?? null, { method: 'PATCH', url: `/api/accounts/${sued.accountId}`, payload: { regionCodes: ['sued'] } });
  expect(assigned.statusCode, assigned.body).toBe(200);
  outsiders.set('city_coordinator', sued);
});
afterAll(async () => ctx.close());

/** A concrete URL for a route pattern: path params get a random uuid, wildcards 'x'. */
function concreteUrl(pattern: string): string {
  return pattern.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, () => randomUUID()).replace(/\*/g, 'x');
}

const describeRule = (r: RouteRule): string => `${r.method} ${r.url}`;
const rules = (): RouteRule[] => ctx.app.routeRules.filter((r) => r.method !== 'OPTIONS');
const withAction = (): (RouteRule & { action: Action })[] => rules().filter((r): r is RouteRule & { action: Action } => r.action !== undefined);
const hasBody = (method: string) => method !== 'GET' && method !== 'DELETE';

/** Tenant A's record for each path parameter of a route, or null when this file has none yet. */
function recordUrl(pattern: string): string | null {
  const first = [
    ['/api/offices/:id', records.office],
    ['/api/appointment-types/:id', records.type],
    ['/api/appointment-resources/:id', records.resource],
    ['/api/accounts/:id', records.account],
    ['/api/households/:id', records.household],
    ['/api/people/:id', records.person],
    ['/api/case-files/:id', records.caseFile],
    ['/api/assessments/:id', records.assessment],
    ['/api/service-entries/:id', records.serviceEntry],
    ['/api/consents/:id', records.consent],
    ['/api/letters/:id', records.letter],
    ['/api/partners/:id', records.partner],
    ['/api/referrals/:id', records.referral],
    ['/api/specialist-requests/:id', records.specialistRequest],
    ['/api/transfers/:id', records.transfer],
  ].find(([prefix]) => pattern.startsWith(prefix ?? ''));
  const named: Record<string, string> = { id: first?.[1] ?? '', appointmentId: records.appointment, photoId: records.photo };
  let missing = false;
  const url = pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = named[name];
    if (!value) missing = true;
    return value ?? '';
  });
  return missing ? null : url;
}

/** Routes without a path parameter that name tenant A's record in the query or the body. */
const NAMED_ELSEWHERE: Record<string, () => { url: string; payload?: unknown }> = {
  'GET /api/accounts': () => ({ url: `/api/accounts?organisationId=${f.providerId}` }),
  'POST /api/accounts': () => ({ url: '/api/accounts', payload: { organisationId: f.providerId, email: `n.${randomUUID()}@test.invalid`, displayName: 'Neu', role: 'social_worker', password: 'a long enough password' } }),
};

/** A body the route's contract accepts, so that the answer comes from the use case, not the validation. */
function validBody(rule: RouteRule): unknown {
  const start = '2026-06-03T07:00:00.000Z';
  const bodies: Record<string, unknown> = {
    'PATCH /api/offices/:id': { name: 'Umbenannt' },
    'POST /api/offices/:id/move': { validFrom: '2030-01-01', address: { street: 'Neue Straße', houseNumber: '2', postcode: '01099', city: 'Dresden' }, point: { lat: 51.06, lon: 13.75 } },
    'PUT /api/offices/:id/site-assessment': {},
    'POST /api/offices/:id/evidence': { criterion: 'footpaths', data: tinyPng(2, 2).toString('base64') },
    'POST /api/offices/:id/appointment-types': { kind: 'follow_up', name: 'Folgeberatung', durationMinutes: 30 },
    'PATCH /api/appointment-types/:id': { name: 'Erstberatung' },
    'POST /api/offices/:id/appointment-resources': { kind: 'interpreter', displayName: 'Dolmetscher', languages: ['ar'] },
    'PATCH /api/appointment-resources/:id': { displayName: 'Beraterin 1' },
    'PUT /api/offices/:id/appointment-closures': { closures: [] },
    'POST /api/offices/:id/appointments': { typeId: records.type, start, name: 'Person', language: 'de' },
    'POST /api/offices/:id/appointments/:appointmentId/mark': { status: 'booked' },
    'POST /api/offices/:id/appointments/:appointmentId/move': { start },
    'PATCH /api/accounts/:id': { displayName: 'Umbenannt' },
    'PATCH /api/households/:id': { accommodation: 'own_flat', version: 1 },
    'POST /api/households/:id/members': { ...personBody({ familyName: 'Neu', givenNames: 'Lina' }), confirmNotDuplicate: true },
    'PATCH /api/people/:id': { ...personBody({ familyName: 'Al-Hassan', givenNames: 'Mohammed' }), version: 1 },
    'POST /api/people/:id/merge': { intoId: records.otherPerson, version: 1, intoVersion: 1 },
    'POST /api/case-files/:id/assign': { accountIds: [insiders.get('social_worker')?.accountId], version: 1 },
    'POST /api/case-files/:id/close': { reason: 'Umzug', version: 1 },
    'POST /api/case-files/:id/reopen': { version: 1 },
    'PUT /api/households/:id/plan': { version: null, reviewOn: '2026-12-31', goals: [] },
    'POST /api/households/:id/assessments': { areaCode: 'work', level: 'medium', assessedOn: '2026-06-01' },
    'PATCH /api/assessments/:id': { version: 1 },
    'PATCH /api/service-entries/:id': { version: 1, minutes: 45 },
    'POST /api/households/:id/service-entries': { occurredOn: MONDAY, serviceId: records.service, counselledIds: [records.person] },
    'POST /api/households/:id/consents': { personId: records.person, purpose: 'exchange', recipient: 'AWO', givenOn: MONDAY, method: 'verbal_witnessed', witnessName: 'Zeugin' },
    'POST /api/consents/:id/withdraw': { version: 1 },
    // A version the person never had: the use case answers 409 and erases nothing the walk still needs.
    'POST /api/people/:id/erase': { version: 999, reason: 'subject_request' },
    // The walk's case file is open, so nothing is due: skipped, nothing erased.
    'POST /api/retention/erase': { caseFileIds: [records.caseFile] },
    'POST /api/households/:id/letters': { data: tinyPng(2, 2).toString('base64'), authority: 'other', authorityName: 'Wohngeldstelle', receivedOn: MONDAY },
    'PATCH /api/letters/:id': { version: 1, note: 'gelesen' },
    'PATCH /api/partners/:id': { version: 1, contact: 'Frau Weber' },
    'POST /api/households/:id/referrals': { personId: records.person, partnerId: records.partner, purpose: 'Sprachkurs' },
    'PATCH /api/referrals/:id': { version: 1, followUpOn: '2026-06-10' },
    'POST /api/households/:id/specialist-requests': { criteria: ['crisis'], forecastHours: 50, justification: 'Krisenbegleitung' },
    'POST /api/specialist-requests/:id/submit': { version: 1 },
    'POST /api/specialist-requests/:id/decide': { decision: 'reject', version: 1, reason: 'Bedarf nicht ausreichend begründet' },
    'POST /api/households/:id/transfers': { regionCode: 'sued' },
    // A version the transfer never had: the use case answers 409 and decides nothing the walk still needs.
    'POST /api/transfers/:id/accept': { version: 999 },
    'POST /api/transfers/:id/decline': { version: 999, reason: 'Kein Platz' },
    'POST /api/offices/:id/quick-contacts': { occurredOn: MONDAY, areaCodes: ['work'] },
    'POST /api/households/:id/plan/review': { version: 1, reviewedOn: '2026-06-01', goals: [{ id: records.household, result: 'achieved' }] },
  };
  return bodies[describeRule(rule)] ?? (hasBody(rule.method) ? {} : undefined);
}

describe('route access rules', () => {
  it('collects the registered routes, including the known ones', () => {
    const names = rules().map(describeRule);
    expect(names).toContain('GET /api/regions');
    expect(names).toContain('POST /api/regions');
    expect(names).toContain('POST /api/auth/login');
    expect(names).toContain('GET /healthz');
  });

  it('every route declares exactly one rule: public, authenticated, or an action', () => {
    const wrong = rules().filter((r) => (r.access === undefined) === (r.action === undefined)).map(describeRule);
    expect(wrong).toEqual([]);
  });

  it("every route's action is in the catalogue, and every action of the catalogue is taken by a route (or named as service-only)", () => {
    const used = new Set(withAction().map((r) => r.action));
    expect([...used].filter((a) => !ACTION_NAMES.includes(a))).toEqual([]);
    expect(ACTION_NAMES.filter((a) => !used.has(a) && !SERVICE_ONLY[a])).toEqual([]);
    // a service-only action really is service-only (no stale entries)
    expect(Object.keys(SERVICE_ONLY).filter((a) => used.has(a as Action) || !ACTION_NAMES.includes(a as Action))).toEqual([]);
  });

  it('refuses an anonymous caller on every non-public route with 401 problem+json, whatever the body', async () => {
    const guarded = rules().filter((r) => r.access !== 'public');
    expect(guarded.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const rule of guarded) {
      const url = concreteUrl(rule.url);
      const json = 'application/json';
      const bodies: { payload?: string; type?: string }[] = !hasBody(rule.method)
        ? [{}]
        : [{ payload: '{"x":', type: json }, { payload: '{}', type: json }, { payload: JSON.stringify({ email: 'a@b.c', password: 'p' }), type: json }, { payload: '<x/>', type: 'application/xml' }];
      for (const { payload, type: contentType } of bodies) {
        const res = await ctx.app.inject({ method: rule.method as 'GET', url, ...(payload !== undefined ? { payload, headers: { 'content-type': contentType ?? json } } : {}) });
        const type = res.headers['content-type'] ?? '';
        const body = type.includes('json') ? res.json<{ type?: string }>() : {};
        if (res.statusCode !== 401 || !String(type).includes('application/problem+json') || body.type !== '/problems/unauthenticated') {
          wrong.push(`${describeRule(rule)} ${payload ?? ''} → ${res.statusCode} ${body.type ?? type}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("refuses a signed-in member of staff whose role the route's action does not name with 403, CSRF token sent", async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const rule of withAction()) {
      for (const role of ROLES.filter((r) => !roleMay(r, rule.action))) {
        const session = sessions.get(role);
        if (!session) throw new Error(`no session for ${role}`);
        const res = await ctx.request(session, { method: rule.method, url: concreteUrl(rule.url), ...(hasBody(rule.method) ? { payload: {} } : {}) });
        checked += 1;
        const body = res.json<{ type?: string }>();
        if (res.statusCode !== 403 || body.type !== '/problems/forbidden') wrong.push(`${describeRule(rule)} as ${role} → ${res.statusCode} ${body.type ?? ''}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it("answers 404 for another tenant's (or another region's) record where the role's reach is its organisation or region; the record's own tenant gets through", async () => {
    const wrong: string[] = [];
    const missing: string[] = [];
    let checked = 0;
    for (const rule of withAction()) {
      const name = describeRule(rule);
      const bounded = ROLES.filter((role) => {
        const reach = reachOf(role, rule.action);
        return reach === 'organisation' || reach === 'region';
      });
      const params = rule.url.includes(':');
      if (bounded.length === 0 || (!params && !NAMED_ELSEWHERE[name])) continue;
      for (const role of bounded) {
        const target = params ? { url: recordUrl(rule.url), payload: validBody(rule) } : (NAMED_ELSEWHERE[name]?.() ?? { url: null });
        const outsider = outsiders.get(role);
        const insider = insiders.get(role);
        if (!target.url || !outsider || !insider) {
          missing.push(`${name} as ${role}`);
          continue;
        }
        const request = { method: rule.method, url: target.url, ...(target.payload !== undefined ? { payload: target.payload } : {}) };
        const out = await ctx.request(outsider, request);
        if (out.statusCode !== 404 || out.json<{ type?: string }>().type !== '/problems/not-found') wrong.push(`${name} as ${role} of another tenant → ${out.statusCode} ${out.body.slice(0, 120)}`);
        const own = await ctx.request(insider, NAMED_ELSEWHERE[name] ? { ...request, ...NAMED_ELSEWHERE[name]() } : request);
        if ([401, 403, 404].includes(own.statusCode)) wrong.push(`${name} as ${role} of the record's tenant → ${own.statusCode} ${own.body.slice(0, 120)}`);
        checked += 1;
      }
    }
    expect(missing, 'add a record of tenant A for these routes (recordUrl, validBody)').toEqual([]);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('lets a role the action names through the access check (the sessions are real)', async () => {
    const admin = sessions.get('city_admin');
    if (!admin) throw new Error('no city admin session');
    const res = await ctx.request(admin, { method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(200);
  });
});
