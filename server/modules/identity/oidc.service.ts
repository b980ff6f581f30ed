import * as client from 'openid-client';
import type { Deps } from '#server/deps.ts';
import { Problem } from '#server/platform/problem.ts';
import { recordSecurityEvent } from '#server/modules/audit/audit.public.ts';
import type { Origin } from './actor.ts';
import { findAccountByEmail, findAccountByOidcSubject, insertOidcLogin, takeOidcLogin, updateAccount } from './identity.queries.ts';
import { safeReturnTo } from './identity.policy.ts';
import { startSession, type SessionInfo } from './sessions.service.ts';

/**
 * Login for city staff through the city's identity provider (OpenID Connect, authorization code
 * with PKCE). Only existing, enabled accounts of a city organisation: matched by the subject once
 * linked, by the verified email on first use. No accounts are created here.
 */

const LOGIN_MINUTES = 10;

type OidcConfig = NonNullable<Deps['config']['oidc']>;

const discovered = new Map<string, Promise<client.Configuration>>();

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

/** The provider's metadata, fetched once per process (plain http only towards a loopback provider: tests, development). */
function configuration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(oidc.issuer);
    found = client.discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : {});
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

function enabled(deps: Deps): OidcConfig {
  if (!deps.config.oidc) throw new Problem(404, 'oidc-unavailable');
  return deps.config.oidc;
}

export const redirectUri = (deps: Deps): string => `${deps.config.publicUrl}/api/auth/oidc/callback`;

export function oidcInfo(deps: Deps): { enabled: boolean; label: string | null } {
  return { enabled: deps.config.oidc !== null, label: deps.config.oidc?.label ?? null };
}

/** Begins a login: state, nonce and PKCE verifier go into the database; answers the provider's URL. */
export async function startOidcLogin(deps: Deps, input: { returnTo?: string | undefined }): Promise<{ url: string; state: string }> {
  const oidc = enabled(deps);
  let config: client.Configuration;
  try {
    config = await configuration(oidc);
  } catch {
    throw new Problem(503, 'oidc-unavailable');
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = deps.now();
  await deps.db.transaction({ kind: 'public' }, (tx) =>
    insertOidcLogin(tx, { state, nonce, codeVerifier, returnTo: safeReturnTo(input.returnTo), expiresAt: new Date(now.getTime() + LOGIN_MINUTES * 60_000) }),
  );
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(deps),
    scope: 'openid email',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, state };
}

export class OidcLoginFailed extends Error {}

/**
 * Finishes a login: exchanges the code (checking state, nonce and PKCE), finds the account and
 * starts a session. Any failure is an OidcLoginFailed (the route redirects to the login page).
 */
export async function finishOidcLogin(
  deps: Deps,
  origin: Origin,
  input: { query: Record<string, string>; browserState: string | undefined },
): Promise<{ token: string; info: SessionInfo; returnTo: string }> {
  const oidc = enabled(deps);
  const state = input.query['state'];
  const fail = async (reason: string, accountId?: string, organisationId?: string): Promise<never> => {
    await recordSecurityEvent(deps, { kind: 'login.failed', accountId: accountId ?? null, organisationId: organisationId ?? null, route: '/api/auth/oidc/callback', ...origin });
    throw new OidcLoginFailed(reason);
  };
  if (!state) return fail('no state');
  const pending = await deps.db.transaction({ kind: 'public' }, (tx) => takeOidcLogin(tx, state, deps.now()));
  // The state must be the one this browser started with (a cookie), or an attacker could log a victim into the attacker's account.
  if (!pending || pending.expiresAt <= deps.now() || input.browserState !== state) return fail('unknown state');

  let claims: { sub: string; email?: unknown; email_verified?: unknown };
  try {
    const config = await configuration(oidc);
    const url = new URL(redirectUri(deps));
    for (const [k, v] of Object.entries(input.query)) url.searchParams.set(k, v);
    const tokens = await client.authorizationCodeGrant(config, url, { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
    const idClaims = tokens.claims();
    if (!idClaims) return await fail('no id token');
    claims = idClaims;
    if (typeof claims.email !== 'string') {
      claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)) };
    }
  } catch (error) {
    if (error instanceof OidcLoginFailed) throw error;
    deps.log?.warn({ err: error }, 'OIDC code exchange failed');
    return fail('exchange');
  }

  const subject = `${oidc.issuer}|${claims.sub}`;
  const account = await deps.db.transaction({ kind: 'system', useCase: 'login.find-account-oidc' }, async (tx) => {
    const bySubject = await findAccountByOidcSubject(tx, subject);
    if (bySubject) return bySubject;
    if (typeof claims.email !== 'string' || claims.email_verified !== true) return null;
    const byEmail = await findAccountByEmail(tx, claims.email);
    if (!byEmail || byEmail.oidcSubject !== null) return null;
    return byEmail;
  });
  if (!account || account.organisationKind !== 'city' || account.disabledAt || account.organisationArchivedAt) {
    return fail('no matching account', account?.id, account?.organisationId);
  }
  if (account.oidcSubject === null) {
    await deps.db.transaction({ kind: 'tenant', organisationId: account.organisationId }, (tx) => updateAccount(tx, account.id, { oidcSubject: subject }));
  }
  // The city's identity provider is in charge of its own factors: the session is active at once.
  const { token, info } = await startSession(deps, origin, { id: account.id, organisationId: account.organisationId }, 'active', 'session.login-oidc');
  return { token, info, returnTo: pending.returnTo };
}
