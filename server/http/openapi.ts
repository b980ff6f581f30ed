import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '#contracts/common.ts';
import { CSRF_HEADER } from './access.ts';

/**
 * The API description (/api/openapi.json), generated from the routes' contracts. What every route
 * shares is added here, once, from what the route declares (its access or action, its method, its
 * path and body) rather than written into 80 route files: the operation id, the session it needs,
 * the CSRF header of a signed-in write, and the problem+json answers it can give.
 */

type Operation = Record<string, unknown> & { responses?: Record<string, unknown>; parameters?: unknown[]; requestBody?: unknown };
type Document = { paths?: Record<string, Record<string, Operation>>; components?: Record<string, Record<string, unknown>> };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

/** The problem answers, each a shared component the operations refer to. */
const PROBLEM_RESPONSES = {
  '400': ['BadRequest', 'The request cannot be read or its input is invalid (`/problems/validation` names each field).'],
  '401': ['Unauthenticated', 'No session, or the session still owes its second factor.'],
  '403': ['Forbidden', "The role may not take the route's action, the CSRF token is missing, or the request came from another site (`/problems/cross-origin`)."],
  '404': ['NotFound', 'No such record, or one outside what the caller may see (answered alike).'],
  '409': ['Conflict', 'The change does not fit the current state.'],
  '413': ['PayloadTooLarge', 'The body is larger than 1 MB.'],
  '415': ['UnsupportedMediaType', 'The body is not JSON (or a form), or it is declared in a charset other than UTF-8.'],
  '429': ['TooManyRequests', 'Too many attempts; `Retry-After` says when to try again.'],
  '500': ['InternalError', 'An unexpected error; it is logged with the request id.'],
} as const;
type Status = keyof typeof PROBLEM_RESPONSES;

/** A stable, unique operation id from method and path: `PATCH /api/regions/{code}` → `patchRegionsByCode`. */
export function operationIdOf(method: string, path: string): string {
  const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
  const words = path
    .split('/')
    .filter((segment, i) => segment && !(i === 1 && segment === 'api'))
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? [`By${cap(param[1]!)}`] : segment.split(/[^A-Za-z0-9]+/).filter(Boolean).map(cap);
    });
  return method.toLowerCase() + words.join('');
}

/** The problem answers an operation can give, from what it declares. */
export function problemStatuses(method: string, op: Operation, path: string): Status[] {
  const unsafe = UNSAFE.has(method);
  const signedIn = op['x-access'] !== 'public';
  const statuses: Status[] = ['400'];
  if (signedIn) statuses.push('401');
  if (signedIn || unsafe) statuses.push('403');
  if (path.includes('{')) statuses.push('404');
  if (unsafe) statuses.push('409');
  if (op.requestBody) statuses.push('413', '415');
  if (unsafe && !signedIn) statuses.push('429');
  statuses.push('500');
  return statuses;
}

function completeOperation(method: string, path: string, op: Operation): void {
  op['operationId'] ??= operationIdOf(method, path);
  const responses = (op.responses ??= {});
  for (const status of problemStatuses(method, op, path)) responses[status] ??= { $ref: `#/components/responses/${PROBLEM_RESPONSES[status][0]}` };
  if (op['x-access'] !== 'public') {
    op['security'] ??= [{ session: [] }];
    if (UNSAFE.has(method)) {
      (op.parameters ??= []).push({ in: 'header', name: CSRF_HEADER, required: true, schema: { type: 'string' }, description: 'The csrfToken of /api/auth/me (or of the login answer)' });
    }
  }
}

const { $schema: _schemaDialect, ...problemSchema } = z.toJSONSchema(problem, { target: 'draft-2020-12' });

export function swaggerOptions(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotse API',
        description: 'Migration social work: regions, providers, offices, appointments, cases, reports. Errors are RFC 9457 problem+json.',
        version: '0.1.0',
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl' },
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lotse_session' } },
      },
    },
    transform(document) {
      const result = jsonSchemaTransform(document);
      const schema = result.schema as Record<string, unknown> & { hide?: boolean };
      if (schema.hide) return result;
      for (const container of ['querystring', 'params', 'headers'] as const) {
        const part = schema[container] as { properties?: unknown } | undefined;
        // A record (z.record) has no properties: the generator would list its keywords as parameters.
        if (part && part.properties === undefined) throw new Error(`${container} of ${document.url} must be a z.object with named fields (use .catchall for the rest)`);
      }
      const config = document.route.config as { access?: string; action?: string } | undefined;
      schema['x-access'] = config?.access ?? 'action';
      if (config?.action) schema['x-action'] = config.action;
      return result;
    },
    transformObject(documentObject) {
      if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
      const { openapiObject } = documentObject;
      const doc = openapiObject as Document;
      for (const [path, item] of Object.entries(doc.paths ?? {})) {
        for (const method of METHODS) {
          const op = item[method];
          if (op) completeOperation(method, path, op);
        }
      }
      const components = (doc.components ??= {});
      components['schemas'] = { ...components['schemas'], Problem: problemSchema };
      components['responses'] = {
        ...components['responses'],
        ...Object.fromEntries(
          Object.values(PROBLEM_RESPONSES).map(([name, description]) => [
            name,
            { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          ]),
        ),
      };
      return openapiObject;
    },
  };
}
