import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { logIn, newContext, uniqueTag, type Credentials, type E2eApp } from './harness.ts';

/**
 * Records a browser test needs, made through Lotse's HTTP API with real sessions and CSRF tokens,
 * under names unique to the run: the tests neither use nor change the demo data, and a second run
 * on the same database meets none of the first run's records. Every factory answers what a test
 * types or looks for (ids, names, credentials).
 */

/** A signed-in API session: the session cookie and the CSRF token of one account. */
export interface ApiSession {
  /** Sends a request as this account; a body is sent as JSON. */
  send: (method: string, path: string, body?: unknown) => Promise<Response>;
  /** Sends and expects `status` (default 200/201), answering the JSON body. */
  json: <T>(method: string, path: string, body?: unknown, status?: number) => Promise<T>;
}

export async function signIn(app: Pick<E2eApp, 'url'>, who: { email: string; password: string }): Promise<ApiSession> {
  const login = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who.email, password: who.password }) });
  expect(login.status, `login of ${who.email}`).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await login.json()) as { me: { csrfToken: string } }).me.csrfToken;
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return {
    send,
    json: async <T>(method: string, path: string, body?: unknown, status?: number): Promise<T> => {
      const res = await send(method, path, body);
      const text = await res.text();
      if (status === undefined) expect([200, 201], `${method} ${path}: ${text}`).toContain(res.status);
      else expect(res.status, `${method} ${path}: ${text}`).toBe(status);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

const sessions = new WeakMap<object, Promise<ApiSession>>();

/** The run's own city administrator (made by the harness through the command line), signed in once per app. */
export function cityAdmin(app: Pick<E2eApp, 'url' | 'admin'>): Promise<ApiSession> {
  let session = sessions.get(app);
  if (!session) {
    session = signIn(app, app.admin);
    sessions.set(app, session);
  }
  return session;
}

export interface Organisation {
  id: string;
  name: string;
  kind: 'city' | 'provider';
}

/** A new provider organisation (the city exists once; its accounts come from `cityAccount`). */
export async function organisation(app: Pick<E2eApp, 'url' | 'admin'>, name = `E2E-Träger ${uniqueTag()} e. V.`): Promise<Organisation> {
  const admin = await cityAdmin(app);
  return admin.json<Organisation>('POST', '/api/organisations', { kind: 'provider', name }, 201);
}

export type ProviderRole = 'provider_admin' | 'social_worker';
export type CityRole = 'city_admin' | 'city_coordinator' | 'evaluator';

export interface Account extends Credentials {
  id: string;
  role: ProviderRole | CityRole;
}

async function createAccount(app: Pick<E2eApp, 'url' | 'admin'>, organisationId: string | undefined, role: Account['role'], displayName: string): Promise<Account> {
  const tag = uniqueTag();
  const email = `e2e-${role.replace('_', '-')}-${tag}@e2e.test`;
  const password = `e2e-pass-${tag}-long`;
  const admin = await cityAdmin(app);
  const created = await admin.json<{ id: string }>('POST', '/api/accounts', { ...(organisationId ? { organisationId } : {}), email, displayName: `${displayName} ${tag}`, role, password }, 201);
  return { id: created.id, email, password, displayName: `${displayName} ${tag}`, role };
}

/** An account of a provider with its password set (the city administrator creates it). */
export function account(app: Pick<E2eApp, 'url' | 'admin'>, org: Pick<Organisation, 'id'>, role: ProviderRole, displayName = role === 'provider_admin' ? 'Tara Teamleitung' : 'Sami Sozialarbeit'): Promise<Account> {
  return createAccount(app, org.id, role, displayName);
}

/** An account of the city (the administrator's own organisation), password set. */
export function cityAccount(app: Pick<E2eApp, 'url' | 'admin'>, role: CityRole, displayName = role === 'evaluator' ? 'Emil Bewertung' : role === 'city_coordinator' ? 'Kim Koordination' : 'Alex Verwaltung'): Promise<Account> {
  return createAccount(app, undefined, role, displayName);
}

export interface Region {
  code: string;
  name: string;
  member: { code: string; name: string };
}

/** Valid from well before today, so the region's members and agreements hold today. */
const SINCE = '2020-01-01';

/**
 * A new region with one new Stadtbezirk of its own: a new provider gets its service agreement here
 * without touching the demo's regions (one provider per region at a time).
 */
export async function region(app: Pick<E2eApp, 'url' | 'admin'>): Promise<Region> {
  const tag = uniqueTag();
  const admin = await cityAdmin(app);
  const r = { code: `e2e-${tag}`, name: `E2E-Region ${tag}`, member: { code: `e2e-bezirk-${tag}`, name: `E2E-Bezirk ${tag}` } };
  await admin.json('POST', '/api/regions', { code: r.code, name: r.name, description: 'Für einen Browsertest angelegt.' }, 201);
  await admin.json('POST', '/api/region-members', { code: r.member.code, name: r.member.name, kind: 'district', regionCode: r.code, validFrom: SINCE }, 201);
  return r;
}

/** A service agreement of the provider for the region, valid since 2020 without end. */
export async function serviceAgreement(app: Pick<E2eApp, 'url' | 'admin'>, provider: Pick<Organisation, 'id'>, r: Pick<Region, 'code'>): Promise<{ id: string }> {
  const admin = await cityAdmin(app);
  return admin.json<{ id: string }>('POST', '/api/service-agreements', { providerId: provider.id, regionCode: r.code, reference: `E2E-${uniqueTag()}`, validFrom: SINCE }, 201);
}

export interface Office {
  id: string;
  name: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** An office of the provider in the region (needs the agreement), open on weekdays 09:00–12:00 and Tuesday 14:00–18:00 by default. */
export async function office(
  app: Pick<E2eApp, 'url' | 'admin'>,
  provider: Pick<Organisation, 'id'>,
  r: Pick<Region, 'code'>,
  opts: { name?: string; openingHours?: { weekday: number; opens: string; closes: string }[]; services?: { blocks: string[]; areas: string[] } } = {},
): Promise<Office> {
  const admin = await cityAdmin(app);
  const name = opts.name ?? `E2E-Büro ${uniqueTag()}`;
  const created = await admin.json<{ id: string }>(
    'POST',
    '/api/offices',
    {
      name,
      regionCode: r.code,
      providerId: provider.id,
      address: { street: 'Testweg', houseNumber: '1', postcode: '01099', city: 'Dresden' },
      point: { lat: 51.07, lon: 13.75 },
      languages: ['de', 'ar'],
      openingHours: opts.openingHours ?? [...WEEKDAYS.map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })), { weekday: 2, opens: '14:00', closes: '18:00' }],
      ...(opts.services ? { services: opts.services } : {}),
      validFrom: SINCE,
    },
    201,
  );
  return { id: created.id, name };
}

