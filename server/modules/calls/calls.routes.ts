import * as c from '#contracts/calls.ts';
import { idParams } from '#contracts/common.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as service from './calls.service.ts';

export async function callsRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['service agreements'];

  app.get('/api/service-agreements', {
    config: { action: 'service-agreement.list' },
    schema: { tags, summary: 'Service agreements (Leistungsvereinbarungen): provider × region × period', response: { 200: c.serviceAgreementList } },
  }, async (request) => service.listServiceAgreements(deps, request.actor));

  app.post('/api/service-agreements', {
    config: { action: 'service-agreement.create' },
    schema: { tags, summary: 'Record a service agreement', body: c.createServiceAgreement, response: { 201: c.serviceAgreement } },
  }, async (request, reply) => reply.status(201).send(await service.createServiceAgreement(deps, request.actor, request.body)));

  app.patch('/api/service-agreements/:id', {
    config: { action: 'service-agreement.edit' },
    schema: { tags, summary: 'End or annotate a service agreement', params: idParams, body: c.updateServiceAgreement, response: { 200: c.serviceAgreement } },
  }, async (request) => service.updateServiceAgreement(deps, request.actor, request.params.id, request.body));
}
