import type { AnonymousActor, Origin, StaffActor, SystemActor } from '#server/modules/identity/actor.ts';
import { PROVIDER_ROLES, type Role } from '#server/modules/identity/roles.ts';
import { Problem } from '#server/platform/problem.ts';

/** Actors and a Problem probe for policy unit tests (no database). */
export const origin: Origin = { ip: null, requestId: null };
export const anonymous: AnonymousActor = { kind: 'anonymous', ...origin };
export const system: SystemActor = { kind: 'system', ...origin };

/** A member of staff with `role` in an organisation of the kind that role belongs to. */
export function staffActor(role: Role, organisationId = 'org-a', regionCodes: string[] | null = null): StaffActor {
  return {
    kind: 'staff',
    accountId: `acc-${role}`,
    organisationId,
    organisationKind: PROVIDER_ROLES.includes(role) ? 'provider' : 'city',
    role,
    regionCodes,
    ...origin,
  };
}

/** The status a thrown Problem carries (0: nothing thrown). */
export function problemStatus(fn: () => unknown): number {
  try {
    fn();
    return 0;
  } catch (error) {
    if (error instanceof Problem) return error.status;
    throw error;
  }
}
