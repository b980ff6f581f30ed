import { simpleParser } from 'mailparser';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { createTestContext, type TestContext } from '#test/context.ts';
import { startTestSmtp, type TestSmtp } from '#test/smtp.ts';
import { book, bookingBody, MONDAY, office } from './appointments.fixture.ts';
import { sendReminders } from './reminders.service.ts';

let ctx: TestContext;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  ctx = await createTestContext({ mailer: smtp.mailer, config: { appointmentLimits: { perContactPerDay: 1000, openPerContact: 1000, perIpPerHour: 100_000 } } });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});
beforeEach(() => {
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`);
  smtp.received.length = 0;
});

interface CalendarBody {
  personalData: boolean;
  resources: { id: string }[];
  days: { date: string; walkIn: { opens: string; closes: string }[]; counts: Record<string, number>; entries: { id: string; name: string | null; email: string | null; status: string; counsellorId: string; channel: string; note: string | null }[] }[];
}

describe('staff', () => {
  it('book for a household; calendars per office and counsellor with personal data for the provider, counts only for the city, 404 for another provider; marks', async () => {
    const f = await office(ctx, {
      counsellors: [{ languages: ['de'] }, { languages: ['de', 'ru'] }],
      hours: [...[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '14:00', kind: 'open' as const })), { weekday: 2, opens: '14:00', closes: '16:00', kind: 'walk_in' as const }],
    });
    const worker = await ctx.staff('social_worker', f.providerId);
    const staffBooking = await ctx.request(worker, { method: 'POST', url: `/api/offices/${f.officeId}/appointments`, payload: { typeId: f.typeId, start: '2026-06-02T07:00:00.000Z', name: 'Familie Petrenko', language: 'ru', note: 'Haushalt 12' } });
    expect(staffBooking.statusCode, staffBooking.body).toBe(201);
    const sb = staffBooking.json<{ id: string; counsellorId: string }>();
    expect(sb.counsellorId).toBe(f.counsellorIds[1]);
    const web = await book(ctx, bookingBody(f, '2026-06-02T07:00:00.000Z', { name: 'Ana Web' }));
    expect(web.statusCode).toBe(201);

    const cal = await ctx.request(worker, { method: 'GET', url: `/api/offices/${f.officeId}/calendar?from=2026-06-02&days=1` });
    expect(cal.statusCode, cal.body).toBe(200);
    const body = cal.json<CalendarBody>();
    expect(body.personalData).toBe(true);
    const day = body.days[0];
    expect(day?.walkIn).toEqual([{ opens: '14:00', closes: '16:00' }]);
    expect(day?.entries.map((e) => e.name).sort()).toEqual(['Ana Web', 'Familie Petrenko']);
    expect(day?.entries.find((e) => e.id === sb.id)).toMatchObject({ channel: 'staff', note: 'Haushalt 12' });

    const one = (await ctx.request(worker, { method: 'GET', url: `/api/offices/${f.officeId}/calendar?from=2026-06-02&days=7&counsellor=${f.counsellorIds[1]}` })).json<CalendarBody>();
    expect(one.days).toHaveLength(7);
    expect(one.days[0]?.entries.map((e) => e.id)).toEqual([sb.id]);

    const city = await ctx.staff('city_coordinator');
    const cityCal = await ctx.request(city, { method: 'GET', url: `/api/offices/${f.officeId}/calendar?from=2026-06-02&days=1` });
    expect(cityCal.statusCode).toBe(200);
    const cityBody = cityCal.json<CalendarBody>();
    expect(cityBody.personalData).toBe(false);
    expect(cityBody.days[0]?.counts['booked']).toBe(2);
    expect(cityBody.days[0]?.entries).toEqual([]);
    expect(cityCal.body).not.toContain('Petrenko');
    expect(cityBody.resources).toEqual([]);

    const other = await ctx.staff('provider_admin');
    expect((await ctx.request(other, { method: 'GET', url: `/api/offices/${f.officeId}/calendar` })).statusCode).toBe(404);
    expect((await ctx.request(other, { method: 'POST', url: `/api/offices/${f.officeId}/appointments/${sb.id}/mark`, payload: { status: 'done' } })).statusCode).toBe(404);
    expect((await ctx.request(other, { method: 'POST', url: `/api/offices/${f.officeId}/appointments`, payload: { typeId: f.typeId, start: '2026-06-02T08:00:00.000Z', name: 'X' } })).statusCode).toBe(404);

    const done = await ctx.request(worker, { method: 'POST', url: `/api/offices/${f.officeId}/appointments/${sb.id}/mark`, payload: { status: 'no_show' } });
    expect(done.json()).toEqual({ id: sb.id, status: 'no_show' });
    const after = (await ctx.request(city, { method: 'GET', url: `/api/offices/${f.officeId}/calendar?from=2026-06-02&days=1` })).json<CalendarBody>();
    expect(after.days[0]?.counts).toMatchObject({ booked: 1, no_show: 1 });
  });

  it('a walk-in type is shown as such and offers no bookable slots', async () => {
    const f = await office(ctx, { type: { walkIn: true } });
    const types = (await ctx.request(null, { method: 'GET', url: `/api/offices/${f.officeId}/appointment-types` })).json<{ types: { walkIn: boolean }[] }>();
    expect(types.types[0]?.walkIn).toBe(true);
    const slots = (await ctx.request(null, { method: 'GET', url: `/api/offices/${f.officeId}/slots?type=${f.typeId}&from=${MONDAY}&days=3` })).json<{ days: { slots: unknown[] }[] }>();
    expect(slots.days.flatMap((d) => d.slots)).toEqual([]);
    expect((await book(ctx, bookingBody(f, '2026-06-02T07:00:00.000Z'))).statusCode).toBe(422);
  });
});

describe('reminders', () => {
  it('mails the day before over real SMTP, once (reminded_at), in the booker\'s language', async () => {
    const f = await office(ctx, { counsellors: [{ languages: ['de', 'uk'] }] });
    const body = bookingBody(f, '2026-06-03T07:00:00.000Z', { language: 'uk', email: 'olena@example.org' });
    const b = (await book(ctx, body)).json<{ code: string }>();
    smtp.received.length = 0;
    const toOlena = () => smtp.received.filter((m) => m.to.includes('olena@example.org')).length;
    await sendReminders(ctx.deps); // Monday: the appointment is on Wednesday
    expect(toOlena()).toBe(0);
    ctx.clock.now = new Date('2026-06-02T10:00:00Z');
    expect(await sendReminders(ctx.deps)).toBeGreaterThanOrEqual(1);
    expect(toOlena()).toBe(1);
    expect(await sendReminders(ctx.deps)).toBe(0);
    const mails = smtp.received.filter((m) => m.to.includes('olena@example.org'));
    expect(mails).toHaveLength(1);
    const parsed = await simpleParser(mails[0]?.raw ?? '');
    expect(parsed.subject).toContain('Нагадування');
    expect(parsed.text).toContain(b.code);
  });
});

describe('waitlist', () => {
  it('offers a cancelled slot to the next waiting person, holds it for them, and their link books it', async () => {
    const f = await office(ctx);
    const start = '2026-06-02T07:00:00.000Z';
    const first = (await book(ctx, bookingBody(f, start))).json<{ code: string; manageToken: string }>();
    const join = await ctx.request(null, { method: 'POST', url: '/api/appointments/waitlist', payload: { officeId: f.officeId, typeId: f.typeId, name: 'Wartende Person', email: 'waiting@example.org', from: '2026-06-01', to: '2026-06-05', language: 'de' } });
    expect(join.statusCode, join.body).toBe(201);
    await ctx.request(null, { method: 'POST', url: '/api/appointments/waitlist', payload: { officeId: f.officeId, typeId: f.typeId, name: 'Zweite', email: 'second@example.org', from: '2026-06-01', to: '2026-06-05' } });
    expect((await ctx.request(null, { method: 'POST', url: `/api/appointments/${first.code}/cancel?token=${first.manageToken}` })).statusCode).toBe(200);
    const offer = smtp.received.find((m) => m.to.includes('waiting@example.org'));
    expect(offer).toBeDefined();
    expect(smtp.received.some((m) => m.to.includes('second@example.org'))).toBe(false);
    const text = (await simpleParser(offer?.raw ?? '')).text ?? '';
    const link = /(https?:\/\/\S+\/de\/appointments\/book\?\S+)/.exec(text)?.[1];
    expect(link).toBeDefined();
    const params = new URL(link ?? 'http://x').searchParams;
    expect(params.get('start')).toBe(start);
    // Held for them: others cannot take it.
    expect((await book(ctx, bookingBody(f, start))).statusCode).toBe(409);
    const mine = await book(ctx, bookingBody(f, start, { email: 'waiting@example.org', holdToken: params.get('hold') }));
    expect(mine.statusCode, mine.body).toBe(201);
  });
});

describe('lead times', () => {
  it('per ISO week: days to the appointment and to the next free slot (median, p90); the provider and the city see them; the scorecard measures them', async () => {
    const f = await office(ctx, { counsellors: [{ languages: ['de'], starts: '09:00', ends: '17:00' }], type: { bufferAfterMinutes: 0 } });
    for (const [i, s] of ['2026-06-02T07:00:00.000Z', '2026-06-03T07:00:00.000Z', '2026-06-05T07:00:00.000Z'].entries()) {
      expect((await book(ctx, bookingBody(f, s, { email: `lead${i}@example.org` }))).statusCode).toBe(201);
    }
    const res = await ctx.request(f.admin, { method: 'GET', url: `/api/offices/${f.officeId}/lead-times?weeks=4` });
    expect(res.statusCode, res.body).toBe(200);
    const week = res.json<{ weeks: { week: string; bookings: number; leadDays: { median: number; p90: number }; nextFreeDays: { median: number } }[] }>().weeks[0];
    expect(week?.week).toBe('2026-W23');
    expect(week?.bookings).toBe(3);
    // Booked Monday 06:00 UTC for Tuesday, Wednesday, Friday 07:00 UTC: 1.04, 2.04, 4.04 days.
    expect(week?.leadDays).toEqual({ median: 2, p90: 4 });
    // The next free slot was Monday 09:00 local (07:00 UTC), 1 hour ahead: 0.04 days.
    expect(week?.nextFreeDays.median).toBe(0);
    const city = await ctx.staff('city_coordinator');
    expect((await ctx.request(city, { method: 'GET', url: `/api/offices/${f.officeId}/lead-times` })).statusCode).toBe(200);
    const other = await ctx.staff('provider_admin');
    expect((await ctx.request(other, { method: 'GET', url: `/api/offices/${f.officeId}/lead-times` })).statusCode).toBe(404);
    const card = await ctx.request(city, { method: 'GET', url: `/api/offices/${f.officeId}/scorecard` });
    const crit = card.json<{ criteria: { criterion: string; light: string; evidence: Record<string, unknown> }[] }>().criteria.find((c) => c.criterion === 'appointments');
    expect(crit?.light).not.toBe('unknown');
    expect(crit?.evidence['medianDays']).toBe(2);
  });
});

describe('security', () => {
  it('the database refuses an overlapping booking of the same counsellor and interpreter (exclusion constraints); RLS hides bookings from other tenants', async () => {
    const f = await office(ctx);
    const b = await book(ctx, bookingBody(f, '2026-06-02T07:00:00.000Z'));
    expect(b.statusCode).toBe(201);
    const [row] = await queryRows<{ id: string; type_id: string; counsellor_id: string }>(ctx.database.db.owner, sql`select id, type_id, counsellor_id from appointment where office_id = ${f.officeId}`);
    const insert = (counsellor: string, from: string, to: string) =>
      ctx.database.db.transaction({ kind: 'tenant', organisationId: f.providerId }, (tx) =>
        tx.execute(sql`insert into appointment (provider_id, office_id, type_id, counsellor_id, status, channel, code, starts_at, ends_at, blocked_from, blocked_to)
          values (${f.providerId}, ${f.officeId}, ${row?.type_id}, ${counsellor}, 'booked', 'staff', ${`T${Math.random().toString(36).slice(2, 9).toUpperCase()}`}, ${from}, ${to}, ${from}, ${to})`),
      );
    await expect(insert(row?.counsellor_id ?? '', '2026-06-02T07:30:00Z', '2026-06-02T08:30:00Z')).rejects.toMatchObject({ cause: { code: '23P01' } });
    await expect(insert(row?.counsellor_id ?? '', '2026-06-02T08:15:00Z', '2026-06-02T09:00:00Z')).resolves.toBeDefined();
    const other = await ctx.organisation('provider');
    const seen = await ctx.database.db.transaction({ kind: 'tenant', organisationId: other.id }, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from appointment where office_id = ${f.officeId}`));
    expect(Number(seen[0]?.n)).toBe(0);
    const own = await ctx.database.db.transaction({ kind: 'tenant', organisationId: f.providerId }, (tx) => queryRows<{ n: number; name: string | null }>(tx, sql`select count(*)::int as n, max(name_sealed) as name from appointment where office_id = ${f.officeId}`));
    expect(Number(own[0]?.n)).toBe(2);
    expect(own[0]?.name).toMatch(/^v1\./); // sealed, not in the clear
    const audit = await queryRows<{ record_ids: string[]; organisation_id: string }>(ctx.database.db.owner, sql`select record_ids, organisation_id from audit_entry where action = 'appointment.book' and ${row?.id ?? ''} = any(record_ids::text[])`);
    expect(audit[0]?.organisation_id).toBe(f.providerId);
  });
});
