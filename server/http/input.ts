import type { FastifyRequest } from 'fastify';
import { hasControlCharacters } from '#contracts/common.ts';
import { Problem, type FieldError } from '#server/platform/problem.ts';
import type { App } from './types.ts';

/**
 * Checks every route's input gets before its contract, whatever the route declares:
 * - a body declared in a charset other than UTF-8 → 415 (read as UTF-8 it would be garbled);
 * - a string with a control character or an unpaired surrogate anywhere in the body, the query or
 *   the path → 400 naming the field (NUL would otherwise reach PostgreSQL, which refuses it);
 *   line breaks and tabs pass in a body, not in a URL;
 * - a PATCH whose body names no field to change → 400 (an empty SET is no statement).
 */
export function registerInputGuards(app: App): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const charset = declaredCharset(request.headers['content-type']);
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') throw new Problem(415, 'unsupported-media-type');
    return payload;
  });
  app.addHook('preValidation', async (request) => {
    const errors = controlCharacterErrors(request);
    if (errors.length > 0) throw new Problem(400, 'validation', { errors });
    // The body as sent, before the contract fills in defaults: `{}` changes nothing.
    if (request.method === 'PATCH' && isEmptyChange(request.body)) throw new Problem(400, 'validation', { errors: [{ field: 'body', key: 'field.emptyChange' }] });
  });
}

/** The `charset` parameter of a Content-Type, lower-cased and unquoted; null when none is given. */
export function declaredCharset(contentType: string | undefined): string | null {
  if (!contentType) return null;
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset') return rest.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return null;
}

const MAX_DEPTH = 32;

function controlCharacterErrors(request: FastifyRequest): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (value: unknown, path: string, where: 'text' | 'line', depth: number): void => {
    if (typeof value === 'string') {
      if (hasControlCharacters(value, where)) errors.push({ field: path || 'body', key: 'field.controlCharacter' });
      return;
    }
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
    // No contract nests this deep; refusing keeps the walk's stack bounded.
    if (depth > MAX_DEPTH) return void errors.push({ field: path || 'body', key: 'field.invalid' });
    for (const [key, item] of Object.entries(value)) {
      if (hasControlCharacters(key, 'line')) errors.push({ field: path || 'body', key: 'field.controlCharacter' });
      else visit(item, path ? `${path}.${key}` : key, where, depth + 1);
    }
  };
  visit(request.params, '', 'line', 0);
  visit(request.query, '', 'line', 0);
  visit(request.body, '', 'text', 0);
  return errors;
}

function isEmptyChange(body: unknown): boolean {
  return body !== null && typeof body === 'object' && !Array.isArray(body) && Object.values(body).every((v) => v === undefined);
}
