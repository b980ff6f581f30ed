import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Action } from '#contracts/actions.ts';
import type { FieldError } from '#server/platform/problem.ts';
import type { SessionInfo } from '#server/modules/identity/identity.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';

/**
 * Who may call a route. Every route declares exactly one of (a test enumerates them):
 * `access: 'public'`, `access: 'authenticated'` (any signed-in member of staff: one's own session,
 * preferences, password), or `action: '…'` from the catalogue (contracts/actions.ts): the roles the
 * action names. `partial: true` lets a session that still owes its second factor reach the route.
 */
export type Access = 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The catalogue's action the route takes; the use case checks the same action on the record. */
    action?: Action;
    partial?: boolean;
    /** The field error a body over the route's `bodyLimit` answers with (an upload: which field, its maximum). */
    tooLarge?: FieldError;
  }
  interface FastifyRequest {
    session: SessionInfo | null;
    /** The staff member behind the request, or an anonymous actor carrying ip and request id. */
    actor: Actor;
    locale: string;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
