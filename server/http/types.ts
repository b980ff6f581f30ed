import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '#server/modules/identity/roles.ts';
import type { SessionInfo } from '#server/modules/identity/sessions.service.ts';
import type { Actor } from '#server/modules/identity/actor.ts';

/**
 * Who may call a route. Every route declares one (a test enumerates them):
 * `public`, any signed-in staff member (`authenticated`), or a list of roles.
 * `partial: true` lets a session that still owes its second factor reach the route.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    partial?: boolean;
  }
  interface FastifyRequest {
    session: SessionInfo | null;
    /** The staff member behind the request, or an anonymous actor carrying ip and request id. */
    actor: Actor;
    locale: string;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
