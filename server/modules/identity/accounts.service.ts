import type { z } from 'zod';
import type { accountListQuery, createAccountBody, preferences, updateAccountBody } from '#contracts/identity.ts';
import { guardConstraints } from '#server/db-errors.ts';
import type { Deps } from '#server/deps.ts';
import { invalid, notFound, Problem, type FieldError } from '#server/platform/problem.ts';
import type { Tx } from '#server/db.ts';
import { agreementRegionCodesOf } from '#server/modules/calls/calls.public.ts';
import { regionByCode } from '#server/modules/regions/regions.public.ts';
import { berlinDate } from '#server/time.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from './actor.ts';
import { presentAccount } from './identity.presenters.ts';
import { accountAdministrator, refuseAccountChange, refuseRegionAssignment, refuseTotpReset, requireAccountsOf, roleFits } from './identity.policy.ts';
import { deleteSessionsOfAccount, findAccountById, findOrganisation, insertAccount, listAccountsOf, replaceAccountRegions, updateAccount } from './identity.queries.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { issueSetPasswordLink, sendInBackground } from './password.service.ts';

export async function setPreferences(deps: Deps, actor: Actor, input: z.infer<typeof preferences>) {
  if (actor.kind !== 'staff') throw new Problem(401, 'unauthenticated');
  return deps.db.transaction({ kind: 'tenant', organisationId: actor.organisationId }, async (tx) => {
    await updateAccount(tx, actor.accountId, { locale: input.locale });
    await recordAudit(tx, actor, { action: 'account.preferences', recordType: 'account', recordIds: [actor.accountId] }, deps.now());
    return { locale: input.locale };
  });
}

/**
 * Why regions may not be assigned to an account, or null: unknown region codes; for a provider's
 * account a region without a service agreement of its organisation (in force today or later).
 */
async function refuseRegions(deps: Deps, tx: Tx, target: { organisationId: string; organisationKind: 'city' | 'provider' }, codes: readonly string[]): Promise<FieldError | null> {
  const known = new Set<string>();
  for (const code of new Set(codes)) if (await regionByCode(tx, code)) known.add(code);
  const agreed = target.organisationKind === 'provider' ? new Set(await agreementRegionCodesOf(tx, target.organisationId, berlinDate(deps.now()))) : null;
  return refuseRegionAssignment(codes, known, agreed);
}

/** Lists an organisation's accounts. A read of personal data: one audit entry naming the ids shown. */
export async function listAccounts(deps: Deps, actor: Actor, input: z.infer<typeof accountListQuery>) {
  const { admin, scope } = accountAdministrator(actor, 'account.list');
  const organisationId = input.organisationId ?? admin.organisationId;
  requireAccountsOf(admin, 'account.list', organisationId);
  return deps.db.transaction(scope, async (tx) => {
    if (!(await findOrganisation(tx, organisationId))) throw notFound();
    const rows = await listAccountsOf(tx, organisationId);
    await recordAudit(tx, admin, { action: 'account.list', recordType: 'account', recordIds: rows.map((r) => r.id), organisationId }, deps.now());
    return rows.map((r) => presentAccount(r, deps.now(), admin));
  });
}

export async function getAccount(deps: Deps, actor: Actor, id: string) {
  const { admin, scope } = accountAdministrator(actor, 'account.read');
  return deps.db.transaction(scope, async (tx) => {
    const row = await findAccountById(tx, id);
    if (!row) throw notFound();
    requireAccountsOf(admin, 'account.read', row.organisationId);
    await recordAudit(tx, admin, { action: 'account.read', recordType: 'account', recordIds: [id], organisationId: row.organisationId }, deps.now());
    return presentAccount(row, deps.now(), admin);
  });
}

