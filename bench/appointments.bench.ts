import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '#server/config.ts';
import type { Deps } from '#server/deps.ts';
import { makeDeps, prepareDatabase } from '#server/main.ts';
import { bookAppointment } from '#server/modules/appointments/booking.service.ts';
import { appointmentResource, appointmentType, resourceAvailability } from '#server/modules/appointments/appointments.schema.ts';
import { loadOfficeContext, slotInput } from '#server/modules/appointments/office-context.ts';
import { computeSlots } from '#server/modules/appointments/slots.ts';
import { berlinToday } from '#server/modules/appointments/tz.ts';
import type { AnonymousActor } from '#server/modules/identity/actor.ts';
import { insertOrganisation } from '#server/modules/identity/identity.queries.ts';
import { addDays } from '#server/modules/offices/holidays.ts';
import * as oq from '#server/modules/offices/offices.queries.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { startCluster, type Cluster } from '#test/postgres-cluster.ts';
import { listenLocal, settings, type Figure } from './lib.ts';

/**
 * Appointments: (1) bookings per second against PostgreSQL — the booking use case (idempotency key,
 * limits, slot check, exclusion constraints, sealed personal data, audit) beside the bare SQL
 * transaction (select a free counsellor, insert) run directly with `pg`; both behind the same bare
 * Fastify route so only the work differs; every request books a distinct start, so nothing collides.
 * (2) Free slots of an office over 90 days: GET /api/offices/:id/slots?days=90 beside the pure slot
 * computation on the same data held in memory.
 * Uses DATABASE_URL when set; otherwise starts a throwaway PostgreSQL cluster for (1).
 */

const actor: AnonymousActor = { kind: 'anonymous', ip: '127.0.0.1', requestId: null };
const allWeek = (opens: string, closes: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes, kind: 'open' as const }));

/** An office with `counsellors` counsellors; availability and hours as given. */
async function benchOffice(deps: Deps, opts: { counsellors: number; opens: string; closes: string; durationMinutes: number; horizonDays: number }) {
  return deps.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const provider = await insertOrganisation(tx, { kind: 'provider', name: `Bench provider ${randomBytes(3).toString('hex')}` });
    const region = await findRegion(tx, 'mitte');
    if (!region) throw new Error('region mitte missing');
    const office = await oq.insertOffice(tx, { providerId: provider.id, regionId: region.id, name: 'Bench office', street: 'Benchstraße', houseNumber: '1', postcode: '01067', city: 'Dresden', lat: 51.05, lon: 13.74, validFrom: '2020-01-01' });
    await oq.replaceHours(tx, office.id, allWeek(opts.opens, opts.closes));
    const [type] = await tx
      .insert(appointmentType)
      .values({ officeId: office.id, kind: 'first_consultation', name: 'Erstberatung', durationMinutes: opts.durationMinutes, slotStepMinutes: opts.durationMinutes, minNoticeMinutes: 0, horizonDays: opts.horizonDays })
      .returning();
    if (!type) throw new Error('no type');
    for (let i = 0; i < opts.counsellors; i++) {
      const [r] = await tx.insert(appointmentResource).values({ officeId: office.id, kind: 'counsellor', displayName: `C${i}`, languages: ['de'] }).returning();
      if (!r) throw new Error('no resource');
      await tx.insert(resourceAvailability).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ officeId: office.id, resourceId: r.id, weekday, starts: opts.opens, ends: opts.closes })));
    }
    return { providerId: provider.id, officeId: office.id, typeId: type.id };
  });
}

/** Every free start of the office over its horizon (no bookings yet). */
async function freeStarts(deps: Deps, officeId: string, typeId: string, days: number): Promise<string[]> {
  const now = new Date();
  return deps.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const ctx = await loadOfficeContext(tx, officeId);
    const type = ctx?.types.find((t) => t.id === typeId);
    if (!ctx || !type) throw new Error('office missing');
    const input = await slotInput(tx, ctx, type, { from: addDays(berlinToday(now), 1), days, now, channel: 'web' });
    return computeSlots(input).flatMap((d) => d.slots.map((s) => s.start.toISOString()));
  });
}

