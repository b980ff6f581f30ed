import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/transfers.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as transfers from './transfers.service.ts';

/** Transfers of a household to another region's provider: preview and start (sender), read, accept or decline (receiver); every read audited. */
export async function transfersRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/households/:id/transfer-preview', {
    config: { action: 'transfer.read' },
    schema: { tags, summary: 'Where the household may move to (the region\'s provider), what would move and what stays, whose transfer consent is missing; audited', params: idParams, querystring: c.transferPreviewQuery, response: { 200: c.transferPreview } },
  }, async (request) => transfers.previewTransfer(deps, request.actor, request.params.id, request.query.regionCode));

  app.post('/api/households/:id/transfers', {
    config: { action: 'transfer.start' },
    schema: { tags, summary: 'Start the transfer to the provider of the region the household moves to (409 consent-missing naming whose consent is missing)', params: idParams, body: c.startTransferBody, response: { 201: c.transfer } },
  }, async (request, reply) => reply.status(201).send(await transfers.startTransfer(deps, request.actor, request.params.id, request.body, request.locale)));

  app.get('/api/transfers', {
    config: { action: 'transfer.read' },
    schema: { tags, summary: 'Incoming (pending first) or outgoing transfers of the caller\'s provider; audited', querystring: c.transferListQuery, response: { 200: c.transferList } },
  }, async (request) => transfers.listTransfers(deps, request.actor, request.query.direction, request.locale));

  app.get('/api/transfers/:id', {
    config: { action: 'transfer.read' },
    schema: { tags, summary: 'A transfer with what moved, for the sending or the receiving provider only; audited', params: idParams, response: { 200: c.transfer } },
  }, async (request) => transfers.readTransfer(deps, request.actor, request.params.id, request.locale));

  app.post('/api/transfers/:id/accept', {
    config: { action: 'transfer.accept' },
    schema: { tags, summary: 'Accept an incoming transfer with the version read: a new household and case file from the package; the sending case file closes (reason transferred)', params: idParams, body: c.acceptTransferBody, response: { 200: c.transfer } },
  }, async (request) => transfers.acceptTransfer(deps, request.actor, request.params.id, request.body, request.locale));

  app.post('/api/transfers/:id/decline', {
    config: { action: 'transfer.decline' },
    schema: { tags, summary: 'Decline an incoming transfer with the version read and a reason; the sending case file stays open', params: idParams, body: c.declineTransferBody, response: { 200: c.transfer } },
  }, async (request) => transfers.declineTransfer(deps, request.actor, request.params.id, request.body, request.locale));
}
