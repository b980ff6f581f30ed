import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/specialist-requests.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as requests from './specialist-requests.service.ts';
import * as settings from './specialist-settings.service.ts';

/** Fachleistung requests: the provider applies for a household, the city's coordinators review and decide (decision 0016). */
export async function specialistRequestsRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/households/:id/specialist-requests', {
    config: { action: 'specialist-request.read' },
    schema: { tags, summary: 'The household\'s Fachleistung requests with hours delivered against each approval, the criteria catalog and the threshold; audited', params: idParams, response: { 200: c.specialistRequestList } },
  }, async (request) => requests.listSpecialistRequests(deps, request.actor, request.params.id, request.locale));

  app.post('/api/households/:id/specialist-requests', {
    config: { action: 'specialist-request.apply' },
    schema: { tags, summary: 'Apply to the city for Fachleistung hours for the household (a draft, or submitted at once; an extension names the approval it extends)', params: idParams, body: c.applySpecialistBody, response: { 201: c.specialistRequest } },
  }, async (request, reply) => reply.status(201).send(await requests.applyForSpecialist(deps, request.actor, request.params.id, request.body, request.locale)));

  app.post('/api/specialist-requests/:id/submit', {
    config: { action: 'specialist-request.apply' },
    schema: { tags, summary: 'Send a draft to the city, with the version read (409 with `current` when changed meanwhile)', params: idParams, body: c.submitSpecialistBody, response: { 200: c.specialistRequest } },
  }, async (request) => requests.submitSpecialistRequest(deps, request.actor, request.params.id, request.body, request.locale));

  app.get('/api/specialist-requests', {
    config: { action: 'specialist-request.review' },
    schema: { tags, summary: 'The city\'s view: requests of the coordinator\'s regions under the household\'s pseudonym, nothing of the case file; every view is recorded in the provider\'s audit log', querystring: c.cityRequestQuery, response: { 200: c.cityRequestList } },
  }, async (request) => requests.listCityRequests(deps, request.actor, request.query, request.locale));

  app.get('/api/specialist-requests/:id', {
    config: { action: 'specialist-request.review' },
    schema: { tags, summary: 'One request as the city sees it; recorded in the provider\'s audit log', params: idParams, response: { 200: c.cityRequest } },
  }, async (request) => requests.readCityRequest(deps, request.actor, request.params.id, request.locale));

  app.post('/api/specialist-requests/:id/decide', {
    config: { action: 'specialist-request.decide' },
    schema: { tags, summary: 'Approve (hours, from, until: at most 12 months) or reject with a reason, with the version read (409 with `current`)', params: idParams, body: c.decideSpecialistBody, response: { 200: c.cityRequest } },
  }, async (request) => requests.decideSpecialistRequest(deps, request.actor, request.params.id, request.body, request.locale));

  app.get('/api/specialist-settings', {
    config: { action: 'specialist-setting.edit' },
    schema: { tags, summary: 'The city\'s threshold of hours a Fachleistung request must forecast over the next 12 months, and the configured default', response: { 200: c.specialistSetting } },
  }, async (request) => settings.readSpecialistSetting(deps, request.actor));

  app.put('/api/specialist-settings', {
    config: { action: 'specialist-setting.edit' },
    schema: { tags, summary: 'Set the threshold, with the version read (0 while the default holds; 409 with `current` when changed meanwhile)', body: c.specialistSettingBody, response: { 200: c.specialistSetting } },
  }, async (request) => settings.saveSpecialistSetting(deps, request.actor, request.body));
}
