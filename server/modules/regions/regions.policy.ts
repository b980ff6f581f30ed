import type { Action } from '#contracts/actions.ts';
import type { DbScope } from '#server/db.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { may } from '#server/platform/authorize.ts';

/**
 * Reference data (regions, members, quarters, geodata) is the city's: the catalogue's `region.*`,
 * `region-member.*` and `geodata.*` actions name its administration; the command line and the demo
 * seed (the system actor) take them too.
 */
export function canEditReferenceData(actor: Actor, action: Action): boolean {
  return may(actor, action);
}

/**
 * The scope of a reference-data write: the city's administration in the city scope; the command
 * line and the demo seed (the system actor, no session) under the listed system use case.
 */
export function referenceDataScope(actor: Actor): DbScope {
  return actor.kind === 'staff' ? { kind: 'city', organisationId: actor.organisationId } : { kind: 'system', useCase: 'cli.import-reference-data' };
}
