import type { Deps } from '#server/deps.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { listIntegrationAreas as queryAreas, listServiceBlocks as queryBlocks } from './catalog.queries.ts';

/** A catalog label in a language, falling back to German, then to the code. */
export const catalogLabel = (names: Record<string, string>, locale: string, code: string): string => names[locale] ?? names['de'] ?? code;

/** The nine integration areas, labelled in the caller's language where the city keeps one. */
export async function listIntegrationAreas(deps: Deps, _actor: Actor, locale: string) {
  const rows = await deps.db.transaction({ kind: 'public' }, (tx) => queryAreas(tx));
  return rows.map((r) => ({ code: r.code, name: catalogLabel(r.name, locale, r.code), names: r.name, sensitivity: r.sensitivity }));
}

/** The service blocks (basic, open consultation, specialist), labelled in the caller's language. */
export async function listServiceBlocks(deps: Deps, _actor: Actor, locale: string) {
  const rows = await deps.db.transaction({ kind: 'public' }, (tx) => queryBlocks(tx));
  return rows.map((r) => ({ code: r.code, name: catalogLabel(r.name, locale, r.code), names: r.name }));
}
