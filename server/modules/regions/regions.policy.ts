import type { Actor } from '#server/modules/identity/actor.ts';

/** Reference data (regions, members, quarters) is the city's: its administration edits it. */
export function canEditReferenceData(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'staff' && actor.organisationKind === 'city' && actor.role === 'city_admin');
}
