import type { z } from 'zod';
import type { securityEventKind, securityEventPage } from '#contracts/audit.ts';
import type { Deps } from '#server/deps.ts';
import { reachOf } from '#contracts/actions.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { listSecurityEvents } from './audit.queries.ts';

/**
 * Browse the security log (refused attempts), newest first. The city admin reads every event,
 * also those naming no organisation (an unknown email), with the caller's address; a provider
 * admin reads its own organisation's events (RLS and an explicit filter), without addresses: the
 * addresses its staff log in from are not the provider's to collect.
 */
export async function browseSecurityLog(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { before?: number | undefined; limit: number },
): Promise<z.infer<typeof securityEventPage>> {
  const reader = authorizeStaff(actor, 'security-log.read');
  // The catalogue's reach: `any` (the city's administration) every event; `organisation` its own.
  const city = reader.organisationKind === 'city' && reachOf(reader.role, 'security-log.read') === 'any';
  const scope = city ? ({ kind: 'city', organisationId: reader.organisationId } as const) : ({ kind: 'tenant', organisationId: reader.organisationId } as const);
  const rows = await deps.db.transaction(scope, (tx) =>
    listSecurityEvents(tx, { ...(city ? {} : { organisationId: reader.organisationId }), ...(input.before ? { before: input.before } : {}), limit: input.limit }),
  );
  return {
    events: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      kind: r.kind as z.infer<typeof securityEventKind>,
      accountId: r.accountId,
      method: r.method,
      route: r.route,
      requestId: r.requestId,
      ip: city ? r.ip : null,
    })),
    nextBefore: rows.length === input.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}
