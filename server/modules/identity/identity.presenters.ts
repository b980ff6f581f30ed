import { actionsOf } from '#contracts/actions.ts';
import type { Account, Me } from '#contracts/identity.ts';
import type { Organisation } from '#contracts/organisations.ts';
import type { Actor } from './actor.ts';
import { accountPermittedActions } from './identity.policy.ts';
import type { SessionInfo } from './sessions.service.ts';

/** The one place that decides which fields of the signed-in account leave the server. */
export function presentMe(session: SessionInfo): Me {
  return {
    id: session.account.id,
    email: session.account.email,
    displayName: session.account.displayName,
    role: session.actor.role,
    locale: session.account.locale,
    totpEnabled: session.account.totpEnabled,
    organisation: session.organisation,
    csrfToken: session.csrfToken,
    stage: session.stage === 'enrol' ? 'enrolment' : session.stage,
    permittedActions: actionsOf(session.actor.role),
    regionCodes: session.actor.regionCodes === null ? null : [...session.actor.regionCodes],
  };
}

type AccountRow = {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: Account['role'];
  locale: Account['locale'];
  passwordHash: string | null;
  totpEnabledAt: Date | null;
  oidcSubject: string | null;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
  regionCodes: string[] | null;
};

/**
 * The one place that decides which fields of an account leave the server: never the password hash,
 * the second-factor secret or the OIDC subject — only whether they are set; with what the viewer
 * may do with it (`permittedActions`).
 */
export function presentAccount(row: AccountRow, now: Date, viewer: Actor): Account {
  return {
    id: row.id,
    organisationId: row.organisationId,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    locale: row.locale,
    totpEnabled: row.totpEnabledAt !== null,
    passwordSet: row.passwordHash !== null,
    oidcLinked: row.oidcSubject !== null,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    regionCodes: row.regionCodes,
    permittedActions: accountPermittedActions(viewer, row),
  };
}

export function presentOrganisation(row: { id: string; kind: Organisation['kind']; name: string; requireTotp: boolean; createdAt: Date; archivedAt: Date | null }): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    requireTotp: row.requireTotp,
    createdAt: row.createdAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}
