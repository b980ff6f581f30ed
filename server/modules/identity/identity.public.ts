/**
 * What other modules may call of identity (accounts, organisations, sessions). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { accountChoices, labelsOfAccounts, labelsOfOrganisations } from './labels.queries.ts';
/** An account's organisation as the caller's scope sees it (RLS), or null for an unknown or foreign id. */
export { organisationOfAccount } from './identity.queries.ts';

// Who acts: the actor every use case takes, and the roles.
export type { Actor, AnonymousActor, Origin, StaffActor, SystemActor } from './actor.ts';
export { systemActor } from './actor.ts';
export { CITY_ROLES, PROVIDER_ROLES, ROLES, rolesFor, seesPersonalData, type OrganisationKind, type Role } from './roles.ts';
export { isCityAdmin, isProviderAdmin } from './identity.policy.ts';

// Sessions: the access hook resolves the cookie; the periodic job purges expired ones.
export { purgeExpiredSessions, resolveSession, type SessionInfo } from './sessions.service.ts';

// Rate-limit counters (the booking forms count in the same table as the login), in the caller's transaction.
export { hitRateLimit } from './identity.queries.ts';

// An organisation by id (kind, name), in the caller's transaction.
export { findOrganisation } from './identity.queries.ts';
/** The ids of every provider (the retention job iterates them, each in its tenant scope), in the caller's transaction. */
export { providerIds } from './identity.queries.ts';

// The command line and the demo seed (in the seed's transaction).
export { createAccountFromCli, createOrganisationFromCli } from './accounts.cli.ts';
export { hashPassword } from './passwords.ts';
export { accountIdsByEmail, countOrganisations, insertAccount, insertOrganisation } from './identity.queries.ts';

// `lotse keys rotate`: the sealed column of accounts.
export { IDENTITY_SEALED_COLUMNS } from './sealed-fields.ts';
