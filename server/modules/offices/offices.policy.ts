import type { Actor, StaffActor } from '#server/modules/identity/actor.ts';

/** Who edits offices: the city's coordination and administration (all offices), a provider's admin (its own). */
export function isCityOfficeEditor(actor: Actor): actor is StaffActor {
  return actor.kind === 'staff' && actor.organisationKind === 'city' && (actor.role === 'city_coordinator' || actor.role === 'city_admin');
}

export function isProviderOfficeEditor(actor: Actor): actor is StaffActor {
  return actor.kind === 'staff' && actor.organisationKind === 'provider' && actor.role === 'provider_admin';
}

/** Roles allowed on the write routes (the use cases check the provider and region). */
export const OFFICE_EDITOR_ROLES = ['provider_admin', 'city_coordinator', 'city_admin'] as const;
export const SITE_ASSESSOR_ROLES = ['city_coordinator', 'city_admin'] as const;
