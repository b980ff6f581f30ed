import type { z } from 'zod';
import type { securityEventKind, securityEventPage } from '#contracts/audit.ts';
import type { Deps } from '#server/deps.ts';
import { Problem } from '#server/platform/problem.ts';
import type { Actor } from '#server/modules/identity/actor.ts';
import { isCityAdmin, isProviderAdmin } from '#server/modules/identity/identity.policy.ts';
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
  if (actor.kind !== 'staff') throw new Problem(401, 'unauthenticated');
  const city = isCityAdmin(actor);
  if (!city && !isProviderAdmin(actor)) throw new Problem(403, 'forbidden');
  const scope = city ? ({ kind: 'city', organisationId: actor.organisationId } as const) : ({ kind: 'tenant', organisationId: actor.organisationId } as const);
  const rows = await deps.db.transaction(scope, (tx) =>
    listSecurityEvents(tx, { ...(city ? {} : { organisationId: actor.organisationId }), ...(input.before ? { before: input.before } : {}), limit: input.limit }),
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
