import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '#test/context.ts';
import { book, bookingBody, MONDAY, office } from './appointments.fixture.ts';

/** The calendar file of a booking: in the booking's language, on the configured public address, with a reminder. */
let ctx: TestContext;
const PUBLIC_URL = 'https://termine.lotse.example';

beforeAll(async () => {
  ctx = await createTestContext({ config: { publicUrl: PUBLIC_URL } });
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`);
});
afterAll(async () => ctx.close());

async function calendarOf(locale: string, start: string) {
  const f = await office(ctx, { counsellors: [{ languages: ['de', 'ar', 'fa'] }] });
  const res = await book(ctx, bookingBody(f, start, { language: ['ar', 'fa'].includes(locale) ? locale : 'de', locale }));
  expect(res.statusCode, res.body).toBe(201);
  const b = res.json<{ code: string; manageToken: string; icsUrl: string }>();
  const ics = await ctx.request(null, { method: 'GET', url: `/api/appointments/${b.code}.ics?token=${b.manageToken}` });
  expect(ics.statusCode, ics.body).toBe(200);
  const vcalendar = new ICAL.Component(ICAL.parse(ics.body));
  const vevent = vcalendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { b, body: ics.body, vevent, event: new ICAL.Event(vevent) };
}

describe('the calendar file', () => {
  it('is written in Arabic for an Arabic booking, links to the public address and reminds two hours before', async () => {
    const { b, body, vevent, event } = await calendarOf('ar', '2026-06-02T07:00:00.000Z');
    expect(event.summary).toBe('موعد: استشارة أولى – Integrationsbüro Test');
    expect(vevent.getFirstProperty('summary')?.getParameter('language')).toBe('ar');
    expect(event.description).toContain(`رمز الحجز: ${b.code}`);
    expect(event.description).toContain('لغة المحادثة: العربية');
    expect(event.description).toContain(`${PUBLIC_URL}/ar/appointments/${b.code}?token=${b.manageToken}`);
    expect(event.description).not.toMatch(/Buchungscode|Termin|localhost/);
    expect(vevent.getFirstPropertyValue('url')).toBe(`${PUBLIC_URL}/ar/appointments/${b.code}?token=${b.manageToken}`);
    // The address is the office's, a German proper name, and marked so.
    expect(event.location).toBe('Integrationsbüro Test, Teststraße 1, 01099 Dresden');
    expect(vevent.getFirstProperty('location')?.getParameter('language')).toBe('de');
    expect(body).not.toContain('localhost');
    const alarm = vevent.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    const trigger = alarm?.getFirstPropertyValue('trigger') as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-2 * 3600);
    expect(String(alarm?.getFirstPropertyValue('description'))).toBe('بعد ساعتين: موعدك في Integrationsbüro Test');
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('speaks each public language', async () => {
    const summaries: Record<string, string> = {
      de: 'Termin: Erstberatung – Integrationsbüro Test',
      en: 'Appointment: First consultation – Integrationsbüro Test',
      fa: 'نوبت:',
      uk: 'Зустріч:',
      ru: 'Встреча:',
    };
    for (const [i, [locale, summary]] of Object.entries(summaries).entries()) {
      const { event } = await calendarOf(locale, `2026-06-0${3 + i}T07:00:00.000Z`);
      expect(event.summary.startsWith(summary), `${locale}: ${event.summary}`).toBe(true);
      expect(event.description, locale).toContain(`${PUBLIC_URL}/${locale}/appointments/`);
    }
  });

  it('a cancelled booking carries no reminder', async () => {
    const f = await office(ctx);
    const b = (await book(ctx, bookingBody(f, '2026-06-09T07:00:00.000Z', { locale: 'de' }))).json<{ code: string; manageToken: string }>();
    expect((await ctx.request(null, { method: 'POST', url: `/api/appointments/${b.code}/cancel?token=${b.manageToken}` })).statusCode).toBe(200);
    const ics = await ctx.request(null, { method: 'GET', url: `/api/appointments/${b.code}.ics?token=${b.manageToken}` });
    const vevent = new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent?.getFirstSubcomponent('valarm')).toBeNull();
  });
});
