import * as c from '#contracts/case-work.ts';
import { idParams } from '#contracts/common.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as quick from './quick-contacts.service.ts';
import * as entries from './service-entries.service.ts';

/** Service entries of a household: write in seconds, read audited, correct with the version read (409 with `current`). */
export async function serviceEntriesRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/households/:id/service-entries', {
    config: { action: 'service-entry.read' },
    schema: { tags, summary: 'The household\'s service entries, newest first (notes opened); every view is audited', params: idParams, querystring: c.serviceEntryListQuery, response: { 200: c.serviceEntryList } },
  }, async (request) => entries.listServiceEntries(deps, request.actor, request.params.id, request.query, request.locale));

  app.post('/api/households/:id/service-entries', {
    config: { action: 'service-entry.create' },
    schema: { tags, summary: 'Document a service given to the household (catalog service in force that day); writes the anonymous statistics row', params: idParams, body: c.createServiceEntryBody, response: { 201: c.serviceEntry } },
  }, async (request, reply) => reply.status(201).send(await entries.createServiceEntry(deps, request.actor, request.params.id, request.body, request.locale)));

  app.get('/api/service-entries/:id', {
    config: { action: 'service-entry.read' },
    schema: { tags, summary: 'One service entry; audited', params: idParams, response: { 200: c.serviceEntry } },
  }, async (request) => entries.readServiceEntry(deps, request.actor, request.params.id, request.locale));

  app.patch('/api/service-entries/:id', {
    config: { action: 'service-entry.edit' },
    schema: { tags, summary: 'Correct a service entry with the version read; 409 with `current` when changed meanwhile', params: idParams, body: c.updateServiceEntryBody, response: { 200: c.serviceEntry } },
  }, async (request) => entries.updateServiceEntry(deps, request.actor, request.params.id, request.body, request.locale));

  app.get('/api/offices/:id/quick-contacts', {
    config: { action: 'quick-contact.read' },
    schema: { tags, summary: 'The office\'s anonymous quick contacts of a day, with the day\'s totals', params: idParams, querystring: c.quickContactListQuery, response: { 200: c.quickContactList } },
  }, async (request) => quick.listQuickContacts(deps, request.actor, request.params.id, request.query));

  app.post('/api/offices/:id/quick-contacts', {
    config: { action: 'quick-contact.create' },
    schema: { tags, summary: 'Count an anonymous quick contact at the office (open consultation): area(s), language, persons; writes the statistics rows', params: idParams, body: c.createQuickContactBody, response: { 201: c.quickContact } },
  }, async (request, reply) => reply.status(201).send(await quick.recordQuickContact(deps, request.actor, request.params.id, request.body)));
}
