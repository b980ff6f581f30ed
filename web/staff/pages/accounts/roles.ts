import { ROLES_OF_KIND } from '#contracts/identity.ts';
import type { RoleName } from '#web/staff/types.ts';

/** Which roles an organisation of a kind may give (the contract's list; the server checks the same). */
export function rolesFor(kind: 'city' | 'provider'): [RoleName, ...RoleName[]] {
  return [...ROLES_OF_KIND[kind]];
}
