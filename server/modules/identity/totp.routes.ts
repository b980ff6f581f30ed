import * as c from '#contracts/identity.ts';
import type { Deps } from '#server/deps.ts';
import { Problem } from '#server/platform/problem.ts';
import type { App } from '#server/http/types.ts';
import type { SessionInfo } from './sessions.service.ts';
import { disableTotp, enableTotp, setUpTotp, verifyTotp } from './totp.service.ts';

function sessionOf(session: SessionInfo | null): SessionInfo {
  if (!session) throw new Problem(401, 'unauthenticated');
  return session;
}

/** Second factor (TOTP). Setup, enable and verify are reachable by a half-logged-in session. */
export async function totpRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['auth'];

  app.post('/api/auth/totp/setup', {
    config: { access: 'authenticated', partial: true },
    schema: { tags, summary: 'Start setting up a second factor: secret and QR code', response: { 200: c.totpSetupResult } },
  }, async (request) => setUpTotp(deps, sessionOf(request.session)));

  app.post('/api/auth/totp/enable', {
    config: { access: 'authenticated', partial: true },
    schema: { tags, summary: 'Enable the second factor with a first code', body: c.totpCodeBody },
  }, async (request, reply) => {
    await enableTotp(deps, sessionOf(request.session), request.body.code);
    return reply.status(204).send();
  });

  app.post('/api/auth/totp/verify', {
    config: { access: 'authenticated', partial: true },
    schema: { tags, summary: 'Complete a login with the code from the authenticator app', body: c.totpCodeBody },
  }, async (request, reply) => {
    await verifyTotp(deps, sessionOf(request.session), request.body.code);
    return reply.status(204).send();
  });

  app.delete('/api/auth/totp', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Turn the second factor off (unless the organisation requires it)', body: c.totpDisableBody },
  }, async (request, reply) => {
    await disableTotp(deps, sessionOf(request.session), request.body.password);
    return reply.status(204).send();
  });
}
