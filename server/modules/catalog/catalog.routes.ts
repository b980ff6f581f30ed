import { integrationAreaList, serviceBlockList } from '#contracts/catalog.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { listIntegrationAreas, listServiceBlocks } from './catalog.service.ts';
import { catalogVersionRoutes } from './versions.routes.ts';

export async function catalogRoutes(app: App, deps: Deps): Promise<void> {
  app.get('/api/integration-areas', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'The nine integration areas (Integrationsbereiche)', response: { 200: integrationAreaList } },
  }, async (request) => listIntegrationAreas(deps, request.actor, request.locale));

  app.get('/api/service-blocks', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'The service blocks (Bausteine): basic, open consultation, specialist', response: { 200: serviceBlockList } },
  }, async (request) => listServiceBlocks(deps, request.actor, request.locale));

  await catalogVersionRoutes(app, deps);
}
