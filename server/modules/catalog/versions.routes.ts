import * as c from '#contracts/catalog.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as service from './versions.service.ts';

/** The versioned service catalog: read by all staff, drafted and published by the city's administration. */
export async function catalogVersionRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['catalog'];

  app.get('/api/catalog/versions', {
    config: { action: 'catalog.read' },
    schema: { tags, summary: 'The catalog versions, newest first (version history)', response: { 200: c.catalogVersionList } },
  }, async (request) => service.listCatalogVersions(deps, request.actor));

  app.get('/api/catalog/current', {
    config: { action: 'catalog.read' },
    schema: { tags, summary: 'The catalog in force today with its services', response: { 200: c.catalogVersion } },
  }, async (request) => service.getCatalogVersion(deps, request.actor, 'current', request.locale));

  app.get('/api/catalog/versions/:id', {
    config: { action: 'catalog.read' },
    schema: { tags, summary: 'One catalog version with its services', params: c.catalogVersionParams, response: { 200: c.catalogVersion } },
  }, async (request) => service.getCatalogVersion(deps, request.actor, request.params.id, request.locale));

  app.post('/api/catalog/versions', {
    config: { action: 'catalog.edit' },
    schema: { tags, summary: 'Start a new version: a draft copy of the latest published one', body: c.createCatalogDraft, response: { 201: c.catalogVersion } },
  }, async (request, reply) => reply.status(201).send(await service.createCatalogDraftVersion(deps, request.actor, request.body, request.locale)));

  app.patch('/api/catalog/versions/:id', {
    config: { action: 'catalog.edit' },
    schema: { tags, summary: 'Rename a draft or mark it as an example catalog', params: c.catalogVersionParams, body: c.updateCatalogDraft, response: { 200: c.catalogVersion } },
  }, async (request) => service.changeCatalogDraft(deps, request.actor, request.params.id, request.body, request.locale));

  app.post('/api/catalog/versions/:id/services', {
    config: { action: 'catalog.edit' },
    schema: { tags, summary: 'Add a service to a draft', params: c.catalogVersionParams, body: c.createCatalogService, response: { 201: c.catalogService } },
  }, async (request, reply) => reply.status(201).send(await service.addCatalogService(deps, request.actor, request.params.id, request.body, request.locale)));

  app.patch('/api/catalog/versions/:id/services/:serviceId', {
    config: { action: 'catalog.edit' },
    schema: { tags, summary: "Change or deactivate a draft's service", params: c.catalogServiceParams, body: c.updateCatalogService, response: { 200: c.catalogService } },
  }, async (request) => service.changeCatalogService(deps, request.actor, request.params.id, request.params.serviceId, request.body, request.locale));

  app.post('/api/catalog/versions/:id/publish', {
    config: { action: 'catalog.publish' },
    schema: { tags, summary: 'Publish a draft: the catalog entries are documented under from its day on', params: c.catalogVersionParams, body: c.publishCatalogDraft, response: { 200: c.catalogVersion } },
  }, async (request) => service.publishCatalogVersion(deps, request.actor, request.params.id, request.body, request.locale));
}
