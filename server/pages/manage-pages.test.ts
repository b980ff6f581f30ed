import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingWorld, bookThrough, decode, expectError, expectPage, form, h1, location, NOW, newOffice, radios, text, type World } from './booking-pages.fixture.ts';

/** Managing a booking by the link with its token (no account): look, cancel, move. */
let w: World;
let office: { officeId: string; typeId: string };

beforeAll(async () => {
  w = await bookingWorld();
  office = await newOffice(w, 'Integrationsbüro Mitte', [{ languages: ['de', 'ar'] }, { languages: ['de'] }]);
});
afterAll(async () => w.ctx.close());

describe('managing by the link', () => {
  it('cancels with a confirm step; the page then says so', async () => {
    const b = await bookThrough(w, office, 'de', 'de', { name: 'Cem', email: 'cem@example.org' }, 2);
    const manage = expectPage(await w.get(b.manage), 'de');
    expect(decode(manage)).toContain(`href="/de/appointments/${b.code}/cancel?token=${b.token}"`);
    const ask = expectPage(await w.get(`/de/appointments/${b.code}/cancel?token=${b.token}`), 'de');
    expect(h1(ask)).toBe('Möchten Sie diesen Termin absagen?');
    const cancel = form(ask, `/de/appointments/${b.code}/cancel`);
    const done = location(await w.post(cancel.action, cancel.fields));
    const after = expectPage(await w.get(done), 'de');
    expect(text(after)).toContain('Ihr Termin ist abgesagt.');
    expect(after).not.toContain('/cancel?token=');
    // Booking the same time again right away with the same contact (slot trading) is refused, and said so.
    const { start } = (await w.ctx.app.inject({ method: 'GET', url: `/api/appointments/${b.code}?token=${b.token}` })).json<{ start: string }>();
    const again = await w.post(`/de/offices/${office.officeId}/book/confirm`, { type: office.typeId, language: 'de', start, hold: '', name: 'Cem', phone: '', email: 'cem@example.org', key: 'cem-books-again-1' });
    const refused = expectPage(again, 'de', 409);
    expect(h1(refused)).toBe('Diese Zeit kann nicht gebucht werden');
    expect(text(refused)).toContain('Diesen Termin haben Sie gerade abgesagt.');
  });

  it('moves to another free time; no time chosen asks again', async () => {
    const b = await bookThrough(w, office, 'en', 'de', { name: 'Dana', phone: '+49 351 7654321' }, 3);
    const page = expectPage(await w.get(`/en/appointments/${b.code}/move?token=${b.token}`), 'en');
    const fields = form(page, '/move').fields;
    const missing = expectPage(await w.post(`/en/appointments/${b.code}/move`, fields), 'en', 400);
    expectError(missing, 'start', 'Choose a time.');
    const start = radios(page, 'start')[0] ?? '';
    // The code of the link is read case-insensitively.
    const moved = location(await w.post(`/en/appointments/${b.code.toLowerCase()}/move`, { ...fields, start }));
    const after = expectPage(await w.get(moved), 'en');
    expect(text(after)).toContain('Your appointment has been moved.');
  });

  it('inside the notice period: no cancel button, a clear message, and a POST is refused', async () => {
    const b = await bookThrough(w, office, 'de', 'de', { name: 'Emil', email: 'emil@example.org' }, -1);
    const before = expectPage(await w.get(b.manage), 'de');
    expect(before).toContain('/cancel?token=');
    const details = (await w.ctx.app.inject({ method: 'GET', url: `/api/appointments/${b.code}?token=${b.token}` })).json<{ changeableUntil: string }>();
    w.ctx.clock.now = new Date(Date.parse(details.changeableUntil) + 60_000);
    try {
      const manage = expectPage(await w.get(b.manage), 'de');
      expect(text(manage)).toContain('Der Termin kann im Internet nicht mehr geändert werden.');
      expect(manage).not.toContain('/cancel?token=');
      const refused = expectPage(await w.post(`/de/appointments/${b.code}/cancel`, { token: b.token }), 'de', 409);
      expect(text(refused)).toContain('Der Termin kann im Internet nicht mehr geändert werden.');
    } finally {
      w.ctx.clock.now = NOW;
    }
  });

  it('an invalid link answers a translated page, not a stack', async () => {
    const html = expectPage(await w.get('/fa/appointments/ABCDEFGH?token=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), 'fa', 404);
    expect(h1(html)).toBe('این پیوند معتبر نیست');
    for (const url of ['/de/appointments/ABC?token=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '/de/appointments/ABCDEFGH?token=short', '/de/appointments/ABCDEFGH']) {
      expect(h1(expectPage(await w.get(url), 'de', 404)), url).toBe('Dieser Link ist ungültig');
    }
  });
});
