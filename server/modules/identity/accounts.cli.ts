import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import { systemActor } from './actor.ts';
import { countCityOrganisations, findOrganisationByIdOrName, insertAccount, insertOrganisation } from './identity.queries.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { rolesFor, type Role } from './roles.ts';
import { sqlState } from '#server/db-errors.ts';

/** `lotse user create`: an account for bootstrapping, before any admin can log in. */
export async function createAccountFromCli(
  deps: Pick<Deps, 'db' | 'now'>,
  input: { email: string; role: Role; organisation: string; displayName: string; password: string },
): Promise<{ email: string; role: Role; organisationName: string } | { error: string }> {
  if (input.password.length < MIN_PASSWORD_LENGTH) return { error: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.` };
  if (!/^[^@\s]+@[^@\s]+$/.test(input.email)) return { error: `Not an email address: ${input.email}` };
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction({ kind: 'system', useCase: 'cli.create-account' }, async (tx) => {
    const org = await findOrganisationByIdOrName(tx, input.organisation);
    if (!org) return { error: `No organisation with the id or name "${input.organisation}".` };
    if (!rolesFor(org.kind).includes(input.role)) return { error: `A ${org.kind} organisation cannot hold the role ${input.role} (allowed: ${rolesFor(org.kind).join(', ')}).` };
    try {
      const row = await insertAccount(tx, { organisationId: org.id, email: input.email, role: input.role, displayName: input.displayName, passwordHash });
      await recordAudit(tx, systemActor, { action: 'account.create', recordType: 'account', recordIds: [row.id], organisationId: org.id }, deps.now());
      return { email: row.email, role: row.role, organisationName: org.name };
    } catch (error) {
      if (sqlState(error) === '23505') return { error: `An account with the email ${input.email} exists already.` };
      throw error;
    }
  });
}

/** `lotse org create`: the first organisations of a fresh installation (the city, then providers). */
export async function createOrganisationFromCli(
  deps: Pick<Deps, 'db' | 'now'>,
  input: { kind: 'city' | 'provider'; name: string },
): Promise<{ id: string; name: string; kind: 'city' | 'provider' } | { error: string }> {
  const name = input.name.trim();
  if (!name) return { error: 'The organisation needs a name.' };
  return deps.db.transaction({ kind: 'system', useCase: 'cli.create-organisation' }, async (tx) => {
    if (await findOrganisationByIdOrName(tx, name)) return { error: `An organisation named "${name}" exists already.` };
    if (input.kind === 'city' && (await countCityOrganisations(tx)) > 0) return { error: 'There is a city organisation already; Lotse serves one city.' };
    const row = await insertOrganisation(tx, { kind: input.kind, name });
    await recordAudit(tx, systemActor, { action: 'organisation.create', recordType: 'organisation', recordIds: [row.id], organisationId: row.id }, deps.now());
    return { id: row.id, name: row.name, kind: row.kind };
  });
}
