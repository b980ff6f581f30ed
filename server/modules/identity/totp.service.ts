import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Deps } from '#server/deps.ts';
import type { Tx } from '#server/db.ts';
import { conflict, invalid, Problem } from '#server/platform/problem.ts';
import { recordAudit, recordSecurityEvent } from '#server/modules/audit/audit.public.ts';
import { findAccountById, updateAccount, updateSession, clearRateLimit } from './identity.queries.ts';
import { totpRequired } from './identity.policy.ts';
import { verifyPassword } from './passwords.ts';
import { limit, LOGIN_LIMITS, type SessionInfo } from './sessions.service.ts';

/** RFC 6238 defaults every authenticator app understands; one step either side for clock drift. */
const PERIOD = 30;
const WINDOW = 1;

function totpOf(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: 'Lotse', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

const sealContext = (accountId: string): string => `totp:${accountId}`;
const tenant = (session: SessionInfo) => ({ kind: 'tenant', organisationId: session.actor.organisationId }) as const;

/**
 * The time step a code belongs to, or null. A code is accepted once: its step must be later than
 * the last one used (replay protection).
 */
function acceptedStep(deps: Deps, secretBase32: string, code: string, lastStep: number | null): number | null {
  const timestamp = deps.now().getTime();
  const delta = totpOf(secretBase32, '').validate({ token: code, timestamp, window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(timestamp / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

async function failed(deps: Deps, session: SessionInfo): Promise<never> {
  await recordSecurityEvent(deps, { kind: 'totp.failed', accountId: session.actor.accountId, organisationId: session.actor.organisationId, ip: session.actor.ip, requestId: session.actor.requestId });
  throw new Problem(400, 'totp-invalid', { errors: [{ field: 'code', key: 'field.totpInvalid' }] });
}

/** Every code entered counts toward the login limits (per address and per email), like a password. */
async function countAttempt(deps: Deps, session: SessionInfo): Promise<void> {
  const origin = { ip: session.actor.ip, requestId: session.actor.requestId };
  await limit(deps, `login:ip:${origin.ip ?? 'unknown'}`, LOGIN_LIMITS.perIp, origin);
  await limit(deps, `login:email:${session.account.email.toLowerCase()}`, LOGIN_LIMITS.perEmail, origin);
}

/** A session that still owes its code may not set up a new factor instead (that would skip it). */
function refuseTotpStage(session: SessionInfo): void {
  if (session.stage === 'totp') throw new Problem(401, 'totp-required');
}

/** Starts enrolment: a new secret, stored sealed, not yet in force. */
export async function setUpTotp(deps: Deps, session: SessionInfo): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  refuseTotpStage(session);
  if (session.account.totpEnabled) throw conflict('details.totpEnabled');
  const secret = new Secret({ size: 20 }).base32;
  const otpauthUri = totpOf(secret, session.account.email).toString();
  await deps.db.transaction(tenant(session), async (tx) => {
    await updateAccount(tx, session.actor.accountId, { totpSecret: deps.keys.seal(secret, sealContext(session.actor.accountId)), totpEnabledAt: null, totpLastStep: null });
    await recordAudit(tx, session.actor, { action: 'account.totp-setup', recordType: 'account', recordIds: [session.actor.accountId] }, deps.now());
  });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

async function secretOf(deps: Deps, tx: Tx, session: SessionInfo) {
  const row = await findAccountById(tx, session.actor.accountId);
  if (!row) throw new Problem(401, 'unauthenticated');
  return { row, secret: row.totpSecret ? deps.keys.open(row.totpSecret, sealContext(row.id)) : null };
}

/** Finishes enrolment with a first code; a session waiting for enrolment becomes active. */
export async function enableTotp(deps: Deps, session: SessionInfo, code: string): Promise<void> {
  refuseTotpStage(session);
  await countAttempt(deps, session);
  const ok = await deps.db.transaction(tenant(session), async (tx) => {
    const { row, secret } = await secretOf(deps, tx, session);
    if (row.totpEnabledAt) throw conflict('details.totpEnabled');
    if (!secret) throw conflict('details.totpNotSetUp');
    const step = acceptedStep(deps, secret, code, row.totpLastStep);
    if (step === null) return false;
    await updateAccount(tx, row.id, { totpEnabledAt: deps.now(), totpLastStep: step });
    if (session.stage === 'enrol') await updateSession(tx, session.tokenHash, { stage: 'active' });
    await recordAudit(tx, session.actor, { action: 'account.totp-enable', recordType: 'account', recordIds: [row.id] }, deps.now());
    return true;
  });
  if (!ok) await failed(deps, session);
}

/** Completes a login whose session waits for the second factor. */
export async function verifyTotp(deps: Deps, session: SessionInfo, code: string): Promise<void> {
  if (session.stage !== 'totp') throw conflict('details.totpNotPending');
  await countAttempt(deps, session);
  const ok = await deps.db.transaction({ kind: 'tenant', organisationId: session.actor.organisationId }, async (tx) => {
    const { row, secret } = await secretOf(deps, tx, session);
    if (!secret || !row.totpEnabledAt) return false;
    const step = acceptedStep(deps, secret, code, row.totpLastStep);
    if (step === null) return false;
    await updateAccount(tx, row.id, { totpLastStep: step });
    await updateSession(tx, session.tokenHash, { stage: 'active' });
    await clearRateLimit(tx, `login:email:${session.account.email.toLowerCase()}`);
    await recordAudit(tx, session.actor, { action: 'session.totp-verified', recordType: 'account', recordIds: [row.id] }, deps.now());
    return true;
  });
  if (!ok) await failed(deps, session);
}

/** Turns the second factor off (current password needed), unless the organisation requires it. */
export async function disableTotp(deps: Deps, session: SessionInfo, password: string): Promise<void> {
  if (totpRequired(session.organisation, session.actor.role)) throw conflict('details.totpRequired');
  await deps.db.transaction(tenant(session), async (tx) => {
    const row = await findAccountById(tx, session.actor.accountId);
    if (!row || !(await verifyPassword(row.passwordHash, password))) throw invalid([{ field: 'password', key: 'field.wrongPassword' }]);
    await updateAccount(tx, row.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    await recordAudit(tx, session.actor, { action: 'account.totp-disable', recordType: 'account', recordIds: [row.id] }, deps.now());
  });
}
