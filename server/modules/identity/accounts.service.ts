import type { z } from 'zod';
import type { preferences } from '#contracts/identity.ts';
import type { Deps } from '#server/deps.ts';
import { Problem } from '#server/http/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.service.ts';
import type { Actor } from './actor.ts';
import { updateAccount } from './identity.queries.ts';

export async function setPreferences(deps: Deps, actor: Actor, input: z.infer<typeof preferences>) {
  if (actor.kind !== 'staff') throw new Problem(401, 'unauthenticated');
  return deps.db.transaction({ kind: 'tenant', organisationId: actor.organisationId }, async (tx) => {
    await updateAccount(tx, actor.accountId, { locale: input.locale });
    await recordAudit(tx, actor, { action: 'account.preferences', recordType: 'account', recordIds: [actor.accountId] }, deps.now());
    return { locale: input.locale };
  });
}
