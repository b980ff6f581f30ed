import * as c from '#contracts/identity.ts';
import type { Deps } from '#server/deps.ts';
import { Problem } from '#server/platform/problem.ts';
import type { App } from '#server/http/types.ts';
import { changePassword, confirmPasswordReset, requestPasswordReset } from './password.service.ts';

export async function passwordRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['auth'];

  app.post('/api/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Change one\'s own password (ends every other session)', body: c.changePasswordBody, response: { 200: c.changePasswordResult } },
  }, async (request) => {
    if (!request.session) throw new Problem(401, 'unauthenticated');
    return changePassword(deps, request.session, request.body);
  });

  app.post('/api/auth/password-reset', {
    config: { access: 'public' },
    schema: { tags, summary: 'Mail a link to set a new password (always 202)', body: c.passwordResetBody, response: { 202: c.accepted } },
  }, async (request, reply) => {
    await requestPasswordReset(deps, { ip: request.ip, requestId: request.id }, request.body);
    return reply.status(202).send({ accepted: true as const });
  });

  app.post('/api/auth/password-reset/confirm', {
    config: { access: 'public' },
    schema: { tags, summary: 'Set a new password from a mailed link (ends every session)', body: c.passwordResetConfirmBody },
  }, async (request, reply) => {
    await confirmPasswordReset(deps, { ip: request.ip, requestId: request.id }, request.body);
    return reply.status(204).send();
  });
}
