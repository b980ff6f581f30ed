import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { JOBS } from '#server/jobs.ts';
import { useTestContext } from '#test/use-context.ts';
import { book, bookingBody, MONDAY, office } from './appointments.fixture.ts';
import { appointmentsHousekeeping } from './housekeeping.service.ts';

/** The housekeeping job run directly with the test clock: offers passed on, holds, keys and counters swept. */
const ctx = useTestContext({ config: { appointmentLimits: { perContactPerDay: 1000, openPerContact: 1000, perIpPerHour: 100_000 } } });
beforeEach(() => {
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`);
  ctx.deps.mailer.sent.length = 0;
});

const one = async <T>(query: ReturnType<typeof sql>): Promise<T | undefined> => (await queryRows<T>(ctx.database.db.owner, query))[0];
const count = async (query: ReturnType<typeof sql>): Promise<number> => Number((await one<{ n: number }>(query))?.n ?? -1);

describe('appointments housekeeping', () => {
  it('is a scheduled job', () => {
    expect(JOBS.map((j) => j.name)).toContain('appointments.housekeeping');
  });

  it('passes an expired waitlist offer on to the next waiting person, once, also when two processes run it at the same time', async () => {
    const f = await office(ctx);
    const start = '2026-06-03T07:00:00.000Z';
    const first = (await book(ctx, bookingBody(f, start))).json<{ code: string; manageToken: string }>();
    for (const email of ['erste@example.org', 'zweite@example.org', 'dritte@example.org']) {
      const join = await ctx.request(null, { method: 'POST', url: '/api/appointments/waitlist', payload: { officeId: f.officeId, typeId: f.typeId, name: 'Wartend', email, from: '2026-06-01', to: '2026-06-05', language: 'de' } });
      expect(join.statusCode, join.body).toBe(201);
    }
    expect((await ctx.request(null, { method: 'POST', url: `/api/appointments/${first.code}/cancel?token=${first.manageToken}` })).statusCode).toBe(200);
    expect(ctx.deps.mailer.sent.filter((m) => m.to === 'erste@example.org')).toHaveLength(1);

    // Before the offer expires the job leaves it alone.
    ctx.clock.advance(3_600_000);
    expect((await appointmentsHousekeeping(ctx.deps)).expiredOffers).toBe(0);
    expect(ctx.deps.mailer.sent.some((m) => m.to === 'zweite@example.org')).toBe(false);

    // 12 hours later the offer has expired: the second person gets it, the third does not.
    ctx.clock.advance(12 * 3_600_000);
    const runs = await Promise.all([appointmentsHousekeeping(ctx.deps), appointmentsHousekeeping(ctx.deps)]);
    expect(runs.reduce((n, r) => n + r.expiredOffers, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.passedOn, 0)).toBe(1);
    expect(ctx.deps.mailer.sent.filter((m) => m.to === 'zweite@example.org')).toHaveLength(1);
    expect(ctx.deps.mailer.sent.some((m) => m.to === 'dritte@example.org')).toBe(false);
    const entries = await queryRows<{ status: string }>(ctx.database.db.owner, sql`select status from waitlist_entry where office_id = ${f.officeId} order by created_at, id`);
    expect(entries.map((e) => e.status)).toEqual(['expired', 'offered', 'waiting']);
    // One live hold for the second person; others still cannot book the slot.
    expect(await count(sql`select count(*)::int as n from appointment where office_id = ${f.officeId} and status = 'held' and hold_expires_at > ${ctx.clock.now.toISOString()}::timestamptz`)).toBe(1);
    expect((await book(ctx, bookingBody(f, start))).statusCode).toBe(409);

    // Running it again changes nothing.
    const again = await appointmentsHousekeeping(ctx.deps);
    expect(again.expiredOffers).toBe(0);
    expect(ctx.deps.mailer.sent.filter((m) => m.to === 'zweite@example.org')).toHaveLength(1);
  });

  it('deletes expired holds (not live ones), idempotency keys after 24 hours and rate-limit counters whose window has passed', async () => {
    const f = await office(ctx);
    const hold = (start: string) => ctx.app.inject({ method: 'POST', url: '/api/appointments/holds', payload: { officeId: f.officeId, typeId: f.typeId, start, language: 'de' }, remoteAddress: '192.0.2.77' });
    expect((await hold('2026-06-02T07:00:00.000Z')).statusCode).toBe(201);
    const booked = await book(ctx, bookingBody(f, '2026-06-04T07:00:00.000Z', { email: 'keeper@example.org' }), 'sweep-key-1', '192.0.2.77');
    expect(booked.statusCode).toBe(201);
    const heldRows = () => count(sql`select count(*)::int as n from appointment where office_id = ${f.officeId} and status = 'held'`);
    const keys = () => count(sql`select count(*)::int as n from appointment_idempotency where key like ${`%:sweep-key-1`}`);
    const counters = () => count(sql`select count(*)::int as n from rate_limit where key = 'appt:ip:192.0.2.77'`);

    ctx.clock.advance(5 * 60_000);
    await appointmentsHousekeeping(ctx.deps);
    expect(await heldRows()).toBe(1);
    expect(await counters()).toBe(1);

    ctx.clock.advance(6 * 60_000);
    expect((await hold('2026-06-05T07:00:00.000Z')).statusCode).toBe(201);
    const r = await appointmentsHousekeeping(ctx.deps);
    expect(r.holds).toBeGreaterThanOrEqual(1);
    expect(await heldRows()).toBe(1);
    expect(await keys()).toBe(1);

    // The address window (1 h) has passed: its counter goes; the key (24 h) stays for now.
    ctx.clock.advance(3_600_000);
    await appointmentsHousekeeping(ctx.deps);
    expect(await counters()).toBe(0);
    expect(await keys()).toBe(1);
    expect(await heldRows()).toBe(0);

    ctx.clock.advance(23 * 3_600_000);
    const later = await appointmentsHousekeeping(ctx.deps);
    expect(later.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await keys()).toBe(0);
    // The booking itself stays.
    expect(await count(sql`select count(*)::int as n from appointment where office_id = ${f.officeId} and status = 'booked'`)).toBe(1);
  });
});
