import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/network.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as network from './network.service.ts';

/** The provider's partners per region (read by its staff, kept by its administrator; archived, never deleted). */
export async function networkRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['network'];

  app.get('/api/partners', {
    config: { action: 'partner.read' },
    schema: { tags, summary: 'The provider\'s partners (language courses, Jobcenter, health, Kita/school, counselling) in the regions the actor reaches, or one region; audited', querystring: c.partnersQuery, response: { 200: c.partnerList } },
  }, async (request) => network.listPartners(deps, request.actor, request.query));

  app.post('/api/partners', {
    config: { action: 'partner.manage' },
    schema: { tags, summary: 'Add a partner in a region (its name once per region)', body: c.createPartnerBody, response: { 201: c.partner } },
  }, async (request, reply) => reply.status(201).send(await network.createPartner(deps, request.actor, request.body)));

  app.patch('/api/partners/:id', {
    config: { action: 'partner.manage' },
    schema: { tags, summary: 'Change, archive or restore a partner with the version read (409 with `current` when changed meanwhile)', params: idParams, body: c.updatePartnerBody, response: { 200: c.partner } },
  }, async (request) => network.updatePartner(deps, request.actor, request.params.id, request.body));
}
