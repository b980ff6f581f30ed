import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/letters.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as letters from './letters.service.ts';

/** The JSON of a file at the largest size in base64, with room for the other fields. */
const LETTER_BODY_LIMIT = Math.ceil((c.MAX_LETTER_BYTES * 4) / 3) + 64 * 1024;
/** A body over the limit answers as a file over 10 MB does: with the field. */
const TOO_LARGE = { field: 'data', key: 'field.fileTooLarge', values: { maximum: '10 MB' } };

/** Letters of a household (metadata read audited; uploaded; the file downloaded, audited; changed with the version read). */
export async function lettersRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/households/:id/letters', {
    config: { action: 'letter.read' },
    schema: { tags, summary: 'The household\'s letters (authority, file number, person, received, due, state; not the files), the actions permitted; every view is audited', params: idParams, response: { 200: c.letterList } },
  }, async (request) => letters.listLetters(deps, request.actor, request.params.id));

  app.post('/api/households/:id/letters', {
    config: { action: 'letter.add', tooLarge: TOO_LARGE },
    bodyLimit: LETTER_BODY_LIMIT,
    schema: { tags, summary: 'Upload a scan or photo of a letter (PDF, JPEG or PNG as base64, at most 10 MB; the type read from the bytes, image metadata removed, the file sealed) with what it says', params: idParams, body: c.uploadLetterBody, response: { 201: c.letter } },
  }, async (request, reply) => reply.status(201).send(await letters.uploadLetter(deps, request.actor, request.params.id, request.body)));

  app.get('/api/letters/:id/file', {
    config: { action: 'letter.read' },
    schema: { tags, summary: 'The letter\'s file (as stored: images without their metadata); every download is audited', params: idParams },
  }, async (request, reply) => {
    const file = await letters.readLetterFileOf(deps, request.actor, request.params.id);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  app.patch('/api/letters/:id', {
    config: { action: 'letter.edit' },
    schema: { tags, summary: 'Deal with a letter (with a note) or open it again, change its due date, file number or sender — with the version read (409 with `current` when changed meanwhile)', params: idParams, body: c.editLetterBody, response: { 200: c.letter } },
  }, async (request) => letters.editLetter(deps, request.actor, request.params.id, request.body));
}
