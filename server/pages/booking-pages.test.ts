import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingWorld, bookThrough, decode, expectError, expectPage, h1, newOffice, radios, text, type World } from './booking-pages.fixture.ts';

/** The booking journey without JavaScript, step by step, in German and Arabic; what the pages say to a wrong answer. */
let w: World;
let office: { officeId: string; typeId: string };

beforeAll(async () => {
  w = await bookingWorld();
  office = await newOffice(w, 'Integrationsbüro Mitte', [{ languages: ['de', 'ar'] }, { languages: ['de'] }]);
});
afterAll(async () => w.ctx.close());

describe('booking without JavaScript', () => {
  it('German: address → office → topic → language → time → details → check → confirmation, mail with the manage link', async () => {
    const email = 'anna.beispiel@example.org';
    const b = await bookThrough(w, office, 'de', 'de', { name: 'Anna Beispiel', email });
    expect(h1(b.confirmation)).toBe('Ihr Termin ist gebucht');
    expect(text(b.confirmation)).toContain(`${b.code.slice(0, 4)} ${b.code.slice(4)}`);
    // 09:00 in Berlin on Monday, 1 June 2026 (07:00 UTC), in German
    expect(text(b.confirmation)).toContain('Montag, 1. Juni 2026 um 09:00');
    expect(b.confirmation).toContain(`href="/api/appointments/${b.code}.ics?token=${b.token}"`);
    expect(decode(b.confirmation)).toContain(`href="${b.manage}"`);
    expect(text(b.confirmation)).toContain('Eine Bestätigung per E-Mail ist unterwegs.');
    expect(text(b.confirmation)).toContain('Lingnerallee 9');
    expect(b.confirmation).toContain('<meta name="robots" content="noindex"/>');
    const mails = w.ctx.deps.mailer.sent.filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(`/de/appointments/${b.code}?token=${b.token}`);
    const ics = await w.get(`/api/appointments/${b.code}.ics?token=${b.token}`);
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('BEGIN:VCALENDAR');
  });

  it('Arabic: the same flow in Arabic for a talk in Arabic with a phone number only, right to left', async () => {
    const before = w.ctx.deps.mailer.sent.length;
    const b = await bookThrough(w, office, 'ar', 'ar', { name: 'سارة', phone: '0351 1234567' }, 1);
    expect(h1(b.confirmation)).toBe('تم حجز موعدك');
    expect(b.confirmation).toContain('href="/assets/public/kern.rtl.css"');
    expect(text(b.confirmation)).toContain('لن تصلك رسالة بريد إلكتروني');
    // Whether a mail comes is the booking's (emailGiven), not the URL's: an old link's mail=1 changes nothing.
    const old = expectPage(await w.get(`/ar/appointments/${b.code}/booked?token=${b.token}&mail=1`), 'ar');
    expect(text(old)).toContain('لن تصلك رسالة بريد إلكتروني');
    expect(text(b.confirmation)).toContain('العربية');
    expect(w.ctx.deps.mailer.sent.length).toBe(before);
    const manage = expectPage(await w.get(b.manage), 'ar');
    expect(h1(manage)).toBe('موعدك');
  });

  it('asks again with the same words in the summary and at the field', async () => {
    const { officeId, typeId } = office;
    const topic = expectPage(await w.get(`/de/offices/${officeId}/book?choose=1`), 'de', 400);
    expectError(topic, 'type', 'Wählen Sie, worum es bei Ihrem Termin geht.');
    expect(topic).toContain('<title>Fehler: Worum geht es bei Ihrem Termin? – Lotse</title>');
    // A type that is not one of the office's is no answer either.
    const foreign = expectPage(await w.get(`/de/offices/${officeId}/book?choose=1&type=00000000-0000-4000-8000-000000000000`), 'de', 400);
    expectError(foreign, 'type', 'Wählen Sie, worum es bei Ihrem Termin geht.');
    const language = expectPage(await w.get(`/en/offices/${officeId}/book/language?type=${typeId}&choose=1`), 'en', 400);
    expectError(language, 'language', 'Choose a language.');
    const offered = expectPage(await w.get(`/en/offices/${officeId}/book/language?type=${typeId}&choose=1&language=fr`), 'en', 400);
    expectError(offered, 'language', 'Choose a language.');
    const times = expectPage(await w.post(`/de/offices/${officeId}/book/times`, { type: typeId, language: 'de' }), 'de', 400);
    expectError(times, 'start', 'Wählen Sie eine Zeit.');
    const start = radios(times, 'start')[0] ?? '';
    const details = expectPage(await w.post(`/de/offices/${officeId}/book/details`, { type: typeId, language: 'de', start, hold: '', name: '', phone: '', email: 'kein-at' }), 'de', 400);
    expectError(details, 'name', 'Geben Sie Ihren Namen ein.');
    expectError(details, 'email', 'Geben Sie die E-Mail-Adresse richtig ein');
    // What was typed is shown again, trimmed.
    expect(details).toContain('value="kein-at"');
    const none = expectPage(await w.post(`/de/offices/${officeId}/book/details`, { type: typeId, language: 'de', start, hold: '', name: ' X ', phone: '', email: '' }), 'de', 400);
    expectError(none, 'phone', 'Geben Sie eine Telefonnummer oder eine E-Mail-Adresse ein.');
    expect(none).toContain('value="X"');
    const phone = expectPage(await w.post(`/uk/offices/${officeId}/book/details`, { type: typeId, language: 'de', start, hold: '', name: 'X', phone: '12', email: '' }), 'uk', 400);
    expect(phone.match(/<p class="kern-error"/g)).toHaveLength(1);
    expect(phone).toContain('id="phone-error"');
    // The confirm form checks the same answers again and goes back to the details.
    const confirm = expectPage(await w.post(`/de/offices/${officeId}/book/confirm`, { type: typeId, language: 'de', start, hold: '', name: '', phone: '', email: 'a@example.org', key: 'some-key-123' }), 'de', 400);
    expectError(confirm, 'name', 'Geben Sie Ihren Namen ein.');
  });

  it('a step reached with broken or missing state starts again instead of failing', async () => {
    const { officeId, typeId } = office;
    const back = (res: { statusCode: number; headers: Record<string, unknown> }) => {
      expect(res.statusCode).toBe(303);
      return String(res.headers.location);
    };
    expect(back(await w.get(`/de/offices/${officeId}/book/language?type=not-a-uuid`))).toBe(`/de/offices/${officeId}/book`);
    expect(back(await w.get(`/de/offices/${officeId}/book/times?type=${typeId}&language=xx1`))).toBe(`/de/offices/${officeId}/book/language?type=${typeId}`);
    expect(back(await w.get(`/de/offices/${officeId}/book/details?type=${typeId}&language=de&start=tomorrow`))).toBe(`/de/offices/${officeId}/book`);
    // A repeated field counts once (the first), as the old pages read it.
    const twice = await w.ctx.app.inject({ method: 'GET', url: `/de/offices/${officeId}/book?type=${typeId}&type=x&choose=1` });
    expect(back(twice)).toBe(`/de/offices/${officeId}/book/language?type=${typeId}`);
    const noKey = await w.post(`/de/offices/${officeId}/book/confirm`, { type: typeId, language: 'de', start: '2026-06-02T07:00:00.000Z', hold: '', name: 'X', phone: '', email: 'x@example.org', key: 'short' });
    expect(back(noKey)).toBe(`/de/offices/${officeId}/book`);
  });
});
