import type { Setting } from '#contracts/case-work.ts';
import type { Tx } from '#server/db.ts';
import type { KeyRing } from '#server/keyring.ts';
import { currentCatalog } from '#server/modules/catalog/catalog.public.ts';
import { berlinDate } from '#server/time.ts';
import * as q from './cases.queries.ts';
import { addDays } from './plans.policy.ts';
import * as p from './plans.queries.ts';
import { writeServiceEntry } from './service-entries.service.ts';

/**
 * Demo service entries (fictional): the first households of every provider get the contacts of the
 * last weeks — at the office with an interpreter and the spouse counselled alongside, on a home
 * visit, by phone; a health note (sealed) — each with its anonymous statistics row, so the household
 * page shows the entry history and the entry form starts from the last service used.
 */

interface EntryTemplate { daysAgo: number; service: string; setting: Setting; minutes: number; who: 'head' | 'spouse'; alongside: boolean; interpreter: boolean; note: string }

const HISTORIES: readonly (readonly EntryTemplate[])[] = [
  [
    { daysAgo: 24, service: 'material.benefits', setting: 'office', minutes: 60, who: 'head', alongside: true, interpreter: true, note: 'Antrag beim Jobcenter vorbereitet, Unterlagen vollständig' },
    { daysAgo: 12, service: 'work.kita-school', setting: 'home_visit', minutes: 45, who: 'spouse', alongside: true, interpreter: false, note: 'Kita-Platz für die Jüngste beantragt' },
    { daysAgo: 3, service: 'health.doctor', setting: 'phone', minutes: 15, who: 'spouse', alongside: false, interpreter: false, note: 'Kinderärztin in der Nähe gefunden, Termin nächste Woche' },
  ],
  [
    { daysAgo: 30, service: 'language.integration-course', setting: 'office', minutes: 30, who: 'head', alongside: false, interpreter: true, note: 'Berechtigungsschein beim BAMF beantragt' },
    { daysAgo: 9, service: 'housing.search', setting: 'outreach', minutes: 50, who: 'head', alongside: true, interpreter: false, note: 'Besichtigung bei der Wohnungsgenossenschaft begleitet' },
  ],
  [
    { daysAgo: 18, service: 'material.letters', setting: 'office', minutes: 20, who: 'head', alongside: false, interpreter: false, note: 'Bescheid der Familienkasse erklärt' },
    { daysAgo: 5, service: 'work.recognition', setting: 'video', minutes: 40, who: 'head', alongside: false, interpreter: false, note: 'Zeugnisse zur Übersetzung gegeben' },
  ],
];

export async function seedDemoServiceEntries(tx: Tx, keys: KeyRing, now: Date, providers: readonly { organisationId: string; socialWorkerId: string | null }[]): Promise<number> {
  const catalog = await currentCatalog(tx, now);
  if (!catalog) return 0;
  const today = berlinDate(now);
  let written = 0;
  for (const provider of providers) {
    const files = await p.demoCaseFilesOf(tx, provider.organisationId);
    for (const [i, history] of HISTORIES.entries()) {
      const household = files[i] ? await q.findHousehold(tx, files[i].householdId) : undefined;
      const file = household ? await q.caseFileOfHousehold(tx, household.id) : undefined;
      if (!household || !file) continue;
      const members = await q.membersOf(tx, household.id);
      const head = members.find((m) => m.relationship === 'head') ?? members[0];
      const spouse = members.find((m) => m.relationship === 'spouse') ?? head;
      if (!head || !spouse) continue;
      for (const e of history) {
        const service = catalog.services.find((s) => s.code === e.service && s.active);
        if (!service) continue;
        const counselled = e.who === 'head' ? head : spouse;
        const alongside = e.alongside ? members.filter((m) => m.id !== counselled.id && (m.relationship === 'head' || m.relationship === 'spouse')) : [];
        const input = { occurredOn: addDays(today, -e.daysAgo), minutes: e.minutes, serviceId: service.id, setting: e.setting, counselledIds: [counselled.id], alongsideIds: alongside.map((m) => m.id), language: e.interpreter ? (counselled.languages[0] ?? 'de') : 'de', interpreter: e.interpreter, note: e.note, sensitive: false };
        await writeServiceEntry(tx, keys, { organisationId: provider.organisationId, accountId: provider.socialWorkerId }, { household, file, members, service }, input, now);
        written += 1;
      }
    }
  }
  return written;
}
