import type { OrganisationKind, Role } from './roles.ts';

/** Where a request came from: what the audit log records besides ids. */
export interface Origin {
  ip: string | null;
  requestId: string | null;
}

/** A signed-in member of staff acting through a request. */
export interface StaffActor extends Origin {
  kind: 'staff';
  accountId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
  /**
   * The regions the account is assigned to (account_region), read with the session; null: not
   * assigned, so every region the organisation works in (for the city: all). The catalogue's
   * `region` reach reads it (contracts/actions.ts).
   */
  regionCodes: readonly string[] | null;
}

/** Someone without an account: a resident on the public pages, or a login in progress. */
export interface AnonymousActor extends Origin {
  kind: 'anonymous';
}

/** Lotse itself: start-up, seeding, the command line. */
export interface SystemActor extends Origin {
  kind: 'system';
}

export type Actor = StaffActor | AnonymousActor | SystemActor;

export const systemActor: SystemActor = { kind: 'system', ip: null, requestId: null };
