import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oq from '#server/modules/offices/offices.queries.ts';
import { officeHoursException } from '#server/modules/offices/offices.schema.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';

/**
 * The public booking pages without JavaScript: every step is a GET link or a form POST, driven
 * here by inject exactly as a browser without scripts would (follow 303s, send the form's fields).
 */
let ctx: TestContext;
let admin: Session;
let officeId = '';
let typeId = '';
let oneCounsellorOffice = '';
let oneCounsellorType = '';
let fullOffice = '';
let fullType = '';

// Monday 1 June 2026, 08:00 in Berlin (CEST): the first bookable start is 09:00.
const NOW = new Date('2026-06-01T06:00:00Z');
const streets = readFileSync(fileURLToPath(new URL('../../test/fixtures/geo/streets.csv', import.meta.url)), 'utf8');

async function newOffice(name: string, counsellors: { languages: string[] }[]): Promise<{ officeId: string; typeId: string }> {
  const id = await ctx.database.db.transaction({ kind: 'system' }, async (tx) => {
    const region = await oq.findRegionByCode(tx, 'mitte');
    if (!region) throw new Error('no region');
    const row = await oq.insertOffice(tx, { providerId: admin.organisationId, regionId: region.id, name, street: 'Lingnerallee', houseNumber: '9', postcode: '01069', city: 'Dresden', lat: 51.045, lon: 13.748, phone: '+49 351 000000', languages: ['de', 'ar'], validFrom: '2020-01-01' });
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

beforeAll(async () => {
  ctx = await createTestContext({ web: true });
  ctx.clock.now = NOW;
  admin = await ctx.staff('provider_admin');
  const city = await ctx.staff('city_admin');
  expect((await ctx.request(city, { method: 'POST', url: '/api/geo/street-imports', payload: { csv: streets } })).statusCode).toBe(201);
  ({ officeId, typeId } = await newOffice('Integrationsbüro Mitte', [{ languages: ['de', 'ar'] }, { languages: ['de'] }]));
  ({ officeId: oneCounsellorOffice, typeId: oneCounsellorType } = await newOffice('Büro mit einer Beraterin', [{ languages: ['de'] }]));
  ({ officeId: fullOffice, typeId: fullType } = await newOffice('Ausgebuchtes Büro', []));
});
afterAll(async () => ctx.close());

let ip = 0;
const get = (url: string) => ctx.app.inject({ method: 'GET', url, remoteAddress: `198.51.100.${(ip++ % 250) + 1}` });
const post = (url: string, fields: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: `198.51.100.${(ip++ % 250) + 1}` });

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const text = (html: string) => decode(html.replace(/<[^>]+>/g, ''));
const h1 = (html: string) => text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');

/** The fields a browser would send for the n-th form of the page whose action ends with `action`. */
function form(html: string, action: string): { action: string; fields: Record<string, string> } {
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
const radios = (html: string, name: string) => [...html.matchAll(new RegExp(`<input[^>]*type="radio"[^>]*name="${name}"[^>]*value="([^"]*)"`, 'g'))].map((m) => decode(m[1] ?? ''));

function location(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
  return String(res.headers.location);
}

function expectPage(res: LightMyRequestResponse, lang: string, status = 200): string {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toContain('text/html');
  const html = res.body;
  expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr'}">`);
  expect(html.match(/<h1/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
  expect(html).not.toMatch(/ style=/);
  return html;
}

/** The error summary and the field message say the same words. */
function expectError(html: string, field: string, message: string) {
  const summary = html.slice(html.indexOf('error-summary'), html.indexOf('</ul>', html.indexOf('error-summary')));
  expect(text(summary)).toContain(message);
  expect(summary).toContain(`href="#${field}"`);
  expect(text(/<p class="kern-error" id="[^"]*-error">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '')).toContain(message);
}

interface Booked {
  manage: string;
  code: string;
  token: string;
}

/** From the office finder to the confirmation page, by links and form posts only. */
async function bookThrough(lang: string, language: string, contact: { name: string; phone?: string; email?: string }, pick = 0): Promise<Booked & { confirmation: string }> {
  const finder = expectPage(await get(`/${lang}/offices?street=${encodeURIComponent('Teststraße')}&number=3`), lang);
  expect(finder).toContain(`href="/${lang}/offices/${officeId}/book"`);
  const office = expectPage(await get(`/${lang}/offices/${officeId}`), lang);
  expect(office).toContain(`href="/${lang}/offices/${officeId}/book"`);

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

describe('booking without JavaScript', () => {
  it('German: address → office → topic → language → time → details → check → confirmation, mail with the manage link', async () => {
    const email = 'anna.beispiel@example.org';
    const b = await bookThrough('de', 'de', { name: 'Anna Beispiel', email });
    expect(h1(b.confirmation)).toBe('Ihr Termin ist gebucht');
    expect(text(b.confirmation)).toContain(`${b.code.slice(0, 4)} ${b.code.slice(4)}`);
    // 09:00 in Berlin on Monday, 1 June 2026 (07:00 UTC), in German
    expect(text(b.confirmation)).toContain('Montag, 1. Juni 2026 um 09:00');
    expect(b.confirmation).toContain(`href="/api/appointments/${b.code}.ics?token=${b.token}"`);
    expect(decode(b.confirmation)).toContain(`href="${b.manage}"`);
    expect(text(b.confirmation)).toContain('Eine Bestätigung per E-Mail ist unterwegs.');
    expect(text(b.confirmation)).toContain('Lingnerallee 9');
    expect(b.confirmation).toContain('<meta name="robots" content="noindex"/>');
    const mails = ctx.deps.mailer.sent.filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(`/de/appointments/${b.code}?token=${b.token}`);
    const ics = await get(`/api/appointments/${b.code}.ics?token=${b.token}`);
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('BEGIN:VCALENDAR');
  });

  it('Arabic: the same flow in Arabic for a talk in Arabic with a phone number only, right to left', async () => {
    const before = ctx.deps.mailer.sent.length;
    const b = await bookThrough('ar', 'ar', { name: 'سارة', phone: '0351 1234567' }, 1);
    expect(h1(b.confirmation)).toBe('تم حجز موعدك');
    expect(b.confirmation).toContain('href="/assets/public/kern.rtl.css"');
    expect(text(b.confirmation)).toContain('لن تصلك رسالة بريد إلكتروني');
    // Whether a mail comes is the booking's (emailGiven), not the URL's: an old link's mail=1 changes nothing.
    const old = expectPage(await get(`/ar/appointments/${b.code}/booked?token=${b.token}&mail=1`), 'ar');
    expect(text(old)).toContain('لن تصلك رسالة بريد إلكتروني');
    expect(text(b.confirmation)).toContain('العربية');
    expect(ctx.deps.mailer.sent.length).toBe(before);
    const manage = expectPage(await get(b.manage), 'ar');
    expect(h1(manage)).toBe('موعدك');
  });

  it('asks again with the same words in the summary and at the field', async () => {
    const topic = expectPage(await get(`/de/offices/${officeId}/book?choose=1`), 'de', 400);
    expectError(topic, 'type', 'Wählen Sie, worum es bei Ihrem Termin geht.');
    expect(topic).toContain('<title>Fehler: Worum geht es bei Ihrem Termin? – Lotse</title>');
    const language = expectPage(await get(`/en/offices/${officeId}/book/language?type=${typeId}&choose=1`), 'en', 400);
    expectError(language, 'language', 'Choose a language.');
    const times = expectPage(await post(`/de/offices/${officeId}/book/times`, { type: typeId, language: 'de' }), 'de', 400);
    expectError(times, 'start', 'Wählen Sie eine Zeit.');
    const start = radios(times, 'start')[0] ?? '';
    const details = expectPage(await post(`/de/offices/${officeId}/book/details`, { type: typeId, language: 'de', start, hold: '', name: '', phone: '', email: 'kein-at' }), 'de', 400);
    expectError(details, 'name', 'Geben Sie Ihren Namen ein.');
    expect(text(details)).toContain('Geben Sie die E-Mail-Adresse richtig ein');
    const none = expectPage(await post(`/de/offices/${officeId}/book/details`, { type: typeId, language: 'de', start, hold: '', name: 'X', phone: '', email: '' }), 'de', 400);
    expectError(none, 'phone', 'Geben Sie eine Telefonnummer oder eine E-Mail-Adresse ein.');
    const finder = expectPage(await get('/uk/offices?street=&number='), 'uk', 400);
    expectError(finder, 'street', 'Введіть свою вулицю.');
  });

  it('says clearly when an address is not found and offers the list of districts', async () => {
    const html = expectPage(await get(`/ru/offices?street=${encodeURIComponent('Nirgendwo')}&number=1`), 'ru');
    expect(text(html)).toContain('Мы не нашли этот адрес.');
    expect(html).toContain('href="#districts"');
    expect(html).toContain('href="/ru/offices?member=altstadt#result"');
    const chosen = expectPage(await get('/ru/offices?member=altstadt'), 'ru');
    expect(chosen).toContain(`href="/ru/offices/${officeId}"`);
  });
});

describe('a taken time', () => {
  it('sends the second visitor back to the times with a clear message', async () => {
    const times = expectPage(await get(`/de/offices/${oneCounsellorOffice}/book/times?type=${oneCounsellorType}&language=de`), 'de');
    const start = radios(times, 'start')[2] ?? '';
    const fields = { ...form(times, '/book/times').fields, start };
    location(await post(`/de/offices/${oneCounsellorOffice}/book/times`, fields));
    // The first visitor holds it: the second one is told and sees the other times.
    const second = expectPage(await post(`/de/offices/${oneCounsellorOffice}/book/times`, fields), 'de', 409);
    expect(text(second)).toContain('Diese Zeit ist leider gerade vergeben worden.');
    expect(radios(second, 'start')).not.toContain(start);
  });

  it('a confirm for a time booked meanwhile goes back to the times with the message', async () => {
    const times = expectPage(await get(`/en/offices/${oneCounsellorOffice}/book/times?type=${oneCounsellorType}&language=de`), 'en');
    const start = radios(times, 'start')[0] ?? '';
    const fields = { type: oneCounsellorType, language: 'de', start, hold: '', name: 'Late', phone: '', email: 'late@example.org', key: 'late-visitor-key-1' };
    const other = await ctx.app.inject({ method: 'POST', url: '/api/appointments', headers: { 'idempotency-key': 'other-visitor-1' }, payload: { officeId: oneCounsellorOffice, typeId: oneCounsellorType, start, name: 'Other', email: 'other@example.org' } });
    expect(other.statusCode, other.body).toBe(201);
    const back = location(await post(`/en/offices/${oneCounsellorOffice}/book/confirm`, fields));
    expect(back).toContain('taken=1');
    const page = expectPage(await get(back), 'en');
    expect(text(page)).toContain('Sorry, this time has just been taken.');
  });
});

describe('choosing another time', () => {
  it('going back from the details and choosing a second time lets the first go: another visitor can hold it at once', async () => {
    const times = expectPage(await get(`/de/offices/${oneCounsellorOffice}/book/times?type=${oneCounsellorType}&language=de`), 'de');
    const [first, second] = radios(times, 'start').slice(3, 5);
    expect(first && second).toBeTruthy();
    const toDetails = location(await post(`/de/offices/${oneCounsellorOffice}/book/times`, { ...form(times, '/book/times').fields, start: first ?? '' }));
    const hold = new URL(toDetails, 'http://lotse.test').searchParams.get('hold') ?? '';
    expect(hold.length).toBeGreaterThanOrEqual(20);
    // While held, the first time is not offered to others.
    const others = expectPage(await get(`/de/offices/${oneCounsellorOffice}/book/times?type=${oneCounsellorType}&language=de`), 'de');
    expect(radios(others, 'start')).not.toContain(first);

    // Back from the details to the times: the hold travels along, in the link and in the form.
    const details = expectPage(await get(toDetails), 'de');
    const back = decode(/<p class="back-link"><a href="([^"]*)"/.exec(details)?.[1] ?? '');
    expect(back).toContain('/book/times?');
    expect(new URL(back, 'http://lotse.test').searchParams.get('hold')).toBe(hold);
    const again = expectPage(await get(back), 'de');
    const choose = form(again, '/book/times');
    expect(choose.fields['hold']).toBe(hold);
    const toSecond = location(await post(choose.action, { ...choose.fields, start: second ?? '' }));
    expect(new URL(toSecond, 'http://lotse.test').searchParams.get('start')).toBe(second);

    // The first time is free again for another visitor; the second stays held.
    const later = expectPage(await get(`/de/offices/${oneCounsellorOffice}/book/times?type=${oneCounsellorType}&language=de`), 'de');
    expect(radios(later, 'start')).toContain(first);
    expect(radios(later, 'start')).not.toContain(second);
    location(await post(`/de/offices/${oneCounsellorOffice}/book/times`, { ...form(later, '/book/times').fields, start: first ?? '' }));
    expect((await ctx.request(null, { method: 'DELETE', url: `/api/appointments/holds/${hold}` })).statusCode).toBe(404);
  });

  it('choosing the same time again after going back holds it again instead of saying it is taken', async () => {
    const times = expectPage(await get(`/de/offices/${oneCounsellorOffice}/book/times?type=${oneCounsellorType}&language=de`), 'de');
    const start = radios(times, 'start')[0] ?? '';
    const toDetails = location(await post(`/de/offices/${oneCounsellorOffice}/book/times`, { ...form(times, '/book/times').fields, start }));
    const hold = new URL(toDetails, 'http://lotse.test').searchParams.get('hold') ?? '';
    const again = location(await post(`/de/offices/${oneCounsellorOffice}/book/times`, { type: oneCounsellorType, language: 'de', from: '', hold, start }));
    expect(again).toContain('/book/details?');
    expect(new URL(again, 'http://lotse.test').searchParams.get('hold')).not.toBe(hold);
  });
});

describe('managing by the link', () => {
  it('cancels with a confirm step; the page then says so', async () => {
    const b = await bookThrough('de', 'de', { name: 'Cem', email: 'cem@example.org' }, 2);
    const manage = expectPage(await get(b.manage), 'de');
    expect(decode(manage)).toContain(`href="/de/appointments/${b.code}/cancel?token=${b.token}"`);
    const ask = expectPage(await get(`/de/appointments/${b.code}/cancel?token=${b.token}`), 'de');
    expect(h1(ask)).toBe('Möchten Sie diesen Termin absagen?');
    const cancel = form(ask, `/de/appointments/${b.code}/cancel`);
    const done = location(await post(cancel.action, cancel.fields));
    const after = expectPage(await get(done), 'de');
    expect(text(after)).toContain('Ihr Termin ist abgesagt.');
    expect(after).not.toContain('/cancel?token=');
    // Booking the same time again right away with the same contact (slot trading) is refused, and said so.
    const { start } = (await ctx.app.inject({ method: 'GET', url: `/api/appointments/${b.code}?token=${b.token}` })).json<{ start: string }>();
    const again = await post(`/de/offices/${officeId}/book/confirm`, { type: typeId, language: 'de', start, hold: '', name: 'Cem', phone: '', email: 'cem@example.org', key: 'cem-books-again-1' });
    const refused = expectPage(again, 'de', 409);
    expect(h1(refused)).toBe('Diese Zeit kann nicht gebucht werden');
    expect(text(refused)).toContain('Diesen Termin haben Sie gerade abgesagt.');
  });

  it('moves to another free time', async () => {
    const b = await bookThrough('en', 'de', { name: 'Dana', phone: '+49 351 7654321' }, 3);
    const page = expectPage(await get(`/en/appointments/${b.code}/move?token=${b.token}`), 'en');
    const start = radios(page, 'start')[0] ?? '';
    const moved = location(await post(`/en/appointments/${b.code}/move`, { ...form(page, '/move').fields, start }));
    const after = expectPage(await get(moved), 'en');
    expect(text(after)).toContain('Your appointment has been moved.');
  });

  it('inside the notice period: no cancel button, a clear message, and a POST is refused', async () => {
    const b = await bookThrough('de', 'de', { name: 'Emil', email: 'emil@example.org' }, -1);
    const before = expectPage(await get(b.manage), 'de');
    expect(before).toContain('/cancel?token=');
    const details = (await ctx.app.inject({ method: 'GET', url: `/api/appointments/${b.code}?token=${b.token}` })).json<{ changeableUntil: string }>();
    ctx.clock.now = new Date(Date.parse(details.changeableUntil) + 60_000);
    try {
      const manage = expectPage(await get(b.manage), 'de');
      expect(text(manage)).toContain('Der Termin kann im Internet nicht mehr geändert werden.');
      expect(manage).not.toContain('/cancel?token=');
      const refused = expectPage(await post(`/de/appointments/${b.code}/cancel`, { token: b.token }), 'de', 409);
      expect(text(refused)).toContain('Der Termin kann im Internet nicht mehr geändert werden.');
    } finally {
      ctx.clock.now = NOW;
    }
  });

  it('an invalid link answers a translated page, not a stack', async () => {
    const html = expectPage(await get('/fa/appointments/ABCDEFGH?token=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), 'fa', 404);
    expect(h1(html)).toBe('این پیوند معتبر نیست');
  });
});

describe('the office page', () => {
  it('names languages in the page language, says "not known" for unchecked facts, shows closures, walk-in and holidays', async () => {
    const ar = expectPage(await get(`/ar/offices/${officeId}`), 'ar');
    expect(text(ar)).toContain('العربية');
    expect(text(ar)).toContain('الألمانية');
    expect(text(ar)).toContain('غير معروف');
    const de = expectPage(await get(`/de/offices/${officeId}`), 'de');
    expect(text(de)).toContain('Betriebsausflug');
    expect(text(de)).toContain('offene Sprechzeit ohne Termin');
    expect(text(de)).toContain('Nicht bekannt');
    expect(text(de)).toContain('Mittwoch, 3. Juni');
    ctx.clock.now = new Date('2026-09-30T08:00:00Z');
    try {
      const holiday = expectPage(await get(`/uk/offices/${officeId}`), 'uk');
      expect(text(holiday)).toContain('День єдності Німеччини (святковий день)');
    } finally {
      ctx.clock.now = NOW;
    }
    expectPage(await get('/de/offices/00000000-0000-4000-8000-000000000000'), 'de', 404);
  });
});

describe('nothing free, and the limits', () => {
  it('offers the waitlist when no time is free in the horizon', async () => {
    const times = expectPage(await get(`/de/offices/${fullOffice}/book/times?type=${fullType}&language=de`), 'de');
    expect(text(times)).toContain('Zurzeit sind alle Termine vergeben.');
    const waitlist = form(times, '/book/waitlist');
    const missing = expectPage(await post(waitlist.action, { ...waitlist.fields, name: 'Farid', email: '', phone: '' }), 'de', 400);
    expectError(missing, 'email', 'Geben Sie Ihre E-Mail-Adresse ein, damit wir Sie benachrichtigen können.');
    const done = expectPage(await post(waitlist.action, { ...waitlist.fields, name: 'Farid', email: 'farid@example.org', phone: '' }), 'de');
    expect(h1(done)).toBe('Sie stehen auf der Warteliste');
  });

  it('tells a contact with too many open bookings what to do, in their language', async () => {
    const contact = { name: 'Gül', email: 'guel@example.org' };
    await bookThrough('ru', 'de', contact, 4);
    await bookThrough('ru', 'de', contact, 5);
    const times = expectPage(await get(`/ru/offices/${officeId}/book/times?type=${typeId}&language=de`), 'ru');
    const start = radios(times, 'start')[6] ?? '';
    const fields = { type: typeId, language: 'de', start, hold: '', name: contact.name, phone: '', email: contact.email, key: 'third-booking-of-guel' };
    const refused = expectPage(await post(`/ru/offices/${officeId}/book/confirm`, fields), 'ru', 429);
    expect(h1(refused)).toBe('У вас уже есть записи');
    expect(text(refused)).toContain('С этим адресом электронной почты или номером телефона уже');
  });
});

describe('the per-address limit', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestContext({ web: true, config: { appointmentLimits: { perIpPerHour: 1 } } });
    limited.clock.now = NOW;
  });
  afterAll(async () => limited.close());

  it('answers a translated "too many requests" page with Retry-After', async () => {
    const staff = await limited.staff('provider_admin');
    const id = await limited.database.db.transaction({ kind: 'system' }, async (tx) => {
      const region = await oq.findRegionByCode(tx, 'west');
      if (!region) throw new Error('no region');
      const row = await oq.insertOffice(tx, { providerId: staff.organisationId, regionId: region.id, name: 'Büro West', street: 'Hamburger Straße', houseNumber: '30', postcode: '01157', city: 'Dresden', lat: 51.0585, lon: 13.6905, validFrom: '2020-01-01' });
      await oq.replaceHours(tx, row.id, [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '16:00', kind: 'open' as const })));
      return row.id;
    });
    const type = await limited.request(staff, { method: 'POST', url: `/api/offices/${id}/appointment-types`, payload: { kind: 'follow_up', name: 'Folgetermin', durationMinutes: 30, minNoticeMinutes: 60, slotStepMinutes: 60 } });
    const tid = type.json<{ id: string }>().id;
    await limited.request(staff, { method: 'POST', url: `/api/offices/${id}/appointment-resources`, payload: { kind: 'counsellor', displayName: 'B', languages: ['de'], availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '09:00', ends: '12:00' })) } });
    const send = (start: string) =>
      limited.app.inject({ method: 'POST', url: `/fa/offices/${id}/book/times`, payload: new URLSearchParams({ type: tid, language: 'de', start }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: '203.0.113.9' });
    const times = await limited.app.inject({ method: 'GET', url: `/fa/offices/${id}/book/times?type=${tid}&language=de` });
    const [first = '', second = ''] = radios(times.body, 'start');
    expect((await send(first)).statusCode).toBe(303);
    const refused = await send(second);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(h1(refused.body)).toBe('درخواست‌های بیش از حد');
  });
});
