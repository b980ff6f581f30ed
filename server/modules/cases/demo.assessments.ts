import { randomUUID } from 'node:crypto';
import type { NeedLevel } from '#contracts/assessments.ts';
import type { Tx } from '#server/db.ts';
import type { KeyRing } from '#server/keyring.ts';
import { sensitiveAreas } from '#server/modules/catalog/catalog.public.ts';
import { berlinDate } from '#server/time.ts';
import * as a from './assessments.queries.ts';
import { statisticPeriod } from './case-work.policy.ts';
import * as w from './case-work.queries.ts';
import { addDays, addMonths, inBasicWindow } from './plans.policy.ts';
import * as p from './plans.queries.ts';

/**
 * Demo needs assessments (fictional): the first households of every provider get a history per
 * area — a need found at the start and assessed again since, mostly lower — for the head, the
 * spouse and the household as a whole; health notes are sealed. One household is in the last
 * weeks of its Grundleistung year with high needs left, so the glance prompts a Fachleistung.
 */

type Who = 'head' | 'spouse' | 'household';
interface Finding { who: Who; area: string; levels: readonly NeedLevel[]; note: string; sensitive?: boolean }

const HOUSEHOLDS: readonly (readonly Finding[])[] = [
  [
    { who: 'head', area: 'language', levels: ['high', 'medium'], note: 'Alphabetisierungskurs abgeschlossen, jetzt A2' },
    { who: 'head', area: 'work', levels: ['high', 'high'], note: 'Berufsabschluss nicht anerkannt' },
    { who: 'spouse', area: 'health', levels: ['acute', 'medium'], note: 'Schwangerschaft, Hebamme gefunden' },
    { who: 'household', area: 'housing', levels: ['high', 'low'], note: 'Wohnung in Aussicht, WBS liegt vor' },
  ],
  [
    { who: 'head', area: 'material', levels: ['acute', 'medium'], note: 'Leistungsbescheid des Jobcenters fehlte' },
    { who: 'head', area: 'crisis', levels: ['high'], note: 'Trennung, Unterstützung durch Beratungsstelle', sensitive: true },
    { who: 'household', area: 'social', levels: ['medium', 'low'], note: 'Kinder im Sportverein' },
  ],
  [
    { who: 'head', area: 'language', levels: ['medium', 'low'], note: 'B1 bestanden' },
    { who: 'spouse', area: 'values', levels: ['low', 'none'], note: '' },
    { who: 'household', area: 'housing', levels: ['none'], note: 'Eigene Wohnung seit dem Frühjahr' },
  ],
  [
    { who: 'head', area: 'health', levels: ['high', 'high'], note: 'Chronische Erkrankung, Facharzttermine schwer zu bekommen' },
    { who: 'head', area: 'work', levels: ['high', 'acute'], note: 'Arbeitsplatz verloren' },
    { who: 'spouse', area: 'language', levels: ['high', 'medium'], note: 'Integrationskurs mit Kinderbetreuung' },
    { who: 'household', area: 'material', levels: ['medium'], note: 'Schulden bei Stromanbieter', sensitive: true },
  ],
];
/** The household (index) whose Grundleistung year closes in the coming weeks. */
const CLOSING = 3;

export async function seedDemoAssessments(tx: Tx, keys: KeyRing, now: Date, providers: readonly { organisationId: string; regionCode: string; socialWorkerId: string | null }[]): Promise<number> {
  const today = berlinDate(now);
  const sensitive = await sensitiveAreas(tx);
  let count = 0;
  for (const provider of providers) {
    const files = await p.demoCaseFilesOf(tx, provider.organisationId);
    for (const [i, findings] of HOUSEHOLDS.entries()) {
      const file = files[i];
      if (!file) continue;
      let assignedOns = file.people.map((x) => x.assignedOn);
      if (i === CLOSING) {
        const assignedOn = addDays(addMonths(today, -11), -10);
        await a.setDemoAssignedOn(tx, file.householdId, assignedOn);
        assignedOns = assignedOns.map(() => assignedOn);
      }
      const head = file.people.find((x) => x.relationship === 'head') ?? file.people[0];
      const spouse = file.people.find((x) => x.relationship === 'spouse') ?? head;
      for (const f of findings) {
        const person = f.who === 'head' ? head : f.who === 'spouse' ? spouse : undefined;
        for (const [k, level] of f.levels.entries()) {
          // The first finding some months ago, the last one recently.
          const assessedOn = addDays(today, -(f.levels.length - k - 1) * 120 - 7 - i * 3);
          const id = randomUUID();
          const sealed = sensitive.has(f.area) || (f.sensitive ?? false);
          const note = k === f.levels.length - 1 ? f.note : '';
          await a.insertAssessment(tx, {
            id, organisationId: provider.organisationId, householdId: file.householdId, caseFileId: file.id, personId: person?.id ?? null, areaCode: f.area, level, assessedOn,
            note: sealed && note ? keys.seal(note, `need_assessment:${id}:note`) : note, noteSealed: sealed, sensitive: f.sensitive ?? false, assessedBy: provider.socialWorkerId, createdAt: now, updatedAt: now,
          });
          await w.insertStatistic(tx, {
            organisationId: provider.organisationId, source: 'assessment', ...statisticPeriod(assessedOn), blockCode: inBasicWindow(assignedOns, assessedOn) ? 'basic' : 'open_consultation',
            areaCode: f.area, regionCode: provider.regionCode, needLevel: level, countedPersons: person ? 1 : file.people.length,
          });
          count += 1;
        }
      }
    }
  }
  return count;
}
