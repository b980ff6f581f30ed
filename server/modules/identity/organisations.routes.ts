import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/organisations.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { createOrganisation, listOrganisations, updateOrganisation } from './organisations.service.ts';

/** Organisations (the city and the providers): the city's administration manages them. */
export async function organisationsRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['organisations'];

  app.get('/api/organisations', {
    config: { action: 'organisation.list' },
    schema: { tags, summary: 'List organisations', querystring: c.organisationListQuery, response: { 200: c.organisationList } },
  }, async (request) => listOrganisations(deps, request.actor, request.query));

  app.post('/api/organisations', {
    config: { action: 'organisation.create' },
    schema: { tags, summary: 'Create a city or provider organisation', body: c.createOrganisationBody, response: { 201: c.organisation } },
  }, async (request, reply) => reply.status(201).send(await createOrganisation(deps, request.actor, request.body)));

  app.patch('/api/organisations/:id', {
    config: { action: 'organisation.edit' },
    schema: { tags, summary: 'Rename, require a second factor, archive or restore', params: idParams, body: c.updateOrganisationBody, response: { 200: c.organisation } },
  }, async (request) => updateOrganisation(deps, request.actor, request.params.id, request.body));
}
