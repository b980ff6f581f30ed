import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/subject-access.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { printSubjectAccess } from './subject-access.pdf.ts';
import * as subjectAccess from './subject-access.service.ts';

/** Subject access (DSGVO Art. 15) as JSON and PDF, and erasure on request (Art. 17); every export and erasure audited. */
export async function subjectAccessRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/people/:id/subject-access.json', {
    config: { action: 'person.export' },
    schema: { tags, summary: 'Everything the provider holds about the person (DSGVO Art. 15): person and household, consents, assessments, goals, service entries, appointments, who opened the case file; sealed notes opened; audited', params: idParams, response: { 200: c.subjectAccessExport } },
  }, async (request, reply) => {
    const data = await subjectAccess.exportSubjectAccess(deps, request.actor, request.params.id, request.locale);
    return reply.header('content-disposition', `attachment; filename="auskunft-${data.personId.slice(0, 8)}.json"`).header('cache-control', 'no-store').send(data);
  });

  app.get('/api/people/:id/subject-access.pdf', {
    config: { action: 'person.export' },
    schema: { tags, summary: 'The same export printed (PDF): headings and labels in German beside `language` (default the person\'s recorded language); audited as an export', params: idParams, querystring: c.subjectAccessPdfQuery },
  }, async (request, reply) => {
    const printed = await printSubjectAccess(deps, request.actor, request.params.id, request.query.language);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${printed.filename}"`).header('cache-control', 'no-store').send(printed.pdf);
  });

  app.post('/api/people/:id/erase', {
    config: { action: 'person.erase' },
    schema: { tags, summary: 'Erase the person (or the whole household) on request, with a reason code and the version read: case content deleted or anonymised, statistics kept; logged with ids and counts only', params: idParams, body: c.erasePersonBody, response: { 200: c.erasureResult } },
  }, async (request) => subjectAccess.erasePersonOnRequest(deps, request.actor, request.params.id, request.body));
}
