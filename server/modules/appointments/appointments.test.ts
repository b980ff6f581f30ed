import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestContext } from '#test/use-context.ts';
import { book, bookingBody, MONDAY, office, type OfficeFixture } from './appointments.fixture.ts';

const ctx = useTestContext({ config: { appointmentLimits: { perContactPerDay: 1000, openPerContact: 1000, perIpPerHour: 100_000 } } });
beforeEach(() => {
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`); // Monday 08:00 in Berlin (CEST)
  ctx.deps.mailer.sent.length = 0;
});

interface SlotsBody {
  days: { date: string; slots: { start: string; end: string }[] }[];
  next: string | null;
}
const slots = async (f: OfficeFixture, q = '') => {
  const res = await ctx.request(null, { method: 'GET', url: `/api/offices/${f.officeId}/slots?type=${f.typeId}&from=${MONDAY}&days=2${q}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SlotsBody>();
};

describe('setup and public slots', () => {
  it('lists types with languages and free starts in Berlin time without naming counsellors; another provider gets 404 on the setup', async () => {
    const f = await office(ctx, { counsellors: [{ languages: ['de', 'ar'] }, { languages: ['de'] }] });
    const types = await ctx.request(null, { method: 'GET', url: `/api/offices/${f.officeId}/appointment-types` });
    expect(types.json<{ types: { id: string; languages: string[] }[] }>().types).toEqual([expect.objectContaining({ id: f.typeId, languages: ['ar', 'de'] })]);
    const body = await slots(f);
    // 09:00–12:00 CEST, 60 minutes: 07:00, 08:00, 09:00 UTC; today 09:00 local is past the 60-minute notice.
    expect(body.days[0]?.slots.map((s) => s.start)).toEqual(['2026-06-01T07:00:00.000Z', '2026-06-01T08:00:00.000Z', '2026-06-01T09:00:00.000Z']);
    expect(body.next).toBe('2026-06-01T07:00:00.000Z');
    for (const id of f.counsellorIds) expect(JSON.stringify(body)).not.toContain(id);
    expect((await slots(f, '&language=uk')).days.every((d) => d.slots.length === 0)).toBe(true);
    const other = await ctx.staff('provider_admin');
    expect((await ctx.request(other, { method: 'GET', url: `/api/offices/${f.officeId}/appointment-setup` })).statusCode).toBe(404);
    const mine = await ctx.request(f.admin, { method: 'GET', url: `/api/offices/${f.officeId}/appointment-setup` });
    expect(mine.json<{ resources: unknown[] }>().resources).toHaveLength(2);
  });
});

describe('POST /api/appointments', () => {
  it('books (201 with code and token), sends the confirmation in the booker\'s language, and a retry with the same key returns the same booking', async () => {
    const f = await office(ctx, { counsellors: [{ languages: ['de', 'ar'] }] });
    const body = bookingBody(f, '2026-06-02T07:00:00.000Z', { language: 'ar' });
    const res = await book(ctx, body, 'same-key-0001');
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json<{ code: string; manageToken: string; start: string; end: string; manageUrl: string }>();
    expect(b.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(Buffer.from(b.manageToken, 'base64url')).toHaveLength(32);
    expect(b.end).toBe('2026-06-02T08:00:00.000Z');
    expect(b.manageUrl).toBe(`${ctx.deps.config.publicUrl}/ar/appointments/${b.code}?token=${b.manageToken}`);
    const mail = ctx.deps.mailer.sent.find((m) => m.to === body['email']);
    expect(mail?.subject).toContain(b.code);
    expect(mail?.text).toContain('رمز الحجز');
    expect(mail?.text).toContain(b.manageUrl);
    const again = await book(ctx, body, 'same-key-0001');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(b);
    expect(ctx.deps.mailer.sent.filter((m) => m.to === body['email'])).toHaveLength(1);
    const changed = await book(ctx, { ...body, name: 'Someone else' }, 'same-key-0001');
    expect(changed.statusCode).toBe(422);
    expect(changed.json<{ type: string }>().type).toBe('/problems/idempotency-mismatch');
    const noKey = await ctx.app.inject({ method: 'POST', url: '/api/appointments', payload: body });
    expect(noKey.statusCode).toBe(400);
  });

  it('answers 409 slot-taken when the only counsellor is booked, 422 for a start that is no slot; a second counsellor takes the next booking', async () => {
    const f = await office(ctx);
    expect((await book(ctx, bookingBody(f, '2026-06-02T07:00:00.000Z'))).statusCode).toBe(201);
    const taken = await book(ctx, bookingBody(f, '2026-06-02T07:00:00.000Z'));
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect(taken.json<{ type: string; title: string }>()).toMatchObject({ type: '/problems/slot-taken', title: 'Dieser Termin ist leider schon vergeben.' });
    // The 15-minute buffer after the talk also blocks the next start of the only counsellor.
    expect((await book(ctx, bookingBody(f, '2026-06-02T08:00:00.000Z'))).statusCode).toBe(409);
    expect((await book(ctx, bookingBody(f, '2026-06-02T07:30:00.000Z'))).statusCode).toBe(422);
    expect((await book(ctx, bookingBody(f, '2026-06-02T05:00:00.000Z'))).statusCode).toBe(422);
    const two = await office(ctx, { counsellors: [{ languages: ['de'] }, { languages: ['de'] }] });
    expect((await book(ctx, bookingBody(two, '2026-06-02T07:00:00.000Z'))).statusCode).toBe(201);
    expect((await book(ctx, bookingBody(two, '2026-06-02T07:00:00.000Z'))).statusCode).toBe(201);
    expect((await book(ctx, bookingBody(two, '2026-06-02T07:00:00.000Z'))).statusCode).toBe(409);
  });

  it('assigns a counsellor speaking the language, else adds a free interpreter; without either the language is not bookable', async () => {
    const f = await office(ctx, { counsellors: [{ languages: ['de'] }], interpreters: [['ar', 'fa']] });
    const fa = await book(ctx, bookingBody(f, '2026-06-02T07:00:00.000Z', { language: 'fa' }));
    expect(fa.statusCode, fa.body).toBe(201);
    const b = fa.json<{ code: string; manageToken: string }>();
    const details = await ctx.request(null, { method: 'GET', url: `/api/appointments/${b.code}?token=${b.manageToken}` });
    expect(details.json<{ interpreter: boolean; locale: string }>()).toMatchObject({ interpreter: true, locale: 'fa' });
    expect((await book(ctx, bookingBody(f, '2026-06-02T08:00:00.000Z', { language: 'uk' }))).statusCode).toBe(422);
  });
});

describe('holds', () => {
  it('a held slot is not offered to others for 10 minutes; booking with the hold token succeeds', async () => {
    const f = await office(ctx, { type: { bufferAfterMinutes: 0 } });
    const start = '2026-06-02T08:00:00.000Z';
    const hold = await ctx.request(null, { method: 'POST', url: '/api/appointments/holds', payload: { officeId: f.officeId, typeId: f.typeId, start } });
    expect(hold.statusCode, hold.body).toBe(201);
    const h = hold.json<{ holdToken: string; expiresAt: string }>();
    expect(h.expiresAt).toBe('2026-06-01T06:10:00.000Z');
    expect((await slots(f)).days[1]?.slots.map((s) => s.start)).not.toContain(start);
    expect((await book(ctx, bookingBody(f, start))).statusCode).toBe(409);
    const mine = await book(ctx, bookingBody(f, start, { holdToken: h.holdToken }));
    expect(mine.statusCode, mine.body).toBe(201);

    const later = '2026-06-02T09:00:00.000Z';
    const h2 = (await ctx.request(null, { method: 'POST', url: '/api/appointments/holds', payload: { officeId: f.officeId, typeId: f.typeId, start: later } })).json<{ holdToken: string }>();
    ctx.clock.advance(11 * 60_000);
    expect((await slots(f)).days[1]?.slots.map((s) => s.start)).toContain(later);
    expect((await book(ctx, bookingBody(f, later))).statusCode).toBe(201);
    expect((await book(ctx, bookingBody(f, later, { holdToken: h2.holdToken }))).statusCode).toBe(409);
  });
});

describe('releasing a hold', () => {
  it('DELETE by the hold token answers 204 and offers the time again at once; the same, an unknown or an expired token answer 404', async () => {
    const f = await office(ctx, { type: { bufferAfterMinutes: 0 } });
    const start = '2026-06-02T08:00:00.000Z';
    const hold = (t: string) => ctx.request(null, { method: 'POST', url: '/api/appointments/holds', payload: { officeId: f.officeId, typeId: f.typeId, start: t } });
    const release = (token: string) => ctx.request(null, { method: 'DELETE', url: `/api/appointments/holds/${token}` });
    const h = (await hold(start)).json<{ holdToken: string }>();
    expect((await slots(f)).days[1]?.slots.map((s) => s.start)).not.toContain(start);
    expect((await hold(start)).statusCode).toBe(409);

    const released = await release(h.holdToken);
    expect(released.statusCode, released.body).toBe(204);
    expect((await slots(f)).days[1]?.slots.map((s) => s.start)).toContain(start);
    const other = await hold(start);
    expect(other.statusCode, other.body).toBe(201);

    const again = await release(h.holdToken);
    expect(again.statusCode).toBe(404);
    expect(again.json<{ type: string }>().type).toBe('/problems/not-found');
    expect((await release('x'.repeat(43))).statusCode).toBe(404);
    // The other visitor's hold is untouched by the failed attempts, and expires like any hold.
    expect((await book(ctx, bookingBody(f, start))).statusCode).toBe(409);
    ctx.clock.advance(11 * 60_000);
    expect((await release(other.json<{ holdToken: string }>().holdToken)).statusCode).toBe(404);
  });

  it('a booked appointment\'s hold token no longer releases anything', async () => {
    const f = await office(ctx, { type: { bufferAfterMinutes: 0 } });
    const start = '2026-06-02T09:00:00.000Z';
    const h = (await ctx.request(null, { method: 'POST', url: '/api/appointments/holds', payload: { officeId: f.officeId, typeId: f.typeId, start } })).json<{ holdToken: string }>();
    expect((await book(ctx, bookingBody(f, start, { holdToken: h.holdToken }))).statusCode).toBe(201);
    expect((await ctx.request(null, { method: 'DELETE', url: `/api/appointments/holds/${h.holdToken}` })).statusCode).toBe(404);
    expect((await book(ctx, bookingBody(f, start))).statusCode).toBe(409);
  });
});

describe('manage by token', () => {
  it('shows the details, serves iCalendar that ical.js parses, moves and cancels within the notice period only', async () => {
    const f = await office(ctx);
    const res = await book(ctx, bookingBody(f, '2026-06-02T07:00:00.000Z'));
    const b = res.json<{ code: string; manageToken: string }>();
    expect((await ctx.request(null, { method: 'GET', url: `/api/appointments/${b.code}?token=${'x'.repeat(43)}` })).statusCode).toBe(404);
    const shown = await ctx.request(null, { method: 'GET', url: `/api/appointments/${b.code}?token=${b.manageToken}` });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json<{ emailGiven: boolean }>().emailGiven).toBe(true);
    expect(shown.body).not.toContain('@example.org');
    const byPhone = (await book(ctx, bookingBody(f, '2026-06-02T09:00:00.000Z', { email: undefined, phone: '0171 5550000' }))).json<{ code: string; manageToken: string }>();
    const phoneOnly = await ctx.request(null, { method: 'GET', url: `/api/appointments/${byPhone.code}?token=${byPhone.manageToken}` });
    expect(phoneOnly.json<{ emailGiven: boolean }>().emailGiven).toBe(false);

    const ics = await ctx.request(null, { method: 'GET', url: `/api/appointments/${b.code}.ics?token=${b.manageToken}` });
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('\r\n');
    for (const line of ics.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const vevent = new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent');
    expect(vevent).not.toBeNull();
    const event = new ICAL.Event(vevent ?? undefined);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-06-02T07:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-06-02T08:00:00.000Z');
    expect(event.location).toContain('Teststraße 1');

    const moved = await ctx.request(null, { method: 'POST', url: `/api/appointments/${b.code}/move?token=${b.manageToken}`, payload: { start: '2026-06-03T08:00:00.000Z' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ start: string; code: string }>()).toMatchObject({ start: '2026-06-03T08:00:00.000Z', code: b.code });
    expect((await slots(f)).days[1]?.slots.map((s) => s.start)).toContain('2026-06-02T07:00:00.000Z');

    ctx.clock.now = new Date('2026-06-03T06:30:00Z'); // 90 minutes before: inside the 2-hour notice
    const late = await ctx.request(null, { method: 'POST', url: `/api/appointments/${b.code}/cancel?token=${b.manageToken}` });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ type: string }>().type).toBe('/problems/too-late');
    ctx.clock.now = new Date('2026-06-03T05:30:00Z');
    const cancel = await ctx.request(null, { method: 'POST', url: `/api/appointments/${b.code}/cancel?token=${b.manageToken}` });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json<{ status: string }>().status).toBe('cancelled');
    expect(ctx.deps.mailer.sent.some((m) => m.text.includes(b.code) && m.subject.includes('abgesagt'))).toBe(true);
  });
});