/** Round trips of one booking: every `pg` client query (BEGIN/COMMIT and savepoints included) counted. */
export async function countQueriesPerBooking(deps: Deps, o: { officeId: string; typeId: string }, start: string): Promise<void> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const statements: string[] = [];
  const timings: [string, number][] = [];
  const explain: [string, unknown][] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '?');
    statements.push(text);
    if (process.env['BENCH_EXPLAIN'] && text.trim().startsWith('with del')) explain.push([text, args[1]]);
    const t0 = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise) void result.finally(() => timings.push([text.replace(/\s+/g, ' ').slice(0, 60), performance.now() - t0])).catch(() => undefined);
    return result;
  };
  const t0 = performance.now();
  try {
    await bookAppointment(deps, actor, { officeId: o.officeId, typeId: o.typeId, start, name: 'Count Person', phone: '+49 170 0', language: 'de' }, `count-${randomBytes(4).toString('hex')}`);
  } finally {
    proto.query = original;
  }
  const transactions = statements.filter((s) => /^begin/i.test(s.trim())).length;
  process.stdout.write(`one booking: ${statements.length} database round trips in ${transactions} transactions, ${(performance.now() - t0).toFixed(1)} ms\n`);
  if (explain[0] && deps.config.database.kind === 'postgres') {
    const c = new pg.Client({ connectionString: deps.config.database.url });
    await c.connect();
    const plan = await c.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off) ${explain[0][0]}`, explain[0][1] as unknown[]);
    process.stdout.write(plan.rows.map((r) => r['QUERY PLAN']).join('\n') + '\n');
    await c.end();
  }
  if (process.env['BENCH_VERBOSE']) for (const [text, ms] of timings) process.stdout.write(`  ${ms.toFixed(2)} ms  ${text}\n`);
}

export async function bookingFigure(_lotseUrl: string, runDeps: Deps): Promise<Figure> {
  let cluster: Cluster | null = null;
  let deps = runDeps;
  let ownDb: { close: () => Promise<void> } | null = null;
  if (runDeps.db.kind !== 'postgres') {
    process.stdout.write('starting a throwaway PostgreSQL cluster for the booking figure…\n');
    cluster = await startCluster();
    const config = loadConfig({ DATABASE_URL: cluster.url('postgres'), LOTSE_SECRET_KEYS: randomBytes(32).toString('base64'), LOTSE_DEMO: '0', LOTSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'lotse-bench-appt-')) });
    const db = await prepareDatabase(config);
    ownDb = db;
    deps = makeDeps({ ...config, appointmentLimits: { perContactPerDay: 1e9, openPerContact: 1e9, perIpPerHour: 1e9 } }, db);
  } else {
    deps = { ...runDeps, config: { ...runDeps.config, appointmentLimits: { perContactPerDay: 1e9, openPerContact: 1e9, perIpPerHour: 1e9 } } };
  }
  const url = deps.config.database.kind === 'postgres' ? deps.config.database.url : '';
  const shape = { counsellors: 4, opens: '00:00', closes: '23:55', durationMinutes: 5, horizonDays: 365 };
  const a = await benchOffice(deps, shape);
  const b = await benchOffice(deps, shape);
  const startsA = await freeStarts(deps, a.officeId, a.typeId, 360);
  const startsB = await freeStarts(deps, b.officeId, b.typeId, 360);
  const pool = new pg.Pool({ connectionString: url, max: 10 });

  let i = 0;
  let j = 0;
  const server = Fastify({ logger: false });
  server.post('/book', async (_req, reply) => {
    const n = i++;
    const start = startsA[n % startsA.length] ?? '';
    const { response } = await bookAppointment(deps, actor, { officeId: a.officeId, typeId: a.typeId, start, name: 'Bench Person', phone: `+49 170 ${n}`, language: 'de' }, `bench-${n}-${randomBytes(4).toString('hex')}`);
    return reply.status(201).send(response);
  });
  server.post('/raw', async (_req, reply) => {
    const n = j++;
    const start = new Date(startsB[n % startsB.length] ?? '');
    const end = new Date(start.getTime() + 5 * 60_000);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const free = await client.query<{ id: string }>(
        `select r.id from appointment_resource r where r.office_id = $1 and r.kind = 'counsellor' and r.active
           and not exists (select 1 from appointment x where x.counsellor_id = r.id and x.status <> 'cancelled' and tstzrange(x.blocked_from, x.blocked_to) && tstzrange($2, $3))
         order by r.id limit 1`,
        [b.officeId, start, end],
      );
      const counsellor = free.rows[0]?.id;
      if (!counsellor) {
        await client.query('ROLLBACK');
        return reply.status(409).send({ taken: true });
      }
      await client.query(
        `insert into appointment (provider_id, office_id, type_id, counsellor_id, status, channel, code, starts_at, ends_at, blocked_from, blocked_to)
         values ($1, $2, $3, $4, 'booked', 'web', $5, $6, $7, $6, $7)`,
        [b.providerId, b.officeId, b.typeId, counsellor, randomBytes(6).toString('base64url').toUpperCase(), start, end],
      );
      await client.query('COMMIT');
      return reply.status(201).send({ ok: true });
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });
  const base = await listenLocal(server);
  await countQueriesPerBooking(deps, a, startsA[startsA.length - 1] ?? '');
  return {
    name: 'appointments: bookings/s (PostgreSQL)',
    subject: { label: 'bookAppointment use case (distinct slots)', url: `${base}/book`, method: 'POST' },
    baseline: { label: 'raw SQL: select free counsellor + insert (pg)', url: `${base}/raw`, method: 'POST' },
    close: async () => {
      if (process.env['BENCH_PROBE']) await countQueriesPerBooking(deps, a, startsA[startsA.length - 2] ?? '');
      await server.close();
      await pool.end();
      await ownDb?.close();
      cluster?.stop();
    },
  };
}

export async function slotsFigure(lotseUrl: string, deps: Deps): Promise<Figure> {
  const o = await benchOffice(deps, { counsellors: 3, opens: '08:00', closes: '18:00', durationMinutes: 60, horizonDays: 120 });
  const now = new Date();
  const from = berlinToday(now);
  const input = await deps.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const ctx = await loadOfficeContext(tx, o.officeId);
    const type = ctx?.types[0];
    if (!ctx || !type) throw new Error('office missing');
    return slotInput(tx, ctx, type, { from, days: 90, now, channel: 'web' });
  });
  // Milliseconds per computation of the pure function, for the record.
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < Math.min(2000, settings.seconds * 200)) {
    computeSlots(input);
    n++;
  }
  process.stdout.write(`slot computation over 90 days (3 counsellors, 60-minute talks): ${((performance.now() - t0) / n).toFixed(2)} ms per computation (pure, ${n} runs)\n`);
  const server = Fastify({ logger: false });
  server.get('/slots', async () => computeSlots(input).map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) })));
  const base = await listenLocal(server);
  return {
    name: 'appointments: slots over 90 days',
    subject: { label: 'GET /api/offices/:id/slots?days=90', url: `${lotseUrl}/api/offices/${o.officeId}/slots?type=${o.typeId}&from=${from}&days=90` },
    baseline: { label: 'pure slot computation, data in memory', url: `${base}/slots` },
    close: () => server.close(),
  };
}
