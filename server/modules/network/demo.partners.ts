import type { PartnerKind } from '#contracts/network.ts';
import type { Tx } from '#server/db.ts';
import * as n from './network.queries.ts';

/**
 * Demo partners (fictional contacts): every region's provider keeps the partners of its region that
 * its case work meets — the Jobcenter, the Volkshochschule's integration courses, a Kita, the
 * health office, a psychosocial counselling service and the migration counselling for adults. The
 * names are those the demo consents name as recipients (demo.consents.ts), so the demo referrals
 * are covered by them.
 */
const PARTNERS: readonly { kind: PartnerKind; name: string; contact: string }[] = [
  { kind: 'jobcenter', name: 'Jobcenter Dresden', contact: 'Team Integration, Budapester Str. 30, 01069 Dresden, 0351 0000-100' },
  { kind: 'language_course', name: 'Volkshochschule Dresden, Integrationskurse', contact: 'Kursberatung, Annenstr. 10, 01067 Dresden, 0351 0000-200' },
  { kind: 'kita_school', name: 'Kita Regenbogen', contact: 'Leitung Frau Krause, 0351 0000-300' },
  { kind: 'health', name: 'Gesundheitsamt Dresden, Kinder- und Jugendärztlicher Dienst', contact: 'Georgenstr. 4, 01097 Dresden, 0351 0000-400' },
  { kind: 'counselling', name: 'Psychosoziale Beratungsstelle', contact: 'Offene Sprechstunde dienstags 14–17 Uhr, 0351 0000-500' },
  { kind: 'counselling', name: 'Migrationsberatung für Erwachsene (MBE)', contact: 'Termine nach Vereinbarung, 0351 0000-600' },
];

export async function seedDemoPartners(tx: Tx, now: Date, providers: readonly { organisationId: string; regionCode: string }[]): Promise<number> {
  let count = 0;
  for (const provider of providers) {
    for (const p of PARTNERS) {
      await n.insertPartner(tx, { organisationId: provider.organisationId, regionCode: provider.regionCode, ...p, createdAt: now, updatedAt: now });
      count += 1;
    }
  }
  return count;
}
