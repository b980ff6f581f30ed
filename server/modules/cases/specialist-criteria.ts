import type { Tx } from '#server/db.ts';
import { countCriteria, insertCriteria } from './specialist-requests.queries.ts';

/**
 * The criteria of a Fachleistung a city starts with: an **example** list, which the city replaces
 * by its own catalog (reference data, `specialist_criterion`). A request names the codes its
 * household's needs meet.
 */
export const DEFAULT_SPECIALIST_CRITERIA: { code: string; name: Record<string, string> }[] = [
  { code: 'multiple-needs', name: { de: 'Mehrere miteinander verknüpfte Problemlagen in verschiedenen Integrationsbereichen', en: 'Several linked needs across integration areas' } },
  { code: 'health', name: { de: 'Schwere Erkrankung, Behinderung oder Pflegebedarf in der Familie', en: 'Serious illness, disability or need of care in the family' } },
  { code: 'crisis', name: { de: 'Traumatisierung, akute Krise oder Gewalterfahrung', en: 'Trauma, acute crisis or experience of violence' } },
  { code: 'housing', name: { de: 'Drohender Wohnungsverlust oder Wohnungslosigkeit', en: 'Imminent loss of housing or homelessness' } },
  { code: 'children', name: { de: 'Besonderer Unterstützungsbedarf der Kinder (Kita, Schule, Jugendhilfe)', en: 'Children with particular needs (day care, school, youth welfare)' } },
  { code: 'residence', name: { de: 'Ungesicherter Aufenthalt mit hohem Klärungsbedarf', en: 'Insecure residence with much to clarify' } },
  { code: 'single-parent', name: { de: 'Alleinerziehend mit mehreren kleinen Kindern', en: 'Single parent with several young children' } },
];

/** Loads the example criteria where the catalog is empty (idempotent; never overwrites the city's list). */
export async function seedSpecialistCriteria(tx: Tx): Promise<number> {
  if (await countCriteria(tx)) return 0;
  await insertCriteria(tx, DEFAULT_SPECIALIST_CRITERIA.map((c, i) => ({ code: c.code, name: c.name, position: i + 1 })));
  return DEFAULT_SPECIALIST_CRITERIA.length;
}
