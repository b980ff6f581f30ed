import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import * as oq from '#server/modules/offices/offices.queries.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { officeHoursException } from '#server/modules/offices/offices.schema.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

/**
 * The public booking pages without JavaScript, for the journey tests: every step is a GET link or a
 * form POST, driven by inject exactly as a browser without scripts would (follow 303s, send the
 * form's fields). Each test file makes its own world with the offices it needs.
 */

// Monday 1 June 2026, 08:00 in Berlin (CEST): the first bookable start is 09:00.
export const NOW = new Date('2026-06-01T06:00:00Z');
const streets = readFileSync(fileURLToPath(new URL('../../test/fixtures/geo/streets.csv', import.meta.url)), 'utf8');

export interface World {
  ctx: TestContext;
  admin: Session;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, fields: Record<string, string>) => Promise<LightMyRequestResponse>;
}

/** A test context with the web pages, the clock at NOW, a provider admin and the test street directory. */
export async function bookingWorld(config: Parameters<typeof createTestContext>[0] = {}): Promise<World> {
  const ctx = await createTestContext({ web: true, ...config });
  ctx.clock.now = NOW;
  const admin = await ctx.staff('provider_admin');
  const city = await ctx.staff('city_admin');
  expect((await ctx.request(city, { method: 'POST', url: '/api/geo/street-imports', payload: { csv: streets } })).statusCode).toBe(201);
  // Each request from another address, so that the per-address limit does not interfere.
  let ip = 0;
  const from = () => `198.51.100.${(ip++ % 250) + 1}`;
  return {
    ctx,
    admin,
    get: (url) => ctx.app.inject({ method: 'GET', url, remoteAddress: from() }),
    post: (url, fields) => ctx.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: from() }),
  };
}

/** An office in Mitte (Lingnerallee 9) open Mon–Fri with a walk-in hour on Friday, closed on Wednesday 3 June, one bookable type (45 minutes, 14 days ahead). */
export async function newOffice(w: World, name: string, counsellors: { languages: string[] }[], region = 'mitte'): Promise<{ officeId: string; typeId: string }> {
  const { ctx, admin } = w;
  const id = await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const r = await findRegion(tx, region);
    if (!r) throw new Error('no region');
    const row = await oq.insertOffice(tx, { providerId: admin.organisationId, regionId: r.id, name, street: 'Lingnerallee', houseNumber: '9', postcode: '01069', city: 'Dresden', lat: 51.045, lon: 13.748, phone: '+49 351 000000', languages: ['de', 'ar'], validFrom: '2020-01-01' });
    await oq.replaceHours(tx, row.id, [
      ...[1, 2, 3, 4].map((weekday) => ({ weekday, opens: '08:00', closes: '16:00', kind: 'open' as const })),
      { weekday: 5, opens: '08:00', closes: '12:00', kind: 'open' as const },
      { weekday: 5, opens: '13:00', closes: '15:00', kind: 'walk_in' as const },
    ]);
    await tx.insert(officeHoursException).values({ officeId: row.id, date: '2026-06-03', closed: true, opens: null, closes: null, note: 'Betriebsausflug' });
    return row.id;
  });
  const type = await ctx.request(admin, {
    method: 'POST',
    url: `/api/offices/${id}/appointment-types`,
    payload: { kind: 'first_consultation', name: 'Erstberatung', durationMinutes: 45, minNoticeMinutes: 60, horizonDays: 14, slotStepMinutes: 60, cancelNoticeMinutes: 120 },
  });
  expect(type.statusCode, type.body).toBe(201);
  for (const [i, c] of counsellors.entries()) {
    const res = await ctx.request(admin, {
      method: 'POST',
      url: `/api/offices/${id}/appointment-resources`,
      payload: { kind: 'counsellor', displayName: `Beraterin ${i + 1}`, languages: c.languages, availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '09:00', ends: '12:00' })) },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  return { officeId: id, typeId: type.json<{ id: string }>().id };
}

export const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
export const text = (html: string) => decode(html.replace(/<[^>]+>/g, ''));
export const h1 = (html: string) => text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');

/** The fields a browser would send for the first form of the page whose action ends with `action` (radio buttons left out). */
export function form(html: string, action: string): { action: string; fields: Record<string, string> } {
  const forms = [...html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].filter((m) => decode(m[1] ?? '').split('#')[0]?.endsWith(action));
  const match = forms[0];
  if (!match) throw new Error(`no form with action …${action}`);
  const fields: Record<string, string> = {};
  for (const input of (match[2] ?? '').matchAll(/<input([^>]*)>/g)) {
    const attrs = input[1] ?? '';
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
    if (!name) continue;
    if (/type="radio"/.test(attrs)) continue;
    fields[name] = value;
  }
  return { action: decode(match[1] ?? '').split('#')[0] ?? '', fields };
}

