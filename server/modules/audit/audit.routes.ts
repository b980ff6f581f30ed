import * as c from '#contracts/audit.ts';
import type { Deps } from '#server/deps.ts';
import { staffLocale } from '#server/http/locale.ts';
import type { App } from '#server/http/types.ts';
import { auditFilterChoices, browseAuditLog, exportAuditLog } from './audit-log.service.ts';
import { browseSecurityLog } from './security-log.service.ts';

export async function auditRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/audit', {
    config: { action: 'audit.read' },
    schema: { tags: ['audit'], summary: "Browse the audit log, newest first, filtered (action, account, record, period), with the names of accounts, organisations and records", querystring: c.auditQuery, response: { 200: c.auditPage } },
  }, async (request) => browseAuditLog(deps, request.actor, request.query));

  app.get('/api/audit.csv', {
    config: { action: 'audit.export' },
    schema: {
      tags: ['audit'],
      summary: 'Export the filtered audit log as CSV (UTF-8 with BOM, semicolon-separated, headers in the reader\'s language, time in Europe/Berlin); the export is audited',
      querystring: c.auditExportQuery,
    },
  }, async (request, reply) => {
    const csv = await exportAuditLog(deps, request.actor, request.query, staffLocale(request));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csv.filename}"`)
      .header('cache-control', 'no-store')
      .send(csv.body);
  });

  app.get('/api/audit/filter-options', {
    config: { action: 'audit.read' },
    schema: { tags: ['audit'], summary: 'The accounts the audit log can be filtered by (those the reader may see)', response: { 200: c.auditFilterOptions } },
  }, async (request) => auditFilterChoices(deps, request.actor));

  app.get('/api/security-events', {
    config: { action: 'security-log.read' },
    schema: {
      tags: ['audit'],
      summary: 'Browse the security log (refused attempts), newest first: city admin everything with addresses, provider admin its own organisation without',
      querystring: c.securityEventsQuery,
      response: { 200: c.securityEventPage },
    },
  }, async (request) => browseSecurityLog(deps, request.actor, request.query));
}
