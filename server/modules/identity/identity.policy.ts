import { reachOf, type Action } from '#contracts/actions.ts';
import type { DbScope } from '#server/db.ts';
import { authorizeRecord, authorizeStaff, permittedActions } from '#server/platform/authorize.ts';
import type { FieldError } from '#server/platform/problem.ts';
import type { Actor, StaffActor } from './actor.ts';
import { rolesFor, seesPersonalData, type OrganisationKind, type Role } from './roles.ts';

/**
 * Who may administer organisations and accounts: the catalogue's `organisation.*` and `account.*`
 * actions (contracts/actions.ts) plus the rules about one's own account. Pure functions, tested on
 * their own (identity.policy.unit.test.ts). A record outside what an actor may manage is "not found" (404).
 */

/** The city's administration (the catalogue: `organisation.*` reach every organisation). */
export function isCityAdmin(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.organisationKind === 'city' && reachOf(actor.role, 'organisation.edit') === 'any';
}

/** A provider's administration (the catalogue: `account.edit` inside its own organisation). */
export function isProviderAdmin(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.organisationKind === 'provider' && reachOf(actor.role, 'account.edit') === 'organisation';
}

/**
 * The database scope a member of staff works in for an action: reach `any` (the city's
 * administration) the city scope across organisations; otherwise its own tenant, where RLS hides
 * every other organisation's rows.
 */
export function scopeOf(actor: StaffActor, action: Action): DbScope {
  return actor.organisationKind === 'city' && reachOf(actor.role, action) === 'any' ? { kind: 'city', organisationId: actor.organisationId } : { kind: 'tenant', organisationId: actor.organisationId };
}

/** The administrator taking an account action (403 otherwise) and the database scope it works in. */
export function accountAdministrator(actor: Actor, action: Action): { admin: StaffActor; scope: DbScope } {
  const admin = authorizeStaff(actor, action);
  return { admin, scope: scopeOf(admin, action) };
}

/** The accounts of this organisation are within the administrator's reach for the action, else 404. */
export function requireAccountsOf(admin: StaffActor, action: Action, organisationId: string): void {
  authorizeRecord(admin, action, { organisationId });
}

/** The actions whose answer depends on the account: its `permittedActions` (GET /api/accounts, /api/accounts/:id). */
export const ACCOUNT_RECORD_ACTIONS = ['account.read', 'account.edit', 'account.assign-regions', 'account.reset-second-factor'] as const satisfies readonly Action[];

/** What the actor may do with an account: the catalogue's reach, less resetting one's own second factor. */
export function accountPermittedActions(actor: Actor, target: { id: string; organisationId: string }): Action[] {
  const own = actor.kind === 'staff' && actor.accountId === target.id;
  return permittedActions(actor, ACCOUNT_RECORD_ACTIONS, { organisationId: target.organisationId }).filter((a) => !(own && a === 'account.reset-second-factor'));
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

/**
 * Why a region assignment is refused, or null. Every code must be a region (`known`); a provider's
 * account only gets regions where its organisation holds a service agreement (`agreed`; null for
 * the city: every region).
 */
export function refuseRegionAssignment(codes: readonly string[], known: ReadonlySet<string>, agreed: ReadonlySet<string> | null): FieldError | null {
  for (const [i, code] of codes.entries()) {
    if (!known.has(code)) return { field: `regionCodes.${i}`, key: 'field.invalidOption' };
    if (agreed && !agreed.has(code)) return { field: `regionCodes.${i}`, key: 'field.noServiceAgreement' };
  }
  return null;
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
