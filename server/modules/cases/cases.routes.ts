import { z } from 'zod';
import * as c from '#contracts/cases.ts';
import { idParams } from '#contracts/common.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as caseFiles from './case-files.service.ts';
import * as households from './households.service.ts';
import * as people from './people.service.ts';
import { listResidenceStatuses } from './residence.service.ts';
import { assessmentsRoutes } from './assessments.routes.ts';
import { consentsRoutes } from './consents.routes.ts';
import { specialistRequestsRoutes } from './specialist-requests.routes.ts';
import { lettersRoutes } from './letters.routes.ts';
import { plansRoutes } from './plans.routes.ts';
import { referralsRoutes } from './referrals.routes.ts';
import { serviceEntriesRoutes } from './service-entries.routes.ts';
import { transfersRoutes } from './transfers.routes.ts';
import { subjectAccessRoutes } from './subject-access.routes.ts';
import { retentionRoutes } from './retention.routes.ts';

const listQuery = z.object({ limit: z.coerce.number<string>().int().min(1).max(100).default(50) }).strict();

/**
 * Case work: households, people, case files. 409 `conflict` answers carry extension members:
 * `candidates` (likely duplicates, before a person is created) or `current` (the record as it is
 * now, when it changed since it was read).
 */
export async function casesRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];
  await serviceEntriesRoutes(app, deps);
  await plansRoutes(app, deps);
  await assessmentsRoutes(app, deps);
  await consentsRoutes(app, deps);
  await subjectAccessRoutes(app, deps);
  await specialistRequestsRoutes(app, deps);
  await referralsRoutes(app, deps);
  await lettersRoutes(app, deps);
  await transfersRoutes(app, deps);
  await retentionRoutes(app, deps);

  app.get('/api/residence-statuses', {
    config: { action: 'residence-status.list' },
    schema: { tags, summary: 'The residence statuses the city maintains (code list)', response: { 200: c.residenceStatusList } },
  }, async (request) => listResidenceStatuses(deps, request.actor, request.locale));

  app.post('/api/people/search', {
    config: { action: 'person.search' },
    schema: { tags, summary: 'Search people across scripts and spellings (trigram, consonant skeleton, double metaphone), with the date of birth; audited', body: c.personSearchBody, response: { 200: c.searchResult } },
  }, async (request) => people.searchPeople(deps, request.actor, request.body));

  app.get('/api/households', {
    config: { action: 'case.read' },
    schema: { tags, summary: 'The most recently changed households within reach', querystring: listQuery, response: { 200: c.householdList } },
  }, async (request) => households.listHouseholds(deps, request.actor, request.query));

  app.post('/api/households', {
    config: { action: 'case.create' },
    schema: { tags, summary: 'Create a household with its people and open its case file; 409 with `candidates` when a member may exist already (unless confirmNotDuplicate)', body: c.createHouseholdBody, response: { 201: c.household } },
  }, async (request, reply) => reply.status(201).send(await households.createHousehold(deps, request.actor, request.body, request.locale)));

  app.get('/api/households/:id', {
    config: { action: 'case.read' },
    schema: { tags, summary: 'The household at a glance: people, place, case file; every view is audited', params: idParams, response: { 200: c.household } },
  }, async (request) => households.readHousehold(deps, request.actor, request.params.id, request.locale));

  app.patch('/api/households/:id', {
    config: { action: 'case.edit' },
    schema: { tags, summary: 'Change address or accommodation with the version read; 409 with `current` when changed meanwhile', params: idParams, body: c.updateHouseholdBody, response: { 200: c.household } },
  }, async (request) => households.updateHousehold(deps, request.actor, request.params.id, request.body, request.locale));

  app.post('/api/households/:id/members', {
    config: { action: 'case.edit' },
    schema: { tags, summary: 'Add a person to the household; 409 with `candidates` when the person may exist already', params: idParams, body: c.addMemberBody, response: { 201: c.household } },
  }, async (request, reply) => reply.status(201).send(await households.addMember(deps, request.actor, request.params.id, request.body, request.locale)));

  app.get('/api/people/:id', {
    config: { action: 'case.read' },
    schema: { tags, summary: 'One person; every view is audited', params: idParams, response: { 200: c.person } },
  }, async (request) => people.readPerson(deps, request.actor, request.params.id, request.locale));

  app.patch('/api/people/:id', {
    config: { action: 'case.edit' },
    schema: { tags, summary: 'Change a person with the version read; 409 with `current` when changed meanwhile', params: idParams, body: c.updatePersonBody, response: { 200: c.person } },
  }, async (request) => people.updatePerson(deps, request.actor, request.params.id, request.body, request.locale));

  app.post('/api/people/:id/merge', {
    config: { action: 'person.merge' },
    schema: { tags, summary: 'Merge this person (a duplicate) into another: spellings and missing facts move over, this record stays as a tombstone; audited', params: idParams, body: c.mergePersonBody, response: { 200: c.person } },
  }, async (request) => people.mergePerson(deps, request.actor, request.params.id, request.body, request.locale));

  app.post('/api/case-files/:id/assign', {
    config: { action: 'case.assign' },
    schema: { tags, summary: 'Assign the case file to one or more social workers of the provider', params: idParams, body: c.assignBody, response: { 200: c.household } },
  }, async (request) => caseFiles.assignCase(deps, request.actor, request.params.id, request.body, request.locale));

  app.post('/api/case-files/:id/close', {
    config: { action: 'case.close' },
    schema: { tags, summary: 'Close the case file with a reason', params: idParams, body: c.closeBody, response: { 200: c.household } },
  }, async (request) => caseFiles.closeCase(deps, request.actor, request.params.id, request.body, request.locale));

  app.post('/api/case-files/:id/reopen', {
    config: { action: 'case.close' },
    schema: { tags, summary: 'Open a closed case file again', params: idParams, body: c.reopenBody, response: { 200: c.household } },
  }, async (request) => caseFiles.reopenCase(deps, request.actor, request.params.id, request.body, request.locale));
}
