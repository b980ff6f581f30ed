import type { RoleName } from '#web/staff/types.ts';

/** Which roles an organisation of a kind may give (the server checks the same). */
export function rolesFor(kind: 'city' | 'provider'): RoleName[] {
  return kind === 'city' ? ['city_admin', 'city_coordinator', 'evaluator'] : ['provider_admin', 'social_worker'];
}
