import type { Tx } from '#server/db.ts';
import { countResidenceStatuses, insertResidenceStatuses } from './cases.queries.ts';
import type { RESIDENCE_GROUPS } from './cases.schema.ts';

/**
 * The residence statuses a city starts with (German law as of 2024): a code list the city
 * maintains afterwards. `group` is what statistics count by; `paragraphRequired`: the document
 * names its paragraph, and the case file records it.
 */
export const DEFAULT_RESIDENCE_STATUSES: {
  code: string;
  name: Record<string, string>;
  group: (typeof RESIDENCE_GROUPS)[number];
  paragraphRequired?: boolean;
  expires?: boolean;
}[] = [
  { code: 'ankunftsnachweis', name: { de: 'Ankunftsnachweis (§ 63a AsylG)', en: 'Proof of arrival (§ 63a AsylG)' }, group: 'asylum_procedure' },
  { code: 'aufenthaltsgestattung', name: { de: 'Aufenthaltsgestattung (§ 55 AsylG)', en: 'Permission to reside during the asylum procedure (§ 55 AsylG)' }, group: 'asylum_procedure' },
  { code: 'duldung', name: { de: 'Duldung (§ 60a AufenthG)', en: 'Toleration (Duldung, § 60a AufenthG)' }, group: 'tolerated' },
  { code: 'duldung-ausbildung', name: { de: 'Ausbildungsduldung (§ 60c AufenthG)', en: 'Toleration for vocational training (§ 60c AufenthG)' }, group: 'tolerated' },
  { code: 'duldung-beschaeftigung', name: { de: 'Beschäftigungsduldung (§ 60d AufenthG)', en: 'Toleration for employment (§ 60d AufenthG)' }, group: 'tolerated' },
  { code: 'aufenthaltserlaubnis-schutz', name: { de: 'Aufenthaltserlaubnis, Schutzstatus (§ 25 Abs. 1–3 AufenthG)', en: 'Residence permit, protection status (§ 25 (1)–(3) AufenthG)' }, group: 'protection', paragraphRequired: true },
  { code: 'aufenthaltserlaubnis-24', name: { de: 'Aufenthaltserlaubnis, vorübergehender Schutz (§ 24 AufenthG)', en: 'Residence permit, temporary protection (§ 24 AufenthG)' }, group: 'protection' },
  { code: 'aufenthaltserlaubnis', name: { de: 'Aufenthaltserlaubnis (anderer Paragraph)', en: 'Residence permit (other paragraph)' }, group: 'residence_permit', paragraphRequired: true },
  { code: 'fiktionsbescheinigung', name: { de: 'Fiktionsbescheinigung (§ 81 AufenthG)', en: 'Fictional certificate (§ 81 AufenthG)' }, group: 'other' },
  { code: 'niederlassungserlaubnis', name: { de: 'Niederlassungserlaubnis', en: 'Settlement permit' }, group: 'settlement', paragraphRequired: true, expires: false },
  { code: 'daueraufenthalt-eu', name: { de: 'Erlaubnis zum Daueraufenthalt-EU (§ 9a AufenthG)', en: 'EU long-term residence permit (§ 9a AufenthG)' }, group: 'settlement', expires: false },
  { code: 'freizuegigkeit-eu', name: { de: 'Freizügigkeitsberechtigt (EU/EWR)', en: 'Free movement (EU/EEA)' }, group: 'eu_citizen', expires: false },
  { code: 'eingebuergert', name: { de: 'Eingebürgert (deutsche Staatsangehörigkeit)', en: 'Naturalised (German citizenship)' }, group: 'other', expires: false },
  { code: 'ungeklaert', name: { de: 'Ungeklärt', en: 'Not clarified' }, group: 'other', expires: false },
];

/** Loads the default residence statuses where the list is empty (idempotent; never overwrites the city's list). */
export async function seedResidenceStatuses(tx: Tx): Promise<number> {
  if (await countResidenceStatuses(tx)) return 0;
  await insertResidenceStatuses(
    tx,
    DEFAULT_RESIDENCE_STATUSES.map((s, i) => ({ code: s.code, name: s.name, group: s.group, paragraphRequired: s.paragraphRequired ?? false, expires: s.expires ?? true, position: i + 1 })),
  );
  return DEFAULT_RESIDENCE_STATUSES.length;
}