/** Creates an account with an initial password, or without one and mails an invitation link. */
export async function createAccount(deps: Deps, actor: Actor, input: z.infer<typeof createAccountBody>) {
  const { admin, scope } = accountAdministrator(actor, 'account.create');
  const organisationId = input.organisationId ?? admin.organisationId;
  requireAccountsOf(admin, 'account.create', organisationId);
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new Problem(400, 'weak-password', { errors: [{ field: 'password', key: 'field.tooSmall', values: { minimum: MIN_PASSWORD_LENGTH } }] });
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const now = deps.now();
  const { presented, mail } = await deps.db.transaction(scope, async (tx) => {
    const org = await findOrganisation(tx, organisationId);
    if (!org) throw notFound();
    if (org.archivedAt) throw new Problem(409, 'conflict', { detailKey: 'details.organisationArchived' });
    if (!roleFits(org.kind, input.role)) throw invalid([{ field: 'role', key: 'field.invalidOption' }]);
    const row = await guardConstraints(
      () => insertAccount(tx, { organisationId, email: input.email, displayName: input.displayName, role: input.role, locale: input.locale, passwordHash, createdAt: now }),
      { unique: 'email' },
    );
    const m = passwordHash ? null : await issueSetPasswordLink(deps, tx, row, 'invitation');
    await recordAudit(tx, admin, { action: m ? 'account.invite' : 'account.create', recordType: 'account', recordIds: [row.id], organisationId }, now);
    return { presented: presentAccount({ ...row, organisationId, regionCodes: null }, now, admin), mail: m };
  });
  if (mail) sendInBackground(deps, mail);
  return presented;
}

/**
 * Renames, changes the role within the organisation's roles, disables/enables, clears a lock, and
 * (action account.assign-regions) assigns the account to regions or leaves it unassigned.
 */
export async function changeAccount(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateAccountBody>) {
  const { admin, scope } = accountAdministrator(actor, 'account.edit');
  const { regionCodes, ...change } = input;
  const assigning = regionCodes !== undefined;
  if (assigning) accountAdministrator(admin, 'account.assign-regions');
  const now = deps.now();
  return deps.db.transaction(scope, async (tx) => {
    const current = await findAccountById(tx, id);
    if (!current) throw notFound();
    requireAccountsOf(admin, 'account.edit', current.organisationId);
    if (assigning) requireAccountsOf(admin, 'account.assign-regions', current.organisationId);
    const refused = refuseAccountChange(admin, current, current.organisationKind, change) ?? (regionCodes ? await refuseRegions(deps, tx, current, regionCodes) : null);
    if (refused) throw invalid([refused]);
    const disabledAt = input.disabled === undefined ? current.disabledAt : input.disabled ? (current.disabledAt ?? now) : null;
    await updateAccount(tx, id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
      disabledAt,
    });
    if (assigning) await replaceAccountRegions(tx, id, regionCodes);
    // A new role or a disabled account takes effect now, not at the next login.
    if ((disabledAt && !current.disabledAt) || (input.role !== undefined && input.role !== current.role)) await deleteSessionsOfAccount(tx, id);
    const actions = [
      input.displayName !== undefined || (input.role !== undefined && input.role !== current.role) ? 'account.update' : null,
      disabledAt && !current.disabledAt ? 'account.disable' : null,
      !disabledAt && current.disabledAt ? 'account.enable' : null,
      input.unlock ? 'account.unlock' : null,
      assigning ? 'account.assign-regions' : null,
    ].filter((a) => a !== null);
    for (const action of actions.length ? actions : ['account.update']) {
      await recordAudit(tx, admin, { action, recordType: 'account', recordIds: [id], organisationId: current.organisationId }, now);
    }
    const row = await findAccountById(tx, id);
    if (!row) throw notFound();
    return presentAccount(row, now, admin);
  });
}

/**
 * Resets a staff member's second factor (lost phone): the sealed secret and the enabled flag go,
 * every session of the account ends, and where the organisation requires a second factor the next
 * login asks for enrolment again. Not one's own account.
 */
export async function resetAccountTotp(deps: Deps, actor: Actor, id: string) {
  const { admin, scope } = accountAdministrator(actor, 'account.reset-second-factor');
  const now = deps.now();
  return deps.db.transaction(scope, async (tx) => {
    const current = await findAccountById(tx, id);
    if (!current) throw notFound();
    requireAccountsOf(admin, 'account.reset-second-factor', current.organisationId);
    const refused = refuseTotpReset(admin, current);
    if (refused) throw invalid([refused]);
    await updateAccount(tx, id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    await deleteSessionsOfAccount(tx, id);
    await recordAudit(tx, admin, { action: 'account.totp-reset', recordType: 'account', recordIds: [id], organisationId: current.organisationId }, now);
    const row = await findAccountById(tx, id);
    if (!row) throw notFound();
    return presentAccount(row, now, admin);
  });
}
