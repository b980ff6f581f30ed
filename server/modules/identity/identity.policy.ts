import type { DbScope } from '#server/db.ts';
import type { Actor, StaffActor } from './actor.ts';
import { rolesFor, seesPersonalData, type OrganisationKind, type Role } from './roles.ts';

/**
 * Who may administer organisations and accounts: pure functions, tested on their own
 * (identity.policy.unit.test.ts). A record outside what an actor may manage is "not found" (404).
 */

/** The city's administration manages organisations. */
export function isCityAdmin(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.organisationKind === 'city' && actor.role === 'city_admin';
}

export function isProviderAdmin(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.organisationKind === 'provider' && actor.role === 'provider_admin';
}

export function canManageOrganisations(actor: Actor): boolean {
  return isCityAdmin(actor);
}

/**
 * The database scope for account administration: the city's administration across organisations,
 * a provider admin inside its own tenant (RLS hides every other account). Null: may not administer.
 */
export function accountAdminScope(actor: Actor): DbScope | null {
  if (actor.kind !== 'staff') return null;
  if (isCityAdmin(actor)) return { kind: 'city', organisationId: actor.organisationId };
  if (isProviderAdmin(actor)) return { kind: 'tenant', organisationId: actor.organisationId };
  return null;
}

/** Whether the actor may manage the accounts of an organisation (false answers 404). */
export function canManageAccountsOf(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'staff') return false;
  if (isCityAdmin(actor)) return true;
  return isProviderAdmin(actor) && actor.organisationId === organisationId;
}

export function roleFits(kind: OrganisationKind, role: Role): boolean {
  return rolesFor(kind).includes(role);
}

export type AccountChange = { role?: Role | undefined; disabled?: boolean | undefined };

/**
 * Why an administrator may not make a change to an account, or null. Admins cannot demote or
 * disable themselves (an organisation would lose its last administrator by accident).
 */
export function refuseAccountChange(actor: StaffActor, target: { id: string; role: Role }, kind: OrganisationKind, change: AccountChange): { field: 'role' | 'disabled'; key: string } | null {
  if (change.role !== undefined) {
    if (!roleFits(kind, change.role)) return { field: 'role', key: 'field.invalidOption' };
    if (target.id === actor.accountId && change.role !== target.role) return { field: 'role', key: 'field.notOwnAccount' };
  }
  if (change.disabled === true && target.id === actor.accountId) return { field: 'disabled', key: 'field.notOwnAccount' };
  return null;
}

/**
 * Why an administrator may not reset an account's second factor, or null: not one's own (an admin
 * who lost the phone asks another admin, so nobody skips their own factor).
 */
export function refuseTotpReset(actor: StaffActor, target: { id: string }): { field: 'account'; key: string } | null {
  return target.id === actor.accountId ? { field: 'account', key: 'field.notOwnAccount' } : null;
}

/** A second factor is compulsory for this account (it may not be disabled; login requires enrolment). */
export function totpRequired(organisation: { requireTotp: boolean }, role: Role): boolean {
  return organisation.requireTotp && seesPersonalData(role);
}

/** Only same-site paths inside the staff app: no scheme, no host, no `//`, no backslash tricks. */
export function safeReturnTo(value: string | undefined): string {
  const fallback = '/app/';
  if (!value) return fallback;
  if (!value.startsWith('/app/') || value.includes('\\') || value.includes('//') || /[\u0000-\u001f]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://lotse.invalid');
    if (url.origin !== 'http://lotse.invalid' || !url.pathname.startsWith('/app/')) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
