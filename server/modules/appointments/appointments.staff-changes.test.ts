import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { useTestContext } from '#test/use-context.ts';
import { book, bookingBody, MONDAY, office } from './appointments.fixture.ts';

/** Staff cancel and move a booking: provider staff only, audited, the person told by mail, the freed slot offered. */
const ctx = useTestContext({ config: { appointmentLimits: { perContactPerDay: 1000, openPerContact: 1000, perIpPerHour: 100_000 } } });
beforeEach(() => {
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`);
  ctx.deps.mailer.sent.length = 0;
});

const auditActions = async (id: string): Promise<string[]> =>
  (await queryRows<{ action: string }>(ctx.database.db.owner, sql`select action from audit_entry where ${id} = any(record_ids) order by seq`)).map((r) => r.action);

async function bookedWithWaitlist(start: string) {
  const f = await office(ctx);
  const res = await book(ctx, bookingBody(f, start, { email: 'person@example.org', locale: 'en' }));
  expect(res.statusCode, res.body).toBe(201);
  const { code, manageToken } = res.json<{ code: string; manageToken: string }>();
  const join = await ctx.request(null, { method: 'POST', url: '/api/appointments/waitlist', payload: { officeId: f.officeId, typeId: f.typeId, name: 'Wartend', email: 'waiting@example.org', from: '2026-06-01', to: '2026-06-05', language: 'de' } });
  expect(join.statusCode, join.body).toBe(201);
  const rows = await queryRows<{ id: string }>(ctx.database.db.owner, sql`select id from appointment where code = ${code}`);
  return { f, code, manageToken, id: rows[0]?.id ?? '' };
}

describe('staff cancel', () => {
  it('cancels, audits, mails the person in their language and offers the slot to the waitlist; twice → 409; others → 404/403', async () => {
    const { f, code, manageToken, id } = await bookedWithWaitlist('2026-06-02T07:00:00.000Z');
    const url = `/api/offices/${f.officeId}/appointments/${id}/cancel`;

    const other = await ctx.staff('provider_admin');
    expect((await ctx.request(other, { method: 'POST', url })).statusCode).toBe(404);
    const city = await ctx.staff('city_coordinator');
    expect((await ctx.request(city, { method: 'POST', url })).statusCode).toBe(403);

    const res = await ctx.request(f.admin, { method: 'POST', url });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, code, status: 'cancelled', start: '2026-06-02T07:00:00.000Z', notified: true });
    const mail = ctx.deps.mailer.sent.find((m) => m.to === 'person@example.org' && m.subject.includes('cancelled'));
    expect(mail?.subject).toMatch(/^Your appointment on .* is cancelled$/);
    expect(ctx.deps.mailer.sent.some((m) => m.to === 'waiting@example.org')).toBe(true);
    expect(await auditActions(id)).toContain('appointment.cancel.staff');
    // The person's link shows it cancelled.
    const details = await ctx.request(null, { method: 'GET', url: `/api/appointments/${code}?token=${manageToken}` });
    expect(details.json<{ status: string }>().status).toBe('cancelled');
    expect((await ctx.request(f.admin, { method: 'POST', url })).statusCode).toBe(409);
  });

  it('a booking without an email is cancelled without a mail', async () => {
    const f = await office(ctx);
    const staffBooking = await ctx.request(f.admin, { method: 'POST', url: `/api/offices/${f.officeId}/appointments`, payload: { typeId: f.typeId, start: '2026-06-03T07:00:00.000Z', name: 'Familie B.' } });
    expect(staffBooking.statusCode, staffBooking.body).toBe(201);
    const id = staffBooking.json<{ id: string }>().id;
    const res = await ctx.request(f.admin, { method: 'POST', url: `/api/offices/${f.officeId}/appointments/${id}/cancel` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ notified: boolean }>().notified).toBe(false);
    expect(ctx.deps.mailer.sent).toHaveLength(0);
  });
});

describe('staff move', () => {
  it('moves in place (code and link stay), audits, mails the new time, offers the old slot; no slot → 422, taken → 409', async () => {
    const { f, code, manageToken, id } = await bookedWithWaitlist('2026-06-02T07:00:00.000Z');
    const url = `/api/offices/${f.officeId}/appointments/${id}/move`;
    const taken = await book(ctx, bookingBody(f, '2026-06-02T09:00:00.000Z'));
    expect(taken.statusCode).toBe(201);
    ctx.deps.mailer.sent.length = 0;

    expect((await ctx.request(f.admin, { method: 'POST', url, payload: { start: '2026-06-02T08:30:00.000Z' } })).statusCode).toBe(422);
    const conflict = await ctx.request(f.admin, { method: 'POST', url, payload: { start: '2026-06-02T09:00:00.000Z' } });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json<{ type: string }>().type).toBe('/problems/slot-taken');
    const other = await ctx.staff('social_worker');
    expect((await ctx.request(other, { method: 'POST', url, payload: { start: '2026-06-03T07:00:00.000Z' } })).statusCode).toBe(404);
    expect(ctx.deps.mailer.sent).toHaveLength(0);

    const res = await ctx.request(f.admin, { method: 'POST', url, payload: { start: '2026-06-03T07:00:00.000Z' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, code, status: 'booked', start: '2026-06-03T07:00:00.000Z', end: '2026-06-03T08:00:00.000Z', notified: true });
    const mail = ctx.deps.mailer.sent.find((m) => m.to === 'person@example.org');
    expect(mail?.subject).toMatch(/^Your appointment has been moved: /);
    expect(mail?.text).toContain(code);
    // The old slot went to the waiting person.
    expect(ctx.deps.mailer.sent.some((m) => m.to === 'waiting@example.org')).toBe(true);
    expect(await auditActions(id)).toContain('appointment.move.staff');
    const details = await ctx.request(null, { method: 'GET', url: `/api/appointments/${code}?token=${manageToken}` });
    expect(details.json<{ start: string; status: string }>()).toMatchObject({ start: '2026-06-03T07:00:00.000Z', status: 'booked' });
  });
});
