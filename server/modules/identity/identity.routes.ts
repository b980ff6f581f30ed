import type { FastifyReply } from 'fastify';
import * as c from '#contracts/identity.ts';
import type { Deps } from '#server/deps.ts';
import { SESSION_COOKIE } from '#server/http/access.ts';
import { Problem } from '#server/platform/problem.ts';
import type { App } from '#server/http/types.ts';
import { presentMe } from './identity.presenters.ts';
import * as sessions from './sessions.service.ts';
import { setPreferences } from './accounts.service.ts';
import { accountsRoutes } from './accounts.routes.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { organisationsRoutes } from './organisations.routes.ts';
import { passwordRoutes } from './password.routes.ts';
import { totpRoutes } from './totp.routes.ts';

function isLocalhost(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function sessionCookie(deps: Deps, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLocalhost(deps.config.publicUrl),
    maxAge: deps.config.session.absoluteHours * 3600,
  });
}

export function loginStatus(stage: sessions.SessionStage): 'ok' | 'totp-required' | 'enrolment-required' {
  return stage === 'active' ? 'ok' : stage === 'totp' ? 'totp-required' : 'enrolment-required';
}

export async function identityRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['auth'];

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: 'Log in with email and password', body: c.loginBody, response: { 200: c.loginResult } },
  }, async (request, reply) => {
    const { token, info } = await sessions.logIn(deps, { ip: request.ip, requestId: request.id }, request.body);
    sessionCookie(deps, reply, token);
    return { status: loginStatus(info.stage), me: presentMe(info) };
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated', partial: true },
    schema: { tags, summary: 'End this session' },
  }, async (request, reply) => {
    if (request.session) await sessions.logOut(deps, request.session);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post('/api/auth/logout-everywhere', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'End every session of this account, on every device', response: { 200: c.logoutEverywhereResult } },
  }, async (request, reply) => {
    if (!request.session) throw new Problem(401, 'unauthenticated');
    const result = await sessions.logOutEverywhere(deps, request.session);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return result;
  });

  app.get('/api/auth/me', {
    config: { access: 'authenticated', partial: true },
    schema: { tags, summary: 'The signed-in account', response: { 200: c.me } },
  }, async (request) => {
    if (!request.session) throw new Problem(401, 'unauthenticated');
    return presentMe(request.session);
  });

  app.put('/api/auth/me/preferences', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Set the language of the staff pages', body: c.preferences, response: { 200: c.preferences } },
  }, async (request) => setPreferences(deps, request.actor, request.body));

  await passwordRoutes(app, deps);
  await totpRoutes(app, deps);
  await oidcRoutes(app, deps);
  await organisationsRoutes(app, deps);
  await accountsRoutes(app, deps);
}
