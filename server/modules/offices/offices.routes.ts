import { z } from 'zod';
import * as c from '#contracts/offices.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as evidence from './evidence.service.ts';
import * as service from './offices.service.ts';
import * as scorecards from './scorecard.service.ts';

/** A photo of at most 3 MB in base64 (4/3 of it) plus the JSON around it: this route alone accepts that much. */
const PHOTO_BODY_LIMIT = Math.ceil((evidence.MAX_PHOTO_BYTES * 4) / 3) + 64 * 1024;

export async function officesRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['offices'];

  app.get('/api/offices', {
    config: { access: 'public' },
    schema: { tags, summary: 'Integration offices in force on a date (default: today) with region, provider, address, point, opening hours, languages', querystring: c.officesQuery, response: { 200: c.officeList } },
  }, async (request) => service.listOffices(deps, request.actor, request.query));

  app.get('/api/offices/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One office: hours of the next 14 days, accessibility, nearest stops, scorecard lights', params: c.officeIdParams, response: { 200: c.officeDetail } },
  }, async (request) => service.getOffice(deps, request.actor, request.params.id));

  app.get('/api/offices/:id/a11y.json', {
    config: { access: 'public' },
    schema: { tags, summary: 'The office as A11yJSON PlaceInfo (https://a11yjson.org)', params: c.officeIdParams, response: { 200: z.record(z.string(), z.unknown()) } },
  }, async (request) => scorecards.a11yExport(deps, request.actor, request.params.id));

  app.get('/api/offices/:id/scorecard', {
    config: { action: 'office.read-scorecard' },
    schema: { tags, summary: 'The scorecard: one traffic light per criterion with its evidence', params: c.officeIdParams, response: { 200: c.scorecard } },
  }, async (request) => scorecards.getScorecard(deps, request.actor, request.params.id));

  app.post('/api/offices', {
    config: { action: 'office.create' },
    schema: { tags, summary: 'Create an office (provider of the region\'s service agreement, or the city)', body: c.createOffice, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send(await service.createOffice(deps, request.actor, request.body)));

  app.patch('/api/offices/:id', {
    config: { action: 'office.edit' },
    schema: { tags, summary: 'Change an office (hours and exceptions replace the previous ones when given)', params: c.officeIdParams, body: c.updateOffice },
  }, async (request, reply) => {
    await service.updateOffice(deps, request.actor, request.params.id, request.body);
    return reply.status(204).send();
  });

  app.post('/api/offices/:id/move', {
    config: { action: 'office.move' },
    schema: { tags, summary: 'The office moves from a date on: a new period with the new address, history kept', params: c.officeIdParams, body: c.moveOffice, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send(await service.moveOffice(deps, request.actor, request.params.id, request.body)));

  app.put('/api/offices/:id/site-assessment', {
    config: { action: 'office.assess-site' },
    schema: { tags, summary: 'The coordinator\'s assessment of footpaths, signage and position in the building', params: c.officeIdParams, body: c.siteAssessment },
  }, async (request, reply) => {
    await service.setSiteAssessment(deps, request.actor, request.params.id, request.body);
    return reply.status(204).send();
  });

  app.post('/api/offices/:id/evidence', {
    config: { action: 'office.add-evidence' },
    bodyLimit: PHOTO_BODY_LIMIT,
    schema: { tags, summary: 'Attach a photo (JPEG, PNG or WebP, base64, at most 3 MB) to footpaths, signage or position of the site assessment', params: c.officeIdParams, body: c.uploadEvidencePhoto, response: { 201: c.evidencePhoto } },
  }, async (request, reply) => reply.status(201).send(await evidence.uploadPhoto(deps, request.actor, request.params.id, request.body)));

  app.get('/api/offices/:id/evidence/:photoId', {
    config: { action: 'office.read-evidence' },
    schema: { tags, summary: 'A photo of the site assessment, as uploaded (staff only)', params: c.evidencePhotoParams },
  }, async (request, reply) => {
    const photo = await evidence.getPhoto(deps, request.actor, request.params.id, request.params.photoId);
    return reply.type(photo.contentType).header('content-disposition', 'inline').header('cache-control', 'private, max-age=3600').send(photo.bytes);
  });

  app.delete('/api/offices/:id/evidence/:photoId', {
    config: { action: 'office.delete-evidence' },
    schema: { tags, summary: 'Delete a photo of the site assessment', params: c.evidencePhotoParams },
  }, async (request, reply) => {
    await evidence.deletePhoto(deps, request.actor, request.params.id, request.params.photoId);
    return reply.status(204).send();
  });
}
