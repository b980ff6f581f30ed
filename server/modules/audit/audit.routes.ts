import * as c from '#contracts/audit.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { browseAuditLog } from './audit.service.ts';
import { browseSecurityLog } from './security-log.service.ts';

export async function auditRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/audit', {
    config: { access: ['provider_admin', 'city_admin'] },
    schema: { tags: ['audit'], summary: "Browse the organisation's audit log, newest first", querystring: c.auditQuery, response: { 200: c.auditPage } },
  }, async (request) => browseAuditLog(deps, request.actor, request.query));

  app.get('/api/security-events', {
    config: { access: ['city_admin', 'provider_admin'] },
    schema: {
      tags: ['audit'],
      summary: 'Browse the security log (refused attempts), newest first: city admin everything with addresses, provider admin its own organisation without',
      querystring: c.securityEventsQuery,
      response: { 200: c.securityEventPage },
    },
  }, async (request) => browseSecurityLog(deps, request.actor, request.query));
}
