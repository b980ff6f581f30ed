import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/plans.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as plans from './plans.service.ts';
import * as worklist from './worklist.service.ts';

/** Support plans of a household (read audited; saved and reviewed with the version read, 409 with `current`) and the worklist. */
export async function plansRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/households/:id/plan', {
    config: { action: 'plan.read' },
    schema: { tags, summary: 'The household\'s support plan (null before the first), the actions permitted and whom a goal may name; every view is audited', params: idParams, response: { 200: c.planView } },
  }, async (request) => plans.readPlan(deps, request.actor, request.params.id, request.locale));

  app.put('/api/households/:id/plan', {
    config: { action: 'plan.edit' },
    schema: { tags, summary: 'Create (version null) or save the support plan with its goals, with the version read; 409 with `current` when changed meanwhile', params: idParams, body: c.savePlanBody, response: { 200: c.plan } },
  }, async (request) => plans.savePlan(deps, request.actor, request.params.id, request.body, request.locale));

  app.post('/api/households/:id/plan/review', {
    config: { action: 'plan.review' },
    schema: { tags, summary: 'Review open goals with the household (achieved, partly, not achieved, with a note) and set the next review; writes one anonymous statistics row per goal', params: idParams, body: c.reviewPlanBody, response: { 200: c.plan } },
  }, async (request) => plans.reviewPlan(deps, request.actor, request.params.id, request.body, request.locale));

  app.get('/api/worklist', {
    config: { action: 'worklist.read' },
    schema: { tags, summary: 'What is due in the case files assigned to me: goals, plan reviews, residence permits, Grundleistung years closing, dormant cases; audited', response: { 200: c.worklist } },
  }, async (request) => worklist.readWorklist(deps, request.actor));

  app.get('/api/worklist/team', {
    config: { action: 'worklist.read-team' },
    schema: { tags, summary: 'The team\'s worklist (every open case file of the provider, or one colleague\'s with accountId); audited', querystring: c.teamWorklistQuery, response: { 200: c.worklist } },
  }, async (request) => worklist.readTeamWorklist(deps, request.actor, request.query));
}
