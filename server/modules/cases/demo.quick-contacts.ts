import type { Tx } from '#server/db.ts';
import { findOffice, isoWeekday, officeIdsOfProvider } from '#server/modules/offices/offices.public.ts';
import { berlinDate } from '#server/time.ts';
import { randomSource, type Random } from './demo.ts';
import { addDays } from './plans.policy.ts';
import { writeQuickContact } from './quick-contacts.service.ts';

/**
 * Demo quick contacts (fictional, anonymous: nobody is named): every provider's office counts the
 * visitors of its open consultation hours on the weekdays of the last two weeks and this morning —
 * letters from the Jobcenter, a flat, a language course, a doctor —, in German, Arabic, Persian,
 * Ukrainian, Russian and some other languages, with an interpreter where the office does not speak
 * the visitor's language. Each is written through the one writeQuickContact the API uses, so the
 * statistics rows (block open_consultation) follow.
 */

const DAYS_BACK = 14;
const MINUTE = 60_000;

/** What visitors come with, weighted by how often (some with two concerns at once). */
const CONCERNS: readonly (readonly [weight: number, areas: readonly string[]])[] = [
  [9, ['material']],
  [5, ['housing']],
  [4, ['material', 'housing']],
  [4, ['work']],
  [3, ['language']],
  [3, ['language', 'work']],
  [3, ['health']],
  [2, ['values']],
  [2, ['social']],
  [1, ['crisis']],
  [1, ['special']],
  [1, ['health', 'material']],
];
const LANGUAGES: readonly (readonly [weight: number, code: string])[] = [
  [6, 'de'],
  [5, 'ar'],
  [4, 'fa'],
  [4, 'uk'],
  [3, 'ru'],
  [1, 'ti'],
  [1, 'tr'],
  [1, 'en'],
];
const MINUTES = [10, 15, 15, 15, 20, 20, 30, 45] as const;

function weighted<T>(r: Random, list: readonly (readonly [number, T])[]): T {
  const total = list.reduce((n, [w]) => n + w, 0);
  let roll = r.next() * total;
  for (const [w, value] of list) {
    roll -= w;
    if (roll < 0) return value;
  }
  const last = list[list.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[1];
}

/** The instant of a Berlin day at about hh:mm (UTC+1 taken; in summer an hour later, still within the hours). */
const atBerlin = (day: string, minutesAfterNine: number): Date => new Date(Date.parse(`${day}T08:00:00Z`) + minutesAfterNine * MINUTE);

export async function seedDemoQuickContacts(tx: Tx, now: Date, providers: readonly { organisationId: string }[]): Promise<number> {
  const today = berlinDate(now);
  let written = 0;
  for (const [index, provider] of providers.entries()) {
    const r = randomSource(7300 + index);
    for (const officeId of await officeIdsOfProvider(tx, provider.organisationId)) {
      const office = await findOffice(tx, officeId);
      if (!office) continue;
      for (let back = DAYS_BACK; back >= 0; back--) {
        const day = addDays(today, -back);
        if (isoWeekday(day) > 5) continue;
        // 5 to 11 visitors a day, a few minutes to half an hour apart.
        const visitors = r.int(5, 11);
        let at = r.int(0, 20);
        for (let v = 0; v < visitors; v++) {
          const createdAt = atBerlin(day, at);
          at += r.int(8, 35);
          if (createdAt > now) break;
          const language = weighted(r, LANGUAGES);
          const interpreter = language !== 'de' && (!office.languages.includes(language) || r.chance(0.15));
          const input = { occurredOn: day, areaCodes: [...weighted(r, CONCERNS)], language, interpreter, countedPersons: r.chance(0.75) ? 1 : r.int(2, 4), minutes: r.pick(MINUTES) };
          await writeQuickContact(tx, { organisationId: provider.organisationId, accountId: null }, office, input, createdAt);
          written += 1;
        }
      }
    }
  }
  return written;
}
