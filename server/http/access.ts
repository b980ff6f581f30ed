import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleMay, type Action } from '#contracts/actions.ts';
import type { Deps } from '#server/deps.ts';
import { recordSecurityEvent } from '#server/modules/audit/audit.public.ts';
import { resolveSession } from '#server/modules/identity/identity.public.ts';
import { Problem } from '#server/platform/problem.ts';
import type { Access } from './types.ts';

export const SESSION_COOKIE = 'lotse_session';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Registered routes and their access rules, for the test that enumerates them. */
export interface RouteRule {
  method: string;
  url: string;
  access: Access | undefined;
  action: Action | undefined;
}

/**
 * onRequest: resolves the session cookie and enforces the route's declared access before the body
 * is parsed, so an anonymous caller gets 401 and a role the route's action does not name 403
 * whatever it sent (the use case then checks the same action on the record: 404 out of reach).
 * A route that declares no rule is refused for everyone (and fails the route test).
 */
export function accessHook(deps: Deps) {
  return async function enforceAccess(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const origin = { ip: request.ip, requestId: request.id };
    request.actor = { kind: 'anonymous', ...origin };
    request.session = null;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.session = await resolveSession(deps, origin, token);
      if (request.session) request.actor = request.session.actor;
      else reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    const config = request.routeOptions.config;
    const access = config.access;
    if (access === 'public') return;
    if (!request.routeOptions.url) return; // 404 handler
    const session = request.session;
    const event = { method: request.method, route: request.routeOptions.url, ...origin };
    if (!session) {
      await recordSecurityEvent(deps, { kind: 'access.unauthenticated', ...event });
      throw new Problem(401, 'unauthenticated');
    }
    if (session.stage !== 'active' && !config.partial) {
      throw new Problem(401, session.stage === 'totp' ? 'totp-required' : 'enrolment-required');
    }
    if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      await recordSecurityEvent(deps, { kind: 'csrf.rejected', accountId: session.actor.accountId, organisationId: session.actor.organisationId, ...event });
      throw new Problem(403, 'csrf');
    }
    if (access === 'authenticated') return;
    if (!config.action || !roleMay(session.actor.role, config.action)) {
      await recordSecurityEvent(deps, { kind: 'access.forbidden', accountId: session.actor.accountId, organisationId: session.actor.organisationId, ...event });
      throw new Problem(403, 'forbidden');
    }
  };
}
