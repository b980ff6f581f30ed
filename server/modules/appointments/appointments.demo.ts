import { randomUUID } from 'node:crypto';
import type { Tx } from '#server/db.ts';
import type { KeyRing } from '#server/keyring.ts';
import { accountIdsByEmail } from '#server/modules/identity/identity.public.ts';
import { addDays, hhmm, hoursOf, officeIdsOfProvider } from '#server/modules/offices/offices.public.ts';
import { insertAppointment, insertResource, insertType, replaceAvailability } from './appointments.queries.ts';
import { newCode } from './limits.ts';
import { loadOfficeContext, slotInput } from './office-context.ts';
import { assignmentsAt, computeSlots } from './slots.ts';
import { berlinToday } from './tz.ts';

/**
 * Demo appointments in every region: three types and the open consultation (walk-in hours of the
 * office), two or three counsellors with their languages (the demo accounts beratung@nord.demo and
 * beratung@sued.demo are counsellors of their offices), weekly availability within the office's
 * hours, one interpreter for Arabic and Persian, and a few fictional bookings in the coming days.
 */
const COUNSELLORS: Record<string, { name: string; languages: string[]; email?: string; weekdays: number[] }[]> = {
  nord: [
    { name: 'Bilal Berger', languages: ['de', 'ar', 'en'], email: 'beratung@nord.demo', weekdays: [1, 2, 3, 4, 5] },
    { name: 'Ines Hofmann', languages: ['de', 'ru', 'uk'], weekdays: [1, 2, 4] },
  ],
  west: [
    { name: 'Tarek Nasser', languages: ['de', 'ar', 'fr'], weekdays: [1, 2, 3, 4, 5] },
    { name: 'Marta Kowalczyk', languages: ['de', 'pl', 'en'], weekdays: [2, 3, 4] },
  ],
  mitte: [
    { name: 'Leyla Ahmadi', languages: ['de', 'fa', 'en'], weekdays: [1, 2, 3, 4, 5] },
    { name: 'Jonas Weber', languages: ['de', 'en'], weekdays: [1, 3, 5] },
    { name: 'Oksana Melnyk', languages: ['de', 'uk', 'ru'], weekdays: [2, 4] },
  ],
  sued: [
    { name: 'Sofia Seidel', languages: ['de', 'uk', 'ru'], email: 'beratung@sued.demo', weekdays: [1, 2, 3, 4, 5] },
    { name: 'Emre Yılmaz', languages: ['de', 'tr', 'en'], weekdays: [1, 2, 3] },
  ],
};

const TYPES = [
  { kind: 'first_consultation' as const, name: 'Erstberatung', durationMinutes: 60, bufferAfterMinutes: 10, slotStepMinutes: 30 },
  { kind: 'follow_up' as const, name: 'Folgeberatung', durationMinutes: 30, bufferAfterMinutes: 5, slotStepMinutes: 30 },
  { kind: 'specialist' as const, name: 'Fachleistungsgespräch', durationMinutes: 90, bufferAfterMinutes: 15, slotStepMinutes: 30, webPerDay: 2 },
  { kind: 'first_consultation' as const, name: 'Offene Sprechstunde', durationMinutes: 30, slotStepMinutes: 30, walkIn: true },
];

const PEOPLE = [
  { name: 'Familie Haddad', language: 'ar', email: 'haddad@example.org' },
  { name: 'Olena Kravets', language: 'uk', phone: '+49 170 0000001' },
  { name: 'Reza Karimi', language: 'fa', email: 'karimi@example.org' },
];

export async function seedDemoAppointments(tx: Tx, keys: KeyRing, now: Date, providerIds: Map<string, string>): Promise<void> {
  for (const [slug, counsellors] of Object.entries(COUNSELLORS)) {
    const providerId = providerIds.get(slug);
    if (!providerId) continue;
    for (const officeId of await officeIdsOfProvider(tx, providerId)) {
      const o = { id: officeId };
      const hours = (await hoursOf(tx, [o.id])).filter((h) => h.kind === 'open');
      const window = (weekdays: number[]) => hours.filter((h) => weekdays.includes(h.weekday)).map((h) => ({ weekday: h.weekday, starts: hhmm(h.opens), ends: hhmm(h.closes), validFrom: null, validTo: null }));
      const types = [];
      for (const t of TYPES) types.push(await insertType(tx, { ...t, officeId: o.id, minNoticeMinutes: 120, horizonDays: 28 }));
      const accounts = await accountIdsByEmail(tx, counsellors.flatMap((c) => (c.email ? [c.email] : [])));
      for (const c of counsellors) {
        const r = await insertResource(tx, { officeId: o.id, kind: 'counsellor', displayName: c.name, languages: c.languages, accountId: (c.email && accounts.get(c.email)) || null });
        await replaceAvailability(tx, o.id, r.id, window(c.weekdays));
      }
      const interpreter = await insertResource(tx, { officeId: o.id, kind: 'interpreter', displayName: 'Sprachmittlung Arabisch/Persisch (Demo)', languages: ['ar', 'fa'] });
      await replaceAvailability(tx, o.id, interpreter.id, window([2, 4]));

      // A few fictional bookings in the coming days, at free starts of the first consultation.
      const first = types.find((t) => t.name === 'Erstberatung');
      const ctx = await loadOfficeContext(tx, o.id);
      if (!first || !ctx) continue;
      const input = await slotInput(tx, ctx, first, { from: addDays(berlinToday(now), 1), days: 7, now, channel: 'staff' });
      const starts = computeSlots(input).flatMap((d) => d.slots.slice(0, 1));
      for (const [i, person] of PEOPLE.entries()) {
        const slot = starts[i * 2];
        if (!slot) continue;
        const fresh = await slotInput(tx, ctx, first, { from: berlinToday(slot.start), days: 1, now, language: person.language, channel: 'staff' });
        const option = assignmentsAt(fresh, slot.start, berlinToday(slot.start))[0];
        if (!option) continue;
        const id = randomUUID();
        await insertAppointment(tx, {
          id,
          providerId,
          officeId: o.id,
          typeId: first.id,
          counsellorId: option.counsellorId,
          interpreterId: option.interpreterId,
          status: 'booked',
          channel: i === 1 ? 'staff' : 'web',
          code: newCode(),
          startsAt: slot.start,
          endsAt: slot.end,
          blockedFrom: slot.start,
          blockedTo: new Date(slot.end.getTime() + first.bufferAfterMinutes * 60_000),
          language: person.language,
          locale: person.language,
          nameSealed: keys.seal(person.name, `appointment:${id}:name`),
          emailSealed: person.email ? keys.seal(person.email, `appointment:${id}:email`) : null,
          phoneSealed: person.phone ? keys.seal(person.phone, `appointment:${id}:phone`) : null,
          requestedAt: new Date(now.getTime() - (i + 1) * 86_400_000),
          nextFreeAt: now,
        });
      }
    }
  }
}
