import * as c from '#contracts/identity.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { sessionCookie } from './identity.routes.ts';
import { finishOidcLogin, oidcInfo, OidcLoginFailed, startOidcLogin } from './oidc.service.ts';

/** Binds a login in flight to the browser that started it. */
const STATE_COOKIE = 'lotse_oidc_state';
const STATE_PATH = '/api/auth/oidc';

export async function oidcRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['auth'];
  const secure = deps.config.publicUrl.startsWith('https://');

  app.get('/api/auth/oidc', {
    config: { access: 'public' },
    schema: { tags, summary: 'Whether login with the city SSO is offered, and its button text', response: { 200: c.oidcInfo } },
  }, async () => oidcInfo(deps));

  app.get('/api/auth/oidc/start', {
    config: { access: 'public' },
    schema: { tags, summary: 'Redirects to the city SSO', querystring: c.oidcStartQuery },
  }, async (request, reply) => {
    const { url, state } = await startOidcLogin(deps, request.query);
    void reply.setCookie(STATE_COOKIE, state, { path: STATE_PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: 600 });
    return reply.redirect(url, 302);
  });

  app.get('/api/auth/oidc/callback', {
    config: { access: 'public' },
    schema: { tags, summary: 'Where the city SSO sends the browser back', querystring: c.oidcCallbackQuery },
  }, async (request, reply) => {
    void reply.clearCookie(STATE_COOKIE, { path: STATE_PATH });
    try {
      const { token, returnTo } = await finishOidcLogin(deps, { ip: request.ip, requestId: request.id }, { query: request.query, browserState: request.cookies[STATE_COOKIE] });
      sessionCookie(deps, reply, token);
      return reply.redirect(returnTo, 302);
    } catch (error) {
      if (!(error instanceof OidcLoginFailed)) throw error;
      return reply.redirect('/app/login?error=oidc-failed', 302);
    }
  });
}
