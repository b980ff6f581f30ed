import * as c from '#contracts/regions.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { geoRoutes } from './geo.routes.ts';
import * as service from './regions.service.ts';

export async function regionsRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['regions'];

  app.get('/api/regions', {
    config: { access: 'public' },
    schema: { tags, summary: 'Regions with their Stadtbezirke and Ortschaften on a date (default: today)', querystring: c.regionsQuery, response: { 200: c.regionList } },
  }, async (request) => service.listRegions(deps, request.actor, request.query));

  app.get('/api/quarters', {
    config: { access: 'public' },
    schema: { tags, summary: 'Statistical quarters (Stadtteile) with their members and regions on a date', querystring: c.regionsQuery, response: { 200: c.quarterList } },
  }, async (request) => service.listQuarters(deps, request.actor, request.query));

  app.post('/api/regions', {
    config: { action: 'region.create' },
    schema: { tags, summary: 'Create a region', body: c.createRegion, response: { 201: c.region } },
  }, async (request, reply) => reply.status(201).send(await service.createRegion(deps, request.actor, request.body)));

  app.patch('/api/regions/:code', {
    config: { action: 'region.edit' },
    schema: { tags, summary: 'Rename or describe a region', params: c.regionCodeParams, body: c.updateRegion },
  }, async (request, reply) => {
    await service.updateRegion(deps, request.actor, request.params.code, request.body);
    return reply.status(204).send();
  });

  app.post('/api/region-members', {
    config: { action: 'region-member.create' },
    schema: { tags, summary: 'Add a Stadtbezirk or Ortschaft to a region from a date', body: c.createMember, response: { 201: c.regionMember } },
  }, async (request, reply) => reply.status(201).send(await service.createMember(deps, request.actor, request.body)));

  app.get('/api/region-members/:code/memberships', {
    config: { access: 'public' },
    schema: { tags, summary: 'Which region a member belonged to, and when', params: c.memberCodeParams, response: { 200: c.membershipHistory } },
  }, async (request) => service.memberHistory(deps, request.actor, request.params.code));

  app.put('/api/region-members/:code/region', {
    config: { action: 'region-member.move' },
    schema: { tags, summary: 'Move a member to another region from a date on (history is kept)', params: c.memberCodeParams, body: c.moveMember, response: { 200: c.membershipHistory } },
  }, async (request) => service.moveMember(deps, request.actor, request.params.code, request.body));

  await geoRoutes(app, deps);
}
