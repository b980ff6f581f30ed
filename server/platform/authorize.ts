import { mayOnRecord, permittedOn, roleMay, type Action, type RecordScope } from '#contracts/actions.ts';
import type { Actor, StaffActor, SystemActor } from '#server/modules/identity/identity.public.ts';
import { forbidden, notFound, Problem } from './problem.ts';

/**
 * The server's one check of the action catalogue (contracts/actions.ts), used by the policies and
 * use cases after the route's own check: the same action, now with the record's rule.
 *
 * - anonymous: 401 (the access hook refuses earlier; a use case called otherwise still refuses);
 * - a role the action does not name: 403 `forbidden`;
 * - a record out of the actor's reach (another organisation, another region): 404 `not-found`,
 *   exactly as for an unknown record;
 * - `system` (start-up, seed, command line): every action, every record.
 */
export function authorize(actor: Actor, action: Action, record?: RecordScope): StaffActor | SystemActor {
  if (actor.kind === 'anonymous') throw new Problem(401, 'unauthenticated');
  if (actor.kind === 'system') return actor;
  if (!roleMay(actor.role, action)) throw forbidden();
  if (record && !mayOnRecord(actor, action, record)) throw notFound();
  return actor;
}

/** As `authorize`, for use cases that need a member of staff (its organisation, its account): `system` is refused (403). */
export function authorizeStaff(actor: Actor, action: Action, record?: RecordScope): StaffActor {
  const allowed = authorize(actor, action, record);
  if (allowed.kind !== 'staff') throw forbidden();
  return allowed;
}

/** The record-level half alone, for an actor already authorised for the action: 404 out of reach. */
export function authorizeRecord(actor: StaffActor | SystemActor, action: Action, record: RecordScope): void {
  if (actor.kind === 'staff' && !mayOnRecord(actor, action, record)) throw notFound();
}

/** Whether the actor may take the action on the record (a filter over lists; no error). */
export function may(actor: Actor, action: Action, record: RecordScope = {}): boolean {
  if (actor.kind === 'anonymous') return false;
  if (actor.kind === 'system') return true;
  return mayOnRecord(actor, action, record);
}

/** A record's `permittedActions`: which of `names` the actor may take on it (anonymous: none). */
export function permittedActions<A extends Action>(actor: Actor, names: readonly A[], record: RecordScope): A[] {
  if (actor.kind === 'anonymous') return [];
  if (actor.kind === 'system') return [...names];
  return permittedOn(actor, names, record);
}
