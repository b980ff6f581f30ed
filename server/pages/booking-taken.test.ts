import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingWorld, decode, expectPage, form, location, newOffice, radios, text, type World } from './booking-pages.fixture.ts';

/** Two visitors want the same time at an office with one counsellor: holds, taken times, choosing again. */
let w: World;
let officeId = '';
let typeId = '';

beforeAll(async () => {
  w = await bookingWorld();
  ({ officeId, typeId } = await newOffice(w, 'Büro mit einer Beraterin', [{ languages: ['de'] }]));
});
afterAll(async () => w.ctx.close());

const timesUrl = (lang: string) => `/${lang}/offices/${officeId}/book/times?type=${typeId}&language=de`;

describe('a taken time', () => {
  it('sends the second visitor back to the times with a clear message', async () => {
    const times = expectPage(await w.get(timesUrl('de')), 'de');
    const start = radios(times, 'start')[2] ?? '';
    const fields = { ...form(times, '/book/times').fields, start };
    location(await w.post(`/de/offices/${officeId}/book/times`, fields));
    // The first visitor holds it: the second one is told and sees the other times.
    const second = expectPage(await w.post(`/de/offices/${officeId}/book/times`, fields), 'de', 409);
    expect(text(second)).toContain('Diese Zeit ist leider gerade vergeben worden.');
    expect(radios(second, 'start')).not.toContain(start);
  });

  it('a confirm for a time booked meanwhile goes back to the times with the message', async () => {
    const times = expectPage(await w.get(timesUrl('en')), 'en');
    const start = radios(times, 'start')[0] ?? '';
    const fields = { type: typeId, language: 'de', start, hold: '', name: 'Late', phone: '', email: 'late@example.org', key: 'late-visitor-key-1' };
    const other = await w.ctx.app.inject({ method: 'POST', url: '/api/appointments', headers: { 'idempotency-key': 'other-visitor-1' }, payload: { officeId, typeId, start, name: 'Other', email: 'other@example.org' } });
    expect(other.statusCode, other.body).toBe(201);
    const back = location(await w.post(`/en/offices/${officeId}/book/confirm`, fields));
    expect(back).toContain('taken=1');
    const page = expectPage(await w.get(back), 'en');
    expect(text(page)).toContain('Sorry, this time has just been taken.');
  });
});

describe('choosing another time', () => {
  it('going back from the details and choosing a second time lets the first go: another visitor can hold it at once', async () => {
    const times = expectPage(await w.get(timesUrl('de')), 'de');
    const [first, second] = radios(times, 'start').slice(3, 5);
    expect(first && second).toBeTruthy();
    const toDetails = location(await w.post(`/de/offices/${officeId}/book/times`, { ...form(times, '/book/times').fields, start: first ?? '' }));
    const hold = new URL(toDetails, 'http://lotse.test').searchParams.get('hold') ?? '';
    expect(hold.length).toBeGreaterThanOrEqual(20);
    // While held, the first time is not offered to others.
    const others = expectPage(await w.get(timesUrl('de')), 'de');
    expect(radios(others, 'start')).not.toContain(first);

    // Back from the details to the times: the hold travels along, in the link and in the form.
    const details = expectPage(await w.get(toDetails), 'de');
    const back = decode(/<p class="back-link"><a href="([^"]*)"/.exec(details)?.[1] ?? '');
    expect(back).toContain('/book/times?');
    expect(new URL(back, 'http://lotse.test').searchParams.get('hold')).toBe(hold);
    const again = expectPage(await w.get(back), 'de');
    const choose = form(again, '/book/times');
    expect(choose.fields['hold']).toBe(hold);
    const toSecond = location(await w.post(choose.action, { ...choose.fields, start: second ?? '' }));
    expect(new URL(toSecond, 'http://lotse.test').searchParams.get('start')).toBe(second);

    // The first time is free again for another visitor; the second stays held.
    const later = expectPage(await w.get(timesUrl('de')), 'de');
    expect(radios(later, 'start')).toContain(first);
    expect(radios(later, 'start')).not.toContain(second);
    location(await w.post(`/de/offices/${officeId}/book/times`, { ...form(later, '/book/times').fields, start: first ?? '' }));
    expect((await w.ctx.request(null, { method: 'DELETE', url: `/api/appointments/holds/${hold}` })).statusCode).toBe(404);
  });

  it('choosing the same time again after going back holds it again instead of saying it is taken', async () => {
    const times = expectPage(await w.get(timesUrl('de')), 'de');
    const start = radios(times, 'start')[0] ?? '';
    const toDetails = location(await w.post(`/de/offices/${officeId}/book/times`, { ...form(times, '/book/times').fields, start }));
    const hold = new URL(toDetails, 'http://lotse.test').searchParams.get('hold') ?? '';
    const again = location(await w.post(`/de/offices/${officeId}/book/times`, { type: typeId, language: 'de', from: '', hold, start }));
    expect(again).toContain('/book/details?');
    expect(new URL(again, 'http://lotse.test').searchParams.get('hold')).not.toBe(hold);
  });
});
