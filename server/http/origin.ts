import type { FastifyRequest } from 'fastify';
import type { Deps } from '#server/deps.ts';
import { recordSecurityEvent } from '#server/modules/audit/audit.public.ts';
import { Problem } from '#server/platform/problem.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `https://host:port` of a URL, or null when it is not one (e.g. the `null` origin). */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export type OriginVerdict = 'same-origin' | 'no-browser-signal' | 'cross-origin';

/**
 * Whether a state-changing request comes from Lotse's own pages. Browsers say so themselves:
 * `Sec-Fetch-Site` (which no page can forge) and `Origin` (sent on every POST by today's browsers).
 * - `Sec-Fetch-Site: cross-site` → refused; `same-origin` or `none` (typed by the user) → allowed;
 * - otherwise an `Origin` must be the configured public address or the address the request was
 *   sent to (scheme + Host), so a site next door (`same-site`) or an opaque `null` origin is refused;
 * - neither header: not a browser (curl, a script, the tests) or a very old one → allowed; such a
 *   caller cannot be tricked by a foreign page, and cookie-authenticated writes still need the CSRF token.
 */
export function judgeOrigin(request: Pick<FastifyRequest, 'headers' | 'protocol' | 'host'>, publicOrigin: string | null): OriginVerdict {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') return 'cross-origin';
  if (site === 'same-origin' || site === 'none') return 'same-origin';
  const origin = request.headers.origin;
  if (origin === undefined) return 'no-browser-signal';
  const claimed = originOf(origin);
  if (!claimed) return 'cross-origin';
  const own = originOf(`${request.protocol}://${request.host}`);
  return claimed === publicOrigin || claimed === own ? 'same-origin' : 'cross-origin';
}

/**
 * onRequest, before the session is looked at: every POST, PUT, PATCH and DELETE — login, the
 * staff app's writes, the public booking forms — from another site is refused with 403
 * `/problems/cross-origin` and written to the security log. Same-origin forms work without
 * JavaScript, since the browser itself sends the headers.
 */
export function originCheck(deps: Pick<Deps, 'db' | 'config'>) {
  const publicOrigin = originOf(deps.config.publicUrl);
  return async function refuseCrossOrigin(request: FastifyRequest): Promise<void> {
    if (!UNSAFE.has(request.method)) return;
    if (judgeOrigin(request, publicOrigin) !== 'cross-origin') return;
    const route = request.routeOptions.url;
    await recordSecurityEvent(deps, { kind: 'origin.rejected', method: request.method, ...(route ? { route } : {}), ip: request.ip, requestId: request.id });
    throw new Problem(403, 'cross-origin');
  };
}
