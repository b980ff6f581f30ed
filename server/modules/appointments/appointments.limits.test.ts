import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '#test/context.ts';
import { book, bookingBody, MONDAY, office } from './appointments.fixture.ts';
import { normaliseContact } from './limits.ts';

/** Each abuse limit on its own: the others are set out of the way. */
const generous = { perContactPerDay: 1000, openPerContact: 1000, perIpPerHour: 100_000, rebookBlockHours: 24 };
let ctx: TestContext;
const contexts: TestContext[] = [];
async function withLimits(limits: Partial<typeof generous>): Promise<TestContext> {
  const c = await createTestContext({ config: { appointmentLimits: { ...generous, ...limits } } });
  c.clock.now = new Date(`${MONDAY}T06:00:00Z`);
  contexts.push(c);
  return c;
}
beforeAll(async () => {
  ctx = await withLimits({});
});
afterAll(async () => {
  for (const c of contexts) await c.close();
});
beforeEach(() => {
  for (const c of contexts) c.clock.now = new Date(`${MONDAY}T06:00:00Z`);
});

describe('limits', () => {
  it('normalises contacts: case of emails, spacing and trunk prefix of phone numbers', () => {
    expect(normaliseContact({ email: ' Ana@Example.ORG ' })).toBe(normaliseContact({ email: 'ana@example.org' }));
    expect(normaliseContact({ phone: '0171 / 234 56-78' })).toBe(normaliseContact({ phone: '+49 171 2345678' }));
    expect(normaliseContact({ phone: '0049 171 2345678' })).toBe(normaliseContact({ phone: '+491712345678' }));
  });

  it('caps open bookings per contact (2): the third answers 429 booking-limit, also with the phone written differently', async () => {
    const c = await withLimits({ openPerContact: 2 });
    const f = await office(c, { counsellors: [{ languages: ['de'], starts: '09:00', ends: '17:00' }], type: { bufferAfterMinutes: 0 } });
    const phone = (p: string) => ({ email: undefined, phone: p });
    expect((await book(c, bookingBody(f, '2026-06-02T07:00:00.000Z', phone('0171 1234567')))).statusCode).toBe(201);
    expect((await book(c, bookingBody(f, '2026-06-02T08:00:00.000Z', phone('+49 171 1234567')))).statusCode).toBe(201);
    const third = await book(c, bookingBody(f, '2026-06-02T09:00:00.000Z', phone('0049171/1234567')));
    expect(third.statusCode).toBe(429);
    expect(third.json<{ type: string; detail: string }>()).toMatchObject({ type: '/problems/booking-limit' });
    expect(third.json<{ detail: string }>().detail).toContain('schon Termine gebucht');
    expect((await book(c, bookingBody(f, '2026-06-02T09:00:00.000Z', phone('0171 7654321')))).statusCode).toBe(201);
  });

  it('caps open bookings per contact across providers: two at provider A, the third at provider B answers the same 429', async () => {
    const c = await withLimits({ openPerContact: 2 });
    const a = await office(c, { counsellors: [{ languages: ['de'], starts: '09:00', ends: '17:00' }], type: { bufferAfterMinutes: 0 } });
    const b = await office(c, { counsellors: [{ languages: ['de'], starts: '09:00', ends: '17:00' }], type: { bufferAfterMinutes: 0 } });
    expect(a.providerId).not.toBe(b.providerId);
    const email = 'everywhere@example.org';
    expect((await book(c, bookingBody(a, '2026-06-02T07:00:00.000Z', { email }))).statusCode).toBe(201);
    expect((await book(c, bookingBody(a, '2026-06-02T08:00:00.000Z', { email: 'Everywhere@Example.org' }))).statusCode).toBe(201);
    const atB = await book(c, bookingBody(b, '2026-06-02T09:00:00.000Z', { email }));
    expect(atB.statusCode).toBe(429);
    expect(atB.json<{ type: string; detail: string }>()).toMatchObject({ type: '/problems/booking-limit' });
    expect(atB.json<{ detail: string }>().detail).toContain('schon Termine gebucht');
    // Past, cancelled and other contacts' bookings do not count.
    expect((await book(c, bookingBody(b, '2026-06-02T09:00:00.000Z'))).statusCode).toBe(201);
    const first = (await book(c, bookingBody(a, '2026-06-03T07:00:00.000Z', { email: 'other@example.org' }))).json<{ code: string; manageToken: string }>();
    expect((await book(c, bookingBody(a, '2026-06-03T09:00:00.000Z', { email: 'other@example.org' }))).statusCode).toBe(201);
    expect((await c.request(null, { method: 'POST', url: `/api/appointments/${first.code}/cancel?token=${first.manageToken}` })).statusCode).toBe(200);
    expect((await book(c, bookingBody(b, '2026-06-03T08:00:00.000Z', { email: 'other@example.org' }))).statusCode).toBe(201);
    c.clock.now = new Date('2026-06-02T07:30:00Z');
    expect((await book(c, bookingBody(b, '2026-06-02T10:00:00.000Z', { email }))).statusCode).toBe(201);
  });

  it('limits booking attempts per contact and day (3), counting failed attempts too; the next day it works again', async () => {
    const c = await withLimits({ perContactPerDay: 3 });
    const f = await office(c, { counsellors: [{ languages: ['de'], starts: '09:00', ends: '17:00' }], type: { bufferAfterMinutes: 0 } });
    const email = 'daily@example.org';
    expect((await book(c, bookingBody(f, '2026-06-02T05:00:00.000Z', { email }))).statusCode).toBe(422);
    expect((await book(c, bookingBody(f, '2026-06-02T05:00:00.000Z', { email }))).statusCode).toBe(422);
    expect((await book(c, bookingBody(f, '2026-06-02T07:00:00.000Z', { email }))).statusCode).toBe(201);
    const fourth = await book(c, bookingBody(f, '2026-06-02T08:00:00.000Z', { email: 'DAILY@example.org' }));
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers['retry-after']).toBeDefined();
    c.clock.advance(24 * 3_600_000 + 1000);
    expect((await book(c, bookingBody(f, '2026-06-03T08:00:00.000Z', { email }))).statusCode).toBe(201);
  });

  it('has a generous per-address limit only: many contacts from one address are fine up to the limit, then 429 rate-limited', async () => {
    const c = await withLimits({ perIpPerHour: 5 });
    const f = await office(c, { counsellors: [{ languages: ['de'], starts: '09:00', ends: '17:00' }], type: { bufferAfterMinutes: 0 } });
    const starts = ['07', '08', '09', '10', '11', '12'].map((h) => `2026-06-02T${h}:00:00.000Z`);
    const codes = [];
    for (const s of starts) codes.push((await book(c, bookingBody(f, s), undefined, '203.0.113.7')).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await book(c, bookingBody(f, starts[5] ?? ''), undefined, '203.0.113.8')).statusCode).toBe(201);
  });

  it('blocks re-booking a just-cancelled slot by the same contact for 24 hours (slot trading)', async () => {
    const f = await office(ctx);
    const start = '2026-06-03T07:00:00.000Z';
    const email = 'trader@example.org';
    const b = (await book(ctx, bookingBody(f, start, { email }))).json<{ code: string; manageToken: string }>();
    expect((await ctx.request(null, { method: 'POST', url: `/api/appointments/${b.code}/cancel?token=${b.manageToken}` })).statusCode).toBe(200);
    const again = await book(ctx, bookingBody(f, start, { email }));
    expect(again.statusCode).toBe(409);
    expect(again.json<{ type: string; detail: string }>().detail).toContain('gerade abgesagt');
    ctx.clock.advance(25 * 3_600_000);
    expect((await book(ctx, bookingBody(f, start, { email }))).statusCode).toBe(201);
  });

  it('the per-day web quota closes the day for the web; staff can still book', async () => {
    const f = await office(ctx, { counsellors: [{ languages: ['de'], starts: '09:00', ends: '17:00' }], type: { webPerDay: 1, bufferAfterMinutes: 0 } });
    expect((await book(ctx, bookingBody(f, '2026-06-02T07:00:00.000Z'))).statusCode).toBe(201);
    expect((await book(ctx, bookingBody(f, '2026-06-02T08:00:00.000Z'))).statusCode).toBe(409);
    const staff = await ctx.request(f.admin, { method: 'POST', url: `/api/offices/${f.officeId}/appointments`, payload: { typeId: f.typeId, start: '2026-06-02T08:00:00.000Z', name: 'Familie A.' } });
    expect(staff.statusCode, staff.body).toBe(201);
  });
});