/** A bookable appointment type of the office (as its provider's admin or the city administrator). */
export async function appointmentType(
  session: ApiSession,
  o: Pick<Office, 'id'>,
  body: { name?: string; kind?: 'first_consultation' | 'follow_up' | 'specialist'; durationMinutes?: number; minNoticeMinutes?: number } = {},
): Promise<{ id: string; name: string }> {
  const name = body.name ?? 'Erstberatung';
  const created = await session.json<{ id: string }>('POST', `/api/offices/${o.id}/appointment-types`, { kind: 'first_consultation', durationMinutes: 45, minNoticeMinutes: 60, horizonDays: 28, slotStepMinutes: 60, ...body, name }, 201);
  return { id: created.id, name };
}

/** A counsellor of the office speaking the languages, available on weekdays 09:00–19:00 by default. */
export async function counsellor(session: ApiSession, o: Pick<Office, 'id'>, languages: string[], availability = WEEKDAYS.map((weekday) => ({ weekday, starts: '09:00', ends: '19:00' }))): Promise<{ id: string }> {
  return session.json<{ id: string }>('POST', `/api/offices/${o.id}/appointment-resources`, { kind: 'counsellor', displayName: `Beratung ${languages.join('/')}`, languages, availability }, 201);
}

/** A new provider holding a new region of its own (its service agreement there): where a case-file journey starts. */
export async function providerInRegion(app: Pick<E2eApp, 'url' | 'admin'>): Promise<{ provider: Organisation; region: Region }> {
  const provider = await organisation(app);
  const r = await region(app);
  await serviceAgreement(app, provider, r);
  return { provider, region: r };
}

/** A provider with a region of its own, its service agreement there and an office: what most journeys start from. */
export async function providerWithOffice(app: Pick<E2eApp, 'url' | 'admin'>, opts: Parameters<typeof office>[3] = {}): Promise<{ provider: Organisation; region: Region; office: Office }> {
  const { provider, region: r } = await providerInRegion(app);
  return { provider, region: r, office: await office(app, provider, r, opts) };
}

/** The day `offsetDays` from today in Berlin as YYYY-MM-DD: what the staff app's date fields hold. */
export const berlinDay = (offsetDays: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** A browser context of its own with one page on a 1024×768 tablet, signed in as `who`. */
export async function tabletPage(app: Pick<E2eApp, 'url' | 'browser'>, who: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(app.browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page, app.url, who);
  return { context, page };
}

/** A household made through the API in the region: the given names of one family, the first its head, the second a spouse, the rest children. */
export function householdOf(api: ApiSession, regionCode: string, familyName: string, givenNames: readonly string[], houseNumber = '1'): Promise<{ id: string; members: { id: string; givenNames: string }[] }> {
  const relationship = (i: number) => (i === 0 ? 'head' : i === 1 ? 'spouse' : 'child');
  return api.json('POST', '/api/households', {
    accommodation: 'own_flat', street: 'Teststraße', houseNumber, postcode: '01099', quarterCode: null, regionCode, confirmNotDuplicate: true,
    members: givenNames.map((g, i) => ({ relationship: relationship(i), familyName, givenNames: g })),
  }, 201);
}
