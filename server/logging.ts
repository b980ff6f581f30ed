import type { FastifyServerOptions } from 'fastify';

/**
 * Structured JSON logs: method, path (never the query: tokens travel there), status, request id.
 * No client address, no bodies, no personal data.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
