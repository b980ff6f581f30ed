import type { Deps } from '#server/deps.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { authorize } from '#server/platform/authorize.ts';
import * as q from './cases.queries.ts';

/** GET /api/residence-statuses: the city's code list, active entries, labelled in the request's language. */
export async function listResidenceStatuses(deps: Pick<Deps, 'db'>, actor: Actor, locale: string) {
  authorize(actor, 'residence-status.list');
  const rows = await deps.db.transaction({ kind: 'public' }, (tx) => q.residenceStatuses(tx));
  return rows
    .filter((r) => r.active)
    .map((r) => ({ code: r.code, name: r.name[locale] ?? r.name.de ?? r.code, group: r.group, paragraphRequired: r.paragraphRequired, expires: r.expires }));
}
