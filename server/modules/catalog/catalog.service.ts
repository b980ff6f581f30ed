import type { Deps } from '#server/deps.ts';
import type { Actor } from '#server/modules/identity/actor.ts';
import { listIntegrationAreas as queryAreas } from './catalog.queries.ts';

/** The nine integration areas, labelled in the caller's language where the city keeps one. */
export async function listIntegrationAreas(deps: Deps, _actor: Actor, locale: string) {
  const rows = await deps.db.transaction({ kind: 'public' }, (tx) => queryAreas(tx));
  return rows.map((r) => ({ code: r.code, name: r.name[locale] ?? r.name['de'] ?? r.code, names: r.name, sensitivity: r.sensitivity }));
}
