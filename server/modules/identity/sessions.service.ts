import { randomBytes } from 'node:crypto';
import type { Deps } from '#server/deps.ts';
import { Problem } from '#server/platform/problem.ts';
import { recordAudit, recordSecurityEvent } from '#server/modules/audit/audit.public.ts';
import type { Origin, StaffActor } from './actor.ts';
import {
  clearRateLimit,
  deleteSession,
  deleteExpiredSessions,
  deleteSessionsOfAccount,
  findAccountByEmail,
  findSession,
  hitRateLimit,
  insertSession,
  updateAccount,
  updateSession,
} from './identity.queries.ts';
import { verifyPassword } from './passwords.ts';
import { seesPersonalData } from './roles.ts';
import { hashToken, newToken } from './tokens.ts';

export const LOGIN_LIMITS = {
  /** Attempts from one address in the window (shared accommodation shares addresses: generous). */
  perIp: { hits: 30, windowSeconds: 600 },
  /** Attempts for one email in the window. */
  perEmail: { hits: 10, windowSeconds: 900 },
  /** Consecutive failures before a temporary lock, and its length. */
  lockAfter: 5,
  lockMinutes: 15,
} as const;

export type SessionStage = 'active' | 'totp' | 'enrol';

export interface SessionInfo {
  tokenHash: string;
  csrfToken: string;
  stage: SessionStage;
  actor: StaffActor;
  account: { id: string; email: string; displayName: string; locale: 'de' | 'en'; totpEnabled: boolean };
  organisation: { id: string; name: string; kind: 'city' | 'provider'; requireTotp: boolean };
}

function expiry(deps: Deps, createdAt: Date, now: Date): Date {
  const idle = now.getTime() + deps.config.session.idleMinutes * 60_000;
  const absolute = createdAt.getTime() + deps.config.session.absoluteHours * 3_600_000;
  return new Date(Math.min(idle, absolute));
}

/** Counts one login attempt (password or second factor) against a limit; 429 once it is exceeded. */
export async function limit(deps: Deps, key: string, rule: { hits: number; windowSeconds: number }, origin: Origin): Promise<void> {
  const now = deps.now();
  // Counters keyed by address or email, no tenant's rows (rate_limit has no RLS): the public scope.
  const { hits, resetAt } = await deps.db.transaction({ kind: 'public' }, (tx) => hitRateLimit(tx, key, rule.windowSeconds, now));
  if (hits > rule.hits) {
    await recordSecurityEvent(deps, { kind: 'login.rate-limited', ...origin });
    const retryAfter = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
    throw new Problem(429, 'rate-limited', { headers: { 'retry-after': String(retryAfter) } });
  }
}

/**
 * Email + password login. Answers the same generic problem for an unknown email, a wrong password,
 * a disabled account and a locked account, so the answer does not tell whether the email exists.
 */
export async function logIn(deps: Deps, origin: Origin, input: { email: string; password: string }): Promise<{ token: string; info: SessionInfo }> {
  const email = input.email.trim().toLowerCase();
  await limit(deps, `login:ip:${origin.ip ?? 'unknown'}`, LOGIN_LIMITS.perIp, origin);
  await limit(deps, `login:email:${email}`, LOGIN_LIMITS.perEmail, origin);

  const found = await deps.db.transaction({ kind: 'system', useCase: 'login.find-account' }, (tx) => findAccountByEmail(tx, email));
  const now = deps.now();
  const locked = found?.lockedUntil && found.lockedUntil > now;
  const passwordOk = await verifyPassword(locked ? null : (found?.passwordHash ?? null), input.password);
  if (!found || !passwordOk || locked || found.disabledAt || found.organisationArchivedAt) {
    if (found && !locked && !passwordOk) {
      const failures = found.failedLogins + 1;
      const lockNow = failures >= LOGIN_LIMITS.lockAfter;
      await deps.db.transaction({ kind: 'tenant', organisationId: found.organisationId }, (tx) =>
        updateAccount(tx, found.id, {
          failedLogins: lockNow ? 0 : failures,
          lockedUntil: lockNow ? new Date(now.getTime() + LOGIN_LIMITS.lockMinutes * 60_000) : found.lockedUntil,
        }),
      );
      await recordSecurityEvent(deps, { kind: lockNow ? 'login.locked' : 'login.failed', accountId: found.id, organisationId: found.organisationId, ...origin });
    } else {
      await recordSecurityEvent(deps, { kind: locked ? 'login.locked' : 'login.failed', accountId: found?.id ?? null, organisationId: found?.organisationId ?? null, ...origin });
    }
    throw new Problem(401, 'invalid-credentials');
  }

  const stage: SessionStage = found.totpEnabledAt
    ? 'totp'
    : found.organisationRequireTotp && seesPersonalData(found.role)
      ? 'enrol'
      : 'active';
  return startSession(deps, origin, { id: found.id, organisationId: found.organisationId }, stage, 'session.login');
}

