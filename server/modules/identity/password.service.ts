import type { z } from 'zod';
import type { changePasswordBody, passwordResetBody, passwordResetConfirmBody } from '#contracts/identity.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { invalid, Problem } from '#server/platform/problem.ts';
import { translate } from '#server/i18n.ts';
import { recordAudit, recordSecurityEvent } from '#server/modules/audit/audit.public.ts';
import type { Origin } from './actor.ts';
import {
  consumePasswordReset,
  deleteOtherSessions,
  deleteSessionsOfAccount,
  findAccountByEmail,
  findAccountById,
  hitRateLimit,
  insertPasswordReset,
  updateAccount,
  voidPasswordResets,
} from './identity.queries.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { SessionInfo } from './sessions.service.ts';
import { hashToken, newToken } from './tokens.ts';

export const PASSWORD_RESET_LIMITS = {
  perIp: { hits: 10, windowSeconds: 3600 },
  perEmail: { hits: 3, windowSeconds: 3600 },
  /** How long a reset link works. */
  resetMinutes: 60,
  /** How long an invitation link (new account, no password yet) works. */
  invitationMinutes: 72 * 60,
} as const;

export type LinkPurpose = 'passwordReset' | 'invitation';

/**
 * Stores a single-use token (hashed, 256 bit) for the account and answers the mail that carries
 * its link, in the account's language. The caller sends it after its transaction commits.
 */
export async function issueSetPasswordLink(
  deps: Deps,
  tx: Tx,
  to: { id: string; email: string; displayName: string; locale: string },
  purpose: LinkPurpose,
): Promise<{ to: string; subject: string; text: string }> {
  const { token, hash } = newToken();
  const minutes = purpose === 'invitation' ? PASSWORD_RESET_LIMITS.invitationMinutes : PASSWORD_RESET_LIMITS.resetMinutes;
  await insertPasswordReset(tx, { tokenHash: hash, accountId: to.id, expiresAt: new Date(deps.now().getTime() + minutes * 60_000) });
  const link = `${deps.config.publicUrl}/app/reset-password?token=${encodeURIComponent(token)}`;
  const values = { name: to.displayName, link, hours: Math.round(minutes / 60) };
  return {
    to: to.email,
    subject: translate(to.locale, `mail:${purpose}.subject`, values),
    text: translate(to.locale, `mail:${purpose}.body`, values),
  };
}

/** Sends without making the caller wait (the answer must not take longer when an account exists). */
export function sendInBackground(deps: Deps, mail: { to: string; subject: string; text: string }): void {
  deps.mailer.send(mail).catch((error: unknown) => {
    deps.log?.error({ err: error }, 'sending a mail failed');
  });
}

async function limitResets(deps: Deps, origin: Origin, key: string, rule: { hits: number; windowSeconds: number }): Promise<void> {
  const now = deps.now();
  const { hits, resetAt } = await deps.db.transaction({ kind: 'public' }, (tx) => hitRateLimit(tx, key, rule.windowSeconds, now));
  if (hits > rule.hits) {
    await recordSecurityEvent(deps, { kind: 'password-reset.rate-limited', ...origin });
    const retryAfter = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
    throw new Problem(429, 'rate-limited', { headers: { 'retry-after': String(retryAfter) } });
  }
}

/**
 * Forgotten password: mails a link if the email belongs to an enabled account. Answers the same
 * whether it does or not; limited per address and per email (counted for unknown emails too).
 */
export async function requestPasswordReset(deps: Deps, origin: Origin, input: z.infer<typeof passwordResetBody>): Promise<void> {
  const email = input.email.trim().toLowerCase();
  await limitResets(deps, origin, `password-reset:ip:${origin.ip ?? 'unknown'}`, PASSWORD_RESET_LIMITS.perIp);
  await limitResets(deps, origin, `password-reset:email:${email}`, PASSWORD_RESET_LIMITS.perEmail);
  const mail = await deps.db.transaction({ kind: 'system', useCase: 'password-reset.request' }, async (tx) => {
    const found = await findAccountByEmail(tx, email);
    if (!found || found.disabledAt || found.organisationArchivedAt) return null;
    const m = await issueSetPasswordLink(deps, tx, found, 'passwordReset');
    await recordAudit(tx, { kind: 'anonymous', ...origin }, { action: 'account.password-reset-request', recordType: 'account', recordIds: [found.id], organisationId: found.organisationId }, deps.now());
    return m;
  });
  if (mail) sendInBackground(deps, mail);
}

/** Sets a password from a mailed link: single use, clears a lock, ends every session. */
export async function confirmPasswordReset(deps: Deps, origin: Origin, input: z.infer<typeof passwordResetConfirmBody>): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  await deps.db.transaction({ kind: 'system', useCase: 'password-reset.confirm' }, async (tx) => {
    const accountId = await consumePasswordReset(tx, hashToken(input.token), now);
    const found = accountId ? await findAccountById(tx, accountId) : null;
    if (!found || found.disabledAt || found.organisationArchivedAt) throw new Problem(400, 'token-invalid');
    await updateAccount(tx, found.id, { passwordHash, failedLogins: 0, lockedUntil: null });
    await voidPasswordResets(tx, found.id, now);
    await deleteSessionsOfAccount(tx, found.id);
    await recordAudit(tx, { kind: 'anonymous', ...origin }, { action: 'account.password-reset', recordType: 'account', recordIds: [found.id], organisationId: found.organisationId }, now);
  });
}

/** Changes one's own password: needs the current one; ends every other session. */
export async function changePassword(deps: Deps, session: SessionInfo, input: z.infer<typeof changePasswordBody>): Promise<{ endedSessions: number }> {
  const actor = session.actor;
  const current = await deps.db.transaction({ kind: 'tenant', organisationId: actor.organisationId }, (tx) => findAccountById(tx, actor.accountId));
  if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    await recordSecurityEvent(deps, { kind: 'login.failed', accountId: actor.accountId, organisationId: actor.organisationId, ip: actor.ip, requestId: actor.requestId });
    throw invalid([{ field: 'currentPassword', key: 'field.wrongPassword' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction({ kind: 'tenant', organisationId: actor.organisationId }, async (tx) => {
    await updateAccount(tx, actor.accountId, { passwordHash });
    await voidPasswordResets(tx, actor.accountId, deps.now());
    const endedSessions = await deleteOtherSessions(tx, actor.accountId, session.tokenHash);
    await recordAudit(tx, actor, { action: 'account.password-change', recordType: 'account', recordIds: [actor.accountId] }, deps.now());
    return { endedSessions };
  });
}
