import * as c from '#contracts/assessments.ts';
import { idParams } from '#contracts/common.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as assessments from './assessments.service.ts';
import { readGlance } from './glance.service.ts';

/** Needs assessments of a household (read audited, corrected with the version read: 409 with `current`) and the household at a glance. */
export async function assessmentsRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/households/:id/glance', {
    config: { action: 'case.read' },
    schema: { tags, summary: 'The household at a glance: per person (and the household) the current need per integration area, the dates that matter, the Grundleistung clock with its Fachleistung prompt, open goals per area; audited', params: idParams, response: { 200: c.householdGlance } },
  }, async (request) => readGlance(deps, request.actor, request.params.id, request.locale));

  app.get('/api/households/:id/assessments', {
    config: { action: 'assessment.read' },
    schema: { tags, summary: 'The household\'s needs assessments, newest first (one area\'s history with areaCode; notes opened); every view is audited', params: idParams, querystring: c.assessmentListQuery, response: { 200: c.assessmentList } },
  }, async (request) => assessments.listAssessments(deps, request.actor, request.params.id, request.query, request.locale));

  app.post('/api/households/:id/assessments', {
    config: { action: 'assessment.create' },
    schema: { tags, summary: 'Assess the need of a person or the household in an integration area; writes the anonymous statistics row', params: idParams, body: c.createAssessmentBody, response: { 201: c.assessment } },
  }, async (request, reply) => reply.status(201).send(await assessments.createAssessment(deps, request.actor, request.params.id, request.body, request.locale)));

  app.get('/api/assessments/:id', {
    config: { action: 'assessment.read' },
    schema: { tags, summary: 'One needs assessment; audited', params: idParams, response: { 200: c.assessment } },
  }, async (request) => assessments.readAssessment(deps, request.actor, request.params.id, request.locale));

  app.patch('/api/assessments/:id', {
    config: { action: 'assessment.edit' },
    schema: { tags, summary: 'Correct a needs assessment with the version read; 409 with `current` when changed meanwhile', params: idParams, body: c.updateAssessmentBody, response: { 200: c.assessment } },
  }, async (request) => assessments.updateAssessment(deps, request.actor, request.params.id, request.body, request.locale));
}
