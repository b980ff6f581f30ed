import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/consents.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { printConsentForm } from './consent-form.service.ts';
import * as consents from './consents.service.ts';

/** Consents of a household's people (read audited; recorded; withdrawn at once with the version read, 409 with `current`). */
export async function consentsRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/households/:id/consents', {
    config: { action: 'consent.read' },
    schema: { tags, summary: 'What the household\'s people consented to, per purpose and recipient, with the state today; the actions permitted; every view is audited', params: idParams, response: { 200: c.consentList } },
  }, async (request) => consents.listConsents(deps, request.actor, request.params.id));

  app.post('/api/households/:id/consents', {
    config: { action: 'consent.record' },
    schema: { tags, summary: 'Record a consent of a person of the household (purpose, recipient, given when and how, valid until)', params: idParams, body: c.recordConsentBody, response: { 201: c.consent } },
  }, async (request, reply) => reply.status(201).send(await consents.recordConsent(deps, request.actor, request.params.id, request.body)));

  app.post('/api/consents/:id/withdraw', {
    config: { action: 'consent.withdraw' },
    schema: { tags, summary: 'Withdraw a consent, at once, with the version read (409 with `current` when changed meanwhile; withdrawn already: answered as it is)', params: idParams, body: c.withdrawConsentBody, response: { 200: c.consent } },
  }, async (request) => consents.withdrawConsent(deps, request.actor, request.params.id, request.body));

  app.get('/api/consents/:id/form.pdf', {
    config: { action: 'consent.read' },
    schema: { tags, summary: 'The consent as a form to sign (Schweigepflichtentbindung), PDF: German beside `language` (default the person\'s recorded language); audited as a read', params: idParams, querystring: c.consentFormQuery },
  }, async (request, reply) => {
    const form = await printConsentForm(deps, request.actor, request.params.id, request.query.language);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${form.filename}"`).header('cache-control', 'no-store').send(form.pdf);
  });
}
