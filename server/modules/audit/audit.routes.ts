import * as c from '#contracts/audit.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { browseAuditLog } from './audit.service.ts';

export async function auditRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/audit', {
    config: { access: ['provider_admin', 'city_admin'] },
    schema: { tags: ['audit'], summary: "Browse the organisation's audit log, newest first", querystring: c.auditQuery, response: { 200: c.auditPage } },
  }, async (request) => browseAuditLog(deps, request.actor, request.query));
}
