import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strict CSP: own scripts and styles only, no inline script, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' https:",
  "frame-src https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The docs UI of the API (a developer tool) needs inline styles and scripts of its own. */
const DOCS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

export function securityHeaders(secure: boolean) {
  return async function addSecurityHeaders(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_POLICY : CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(self)');
    if (secure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  };
}