/** The values of the radio buttons named `name`. */
export const radios = (html: string, name: string) => [...html.matchAll(new RegExp(`<input[^>]*type="radio"[^>]*name="${name}"[^>]*value="([^"]*)"`, 'g'))].map((m) => decode(m[1] ?? ''));

export function location(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
  return String(res.headers.location);
}

/** A whole public page in the language: lang and dir, one h1, no inline script or style. */
export function expectPage(res: LightMyRequestResponse, lang: string, status = 200): string {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toContain('text/html');
  const html = res.body;
  expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr'}">`);
  expect(html.match(/<h1/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
  expect(html).not.toMatch(/ style=/);
  return html;
}

/** The error summary and the field message say the same words, and the summary links to the field. */
export function expectError(html: string, field: string, message: string) {
  const summary = html.slice(html.indexOf('error-summary'), html.indexOf('</ul>', html.indexOf('error-summary')));
  expect(text(summary)).toContain(message);
  expect(summary).toContain(`href="#${field}"`);
  const fieldError = new RegExp(`<p class="kern-error" id="${field}-error">([\\s\\S]*?)</p>`).exec(html)?.[1] ?? '';
  expect(text(fieldError)).toContain(message);
}

export interface Booked {
  manage: string;
  code: string;
  token: string;
  confirmation: string;
}

/** From the office finder to the confirmation page, by links and form posts only; `pick` chooses the n-th free time (negative: from the end). */
export async function bookThrough(w: World, office: { officeId: string; typeId: string }, lang: string, language: string, contact: { name: string; phone?: string; email?: string }, pick = 0): Promise<Booked> {
  const { get, post } = w;
  const { officeId, typeId } = office;
  const finder = expectPage(await get(`/${lang}/offices?street=${encodeURIComponent('Teststraße')}&number=3`), lang);
  expect(finder).toContain(`href="/${lang}/offices/${officeId}/book"`);
  const officePage = expectPage(await get(`/${lang}/offices/${officeId}`), lang);
  expect(officePage).toContain(`href="/${lang}/offices/${officeId}/book"`);

  const topic = expectPage(await get(`/${lang}/offices/${officeId}/book`), lang);
  expect(radios(topic, 'type')).toEqual([typeId]);
  const chooseType = form(topic, `/${lang}/offices/${officeId}/book`);
  const toLanguage = location(await get(`${chooseType.action}?${new URLSearchParams({ ...chooseType.fields, type: typeId })}`));
  const languagePage = expectPage(await get(toLanguage), lang);
  expect(radios(languagePage, 'language')).toContain(language);
  const chooseLanguage = form(languagePage, '/book/language');
  const toTimes = location(await get(`${chooseLanguage.action}?${new URLSearchParams({ ...chooseLanguage.fields, language })}`));
  const timesPage = expectPage(await get(toTimes), lang);
  const starts = radios(timesPage, 'start');
  expect(starts.length).toBeGreaterThan(0);
  const chooseTime = form(timesPage, '/book/times');
  const start = (pick < 0 ? starts[starts.length + pick] : starts[pick]) ?? '';
  const toDetails = location(await post(chooseTime.action, { ...chooseTime.fields, start }));
  expect(toDetails).toContain('hold=');

  const detailsPage = expectPage(await get(toDetails), lang);
  expect(detailsPage).toContain(`href="/${lang}/privacy"`);
  const details = form(detailsPage, '/book/details');
  const check = expectPage(await post(details.action, { ...details.fields, name: contact.name, phone: contact.phone ?? '', email: contact.email ?? '' }), lang);
  expect(text(check)).toContain(contact.name);
  const confirm = form(check, '/book/confirm');
  expect(confirm.fields['key']).toMatch(/^[0-9a-f-]{36}$/);
  const booked = location(await post(confirm.action, confirm.fields));
  // A double submit of the same form (same Idempotency-Key) books once and lands on the same page.
  expect(location(await post(confirm.action, confirm.fields))).toBe(booked);
  const url = new URL(booked, 'http://lotse.test');
  const code = /\/appointments\/([A-Z0-9]{8})\/booked$/.exec(url.pathname)?.[1] ?? '';
  const token = url.searchParams.get('token') ?? '';
  expect(url.searchParams.has('mail')).toBe(false);
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  const confirmation = expectPage(await get(booked), lang);
  return { confirmation, code, token, manage: `/${lang}/appointments/${code}?token=${token}` };
}
