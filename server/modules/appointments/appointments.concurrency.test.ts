import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { useTestContext } from '#test/use-context.ts';
import { book, bookingBody, MONDAY, office } from './appointments.fixture.ts';

/**
 * No double booking by construction. On PostgreSQL: 200 concurrent bookings from 200 contacts at a
 * slot with one free counsellor → exactly one 201 and 199 "slot-taken". PGlite has one connection
 * (callers are serialised), so there the same invariant is asserted over 200 sequential requests.
 */
const ctx = useTestContext({ config: { appointmentLimits: { perContactPerDay: 100_000, openPerContact: 100_000, perIpPerHour: 1_000_000 } } });
beforeAll(async () => {
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`);
});

const countRows = async (officeId: string): Promise<number> => {
  const rows = await queryRows<{ n: number }>(ctx.database.db.owner, sql`select count(*)::int as n from appointment where office_id = ${officeId} and status = 'booked'`);
  return Number(rows[0]?.n ?? -1);
};

describe('concurrent bookings', () => {
  it('200 bookings at a slot with one free counsellor: exactly one 201, 199 clear 409 slot-taken', async () => {
    const f = await office(ctx);
    const start = '2026-06-02T08:00:00.000Z';
    const bodies = Array.from({ length: 200 }, (_, i) => bookingBody(f, start, { email: `racer${i}@example.org` }));
    const fire = (b: Record<string, unknown>, i: number) => book(ctx, b, `race-key-${i}`, `198.51.100.${i % 250}`);
    const results =
      ctx.database.db.kind === 'postgres'
        ? await Promise.all(bodies.map(fire))
        : await bodies.reduce<Promise<Awaited<ReturnType<typeof fire>>[]>>(async (acc, b, i) => [...(await acc), await fire(b, i)], Promise.resolve([]));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json<{ type: string }>().type).toBe('/problems/slot-taken');
    expect(await countRows(f.officeId)).toBe(1);
  });

  it('20 concurrent retries with the same Idempotency-Key all return the same booking; one row', async () => {
    const f = await office(ctx);
    const body = bookingBody(f, '2026-06-02T09:00:00.000Z');
    const fire = () => book(ctx, body, 'retry-key-0001');
    const results = ctx.database.db.kind === 'postgres' ? await Promise.all(Array.from({ length: 20 }, fire)) : await Array.from({ length: 20 }).reduce<Promise<Awaited<ReturnType<typeof fire>>[]>>(async (acc) => [...(await acc), await fire()], Promise.resolve([]));
    expect(results.map((r) => r.statusCode)).toEqual(Array.from({ length: 20 }, () => 201));
    const codes = new Set(results.map((r) => r.json<{ code: string }>().code));
    const tokens = new Set(results.map((r) => r.json<{ manageToken: string }>().manageToken));
    expect(codes.size).toBe(1);
    expect(tokens.size).toBe(1);
    expect(await countRows(f.officeId)).toBe(1);
  });
});
