/** The roles of DOMAIN.md. Which organisation kind may hold which role. */
export const ROLES = ['city_admin', 'city_coordinator', 'evaluator', 'provider_admin', 'social_worker'] as const;
export type Role = (typeof ROLES)[number];

export const CITY_ROLES: readonly Role[] = ['city_admin', 'city_coordinator', 'evaluator'];
export const PROVIDER_ROLES: readonly Role[] = ['provider_admin', 'social_worker'];

export type OrganisationKind = 'city' | 'provider';

export function rolesFor(kind: OrganisationKind): readonly Role[] {
  return kind === 'city' ? CITY_ROLES : PROVIDER_ROLES;
}

/** Roles whose work shows personal data of the people served: a second factor is required for them when the organisation turns it on. */
export function seesPersonalData(role: Role): boolean {
  switch (role) {
    case 'provider_admin':
    case 'social_worker':
    case 'city_coordinator':
    case 'city_admin':
      return true;
    case 'evaluator':
      return false;
  }
}
