import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate } from '#server/i18n.ts';
import { Problem, problemTypeUri, type FieldError } from '#server/platform/problem.ts';
import { requestLocale } from './locale.ts';
import { CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.ts';

interface ValidationItem {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** A zod issue as a translatable field message. */
export function fieldErrorOf(item: ValidationItem, context: string | undefined): FieldError[] {
  const path = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const field = path || context || 'body';
  const p = item.params;
  switch (item.keyword) {
    case 'unrecognized_keys':
      return ((p['keys'] as string[] | undefined) ?? []).map((k) => ({ field: path ? `${path}.${k}` : k, key: 'field.unknown' }));
    case 'invalid_type':
      return [{ field, key: p['input'] === undefined ? 'field.required' : 'field.invalidType' }];
    case 'too_small':
      return [{ field, key: p['origin'] === 'string' && p['minimum'] === 1 ? 'field.required' : 'field.tooSmall', values: { minimum: p['minimum'] } }];
    case 'too_big':
      return [{ field, key: 'field.tooBig', values: { maximum: p['maximum'] } }];
    case 'invalid_format':
      return [{ field, key: p['format'] === 'email' ? 'field.invalidEmail' : 'field.invalidFormat' }];
    case 'invalid_value':
      return [{ field, key: 'field.invalidOption' }];
    default:
      return [{ field, key: 'field.invalid' }];
  }
}

function fastifyProblem(error: FastifyError, tooLarge: FieldError | undefined): Problem | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'payload-too-large', tooLarge ? { errors: [tooLarge] } : {});
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'unsupported-media-type');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem(400, 'malformed-request');
    default:
      break;
  }
  if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
    return new Problem(error.statusCode === 429 ? 429 : error.statusCode === 404 ? 404 : 400, error.statusCode === 429 ? 'rate-limited' : error.statusCode === 404 ? 'not-found' : 'malformed-request');
  }
  return null;
}

export function problemBody(problem: Problem, request: FastifyRequest) {
  const locale = request.locale;
  return {
    ...problem.options.extensions,
    type: problemTypeUri(problem.type),
    title: translate(locale, `errors:types.${problem.type}`),
    status: problem.status,
    ...(problem.options.detailKey ? { detail: translate(locale, `errors:${problem.options.detailKey}`, problem.options.values) } : {}),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(problem.options.errors
      ? { errors: problem.options.errors.map((e) => ({ field: e.field, message: translate(locale, `errors:${e.key}`, e.values) })) }
      : {}),
  };
}

/**
 * Every error leaves as application/problem+json. Database and internal messages never reach the
 * client; unexpected errors are logged with the request id (no request body, so no personal data).
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  let problem: Problem;
  if (error instanceof Problem) {
    problem = error;
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    const items = error.validation as unknown as ValidationItem[];
    problem = new Problem(400, 'validation', { errors: items.flatMap((i) => fieldErrorOf(i, error.validationContext)) });
  } else {
    problem = fastifyProblem(error, request.routeOptions.config.tooLarge) ?? new Problem(500, 'internal');
    if (problem.status >= 500) request.log.error({ err: error, requestId: request.id }, 'unexpected error');
  }
  void reply
    .status(problem.status)
    .headers(problem.options.headers ?? {})
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(problem, request));
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any hook runs (a broken
 * percent-escape, an over-long path parameter) leaves as problem+json with the security headers.
 */
export function frameworkErrorHandler(secure: boolean) {
  const addSecurityHeaders = securityHeaders(secure);
  return function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    try {
      request.locale = requestLocale(request);
    } catch {
      request.locale = 'de';
    }
    void addSecurityHeaders(request, reply);
    const status = error.statusCode ?? 500;
    const problem = status >= 500 ? new Problem(500, 'internal') : new Problem(status, 'malformed-request');
    if (status >= 500) request.log.error({ err: error, requestId: request.id }, 'unexpected framework error');
    void reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problemBody(problem, request));
  };
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (a Content-Length that is no
 * number, a broken request line, headers too large, a request that never finished). There is no
 * request yet, so neither a request id nor a language: the answer is in German, the default.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const type = 'malformed-request';
  const body = JSON.stringify({ type: problemTypeUri(type), title: translate('de', `errors:types.${type}`), status });
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`,
        'content-type: application/problem+json; charset=utf-8',
        `content-length: ${Buffer.byteLength(body)}`,
        `content-security-policy: ${CONTENT_SECURITY_POLICY}`,
        'x-content-type-options: nosniff',
        'connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  }
  socket.destroy(error);
}