/** Creates a session for an account that has proved who it is (password, OIDC). */
export async function startSession(
  deps: Deps,
  origin: Origin,
  account: { id: string; organisationId: string },
  stage: SessionStage,
  action: string,
): Promise<{ token: string; info: SessionInfo }> {
  const accountId = account.id;
  const { token, hash } = newToken();
  const now = deps.now();
  const csrfToken = randomBytes(24).toString('base64url');
  await deps.db.transaction({ kind: 'tenant', organisationId: account.organisationId }, async (tx) => {
    await updateAccount(tx, accountId, { failedLogins: 0, lockedUntil: null });
    await insertSession(tx, { tokenHash: hash, accountId, csrfToken, stage, createdAt: now, lastSeenAt: now, expiresAt: expiry(deps, now, now) });
  });
  const info = await resolveSession(deps, origin, token);
  if (!info) throw new Error('session vanished right after it was created');
  await deps.db.transaction({ kind: 'tenant', organisationId: info.actor.organisationId }, async (tx) => {
    await recordAudit(tx, info.actor, { action, recordType: 'account', recordIds: [accountId] }, now);
    await clearRateLimit(tx, `login:email:${info.account.email.toLowerCase()}`);
  });
  return { token, info };
}

/** Touches the session at most once a minute: sliding idle expiry without a write per request. */
const TOUCH_EVERY_MS = 60_000;

export async function resolveSession(deps: Deps, origin: Origin, token: string): Promise<SessionInfo | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const now = deps.now();
  return deps.db.transaction({ kind: 'system', useCase: 'session.resolve' }, async (tx) => {
    const row = await findSession(tx, tokenHash);
    if (!row) return null;
    const a = row.account;
    if (row.session.expiresAt <= now || a.disabledAt || a.organisationArchivedAt) {
      await deleteSession(tx, tokenHash);
      return null;
    }
    if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await updateSession(tx, tokenHash, { lastSeenAt: now, expiresAt: expiry(deps, row.session.createdAt, now) });
    }
    return {
      tokenHash,
      csrfToken: row.session.csrfToken,
      stage: row.session.stage,
      actor: {
        kind: 'staff',
        accountId: a.id,
        organisationId: a.organisationId,
        organisationKind: a.organisationKind,
        role: a.role,
        regionCodes: a.regionCodes,
        ...origin,
      },
      account: { id: a.id, email: a.email, displayName: a.displayName, locale: a.locale, totpEnabled: Boolean(a.totpEnabledAt) },
      organisation: { id: a.organisationId, name: a.organisationName, kind: a.organisationKind, requireTotp: a.organisationRequireTotp },
    };
  });
}

export async function logOut(deps: Deps, session: SessionInfo): Promise<void> {
  await deps.db.transaction({ kind: 'tenant', organisationId: session.actor.organisationId }, async (tx) => {
    await deleteSession(tx, session.tokenHash);
    await recordAudit(tx, session.actor, { action: 'session.logout', recordType: 'account', recordIds: [session.actor.accountId] }, deps.now());
  });
}

/** Ends every session of the account, on every device. */
export async function logOutEverywhere(deps: Deps, session: SessionInfo): Promise<{ ended: number }> {
  return deps.db.transaction({ kind: 'tenant', organisationId: session.actor.organisationId }, async (tx) => {
    const ended = await deleteSessionsOfAccount(tx, session.actor.accountId);
    await recordAudit(tx, session.actor, { action: 'session.logout-everywhere', recordType: 'account', recordIds: [session.actor.accountId] }, deps.now());
    return { ended };
  });
}

/** Moves a session on once its second factor is settled. */
export async function activateSession(deps: Deps, session: SessionInfo): Promise<void> {
  await deps.db.transaction({ kind: 'tenant', organisationId: session.actor.organisationId }, (tx) => updateSession(tx, session.tokenHash, { stage: 'active' }));
}

/** The periodic job: expired sessions of every organisation go. */
export async function purgeExpiredSessions(deps: Pick<Deps, 'db' | 'now'>): Promise<void> {
  await deps.db.transaction({ kind: 'system', useCase: 'sessions.purge-expired' }, (tx) => deleteExpiredSessions(tx, deps.now()));
}
