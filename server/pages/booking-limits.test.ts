import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oq from '#server/modules/offices/offices.queries.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { createTestContext, type TestContext } from '#test/context.ts';
import { bookingWorld, bookThrough, expectError, expectPage, form, h1, NOW, newOffice, radios, text, type World } from './booking-pages.fixture.ts';

/** When nothing is free (the waitlist), and the limits: open bookings per contact, requests per address. */
let w: World;
let office: { officeId: string; typeId: string };
let full: { officeId: string; typeId: string };

beforeAll(async () => {
  w = await bookingWorld();
  office = await newOffice(w, 'Integrationsbüro Mitte', [{ languages: ['de', 'ar'] }, { languages: ['de'] }]);
  full = await newOffice(w, 'Ausgebuchtes Büro', []);
});
afterAll(async () => w.ctx.close());

describe('nothing free, and the limits', () => {
  it('offers the waitlist when no time is free in the horizon', async () => {
    const times = expectPage(await w.get(`/de/offices/${full.officeId}/book/times?type=${full.typeId}&language=de`), 'de');
    expect(text(times)).toContain('Zurzeit sind alle Termine vergeben.');
    const waitlist = form(times, '/book/waitlist');
    const missing = expectPage(await w.post(waitlist.action, { ...waitlist.fields, name: 'Farid', email: '', phone: '' }), 'de', 400);
    expectError(missing, 'email', 'Geben Sie Ihre E-Mail-Adresse ein, damit wir Sie benachrichtigen können.');
    const invalid = expectPage(await w.post(waitlist.action, { ...waitlist.fields, name: '', email: 'farid@example.org', phone: 'abc' }), 'de', 400);
    expectError(invalid, 'name', 'Geben Sie Ihren Namen ein.');
    expect(invalid).toContain('id="phone-error"');
    expect(invalid).not.toContain('id="email-error"');
    const done = expectPage(await w.post(waitlist.action, { ...waitlist.fields, name: 'Farid', email: 'farid@example.org', phone: '' }), 'de');
    expect(h1(done)).toBe('Sie stehen auf der Warteliste');
  });

  it('tells a contact with too many open bookings what to do, in their language', async () => {
    const contact = { name: 'Gül', email: 'guel@example.org' };
    await bookThrough(w, office, 'ru', 'de', contact, 4);
    await bookThrough(w, office, 'ru', 'de', contact, 5);
    const times = expectPage(await w.get(`/ru/offices/${office.officeId}/book/times?type=${office.typeId}&language=de`), 'ru');
    const start = radios(times, 'start')[6] ?? '';
    const fields = { type: office.typeId, language: 'de', start, hold: '', name: contact.name, phone: '', email: contact.email, key: 'third-booking-of-guel' };
    const refused = expectPage(await w.post(`/ru/offices/${office.officeId}/book/confirm`, fields), 'ru', 429);
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
    const id = await limited.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
      const region = await findRegion(tx, 'west');
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
