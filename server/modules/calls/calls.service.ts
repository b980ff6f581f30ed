import type { z } from 'zod';
import type { createServiceAgreement as createContract, updateServiceAgreement as updateContract } from '#contracts/calls.ts';
import type { DbScope } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { guardConstraints } from '#server/db-errors.ts';
import { authorize } from '#server/platform/authorize.ts';
import { Problem, forbidden, notFound } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { findOrganisation } from '#server/modules/identity/identity.public.ts';
import { namedAgreements, type NamedAgreement } from './agreements.ts';
import * as q from './calls.queries.ts';

function present(r: NamedAgreement) {
  return { id: r.id, provider: { id: r.providerId, name: r.providerName }, region: { code: r.regionCode, name: r.regionName }, reference: r.reference, validFrom: r.validFrom, validTo: r.validTo };
}

/** The city's administration writes agreements in the city scope; no other actor writes them. */
function cityScope(actor: Actor): DbScope {
  if (actor.kind !== 'staff') throw forbidden();
  return { kind: 'city', organisationId: actor.organisationId };
}

/** Which provider has which region, when. Not personal data: every signed-in member of staff sees it. */
export async function listServiceAgreements(deps: Deps, _actor: Actor) {
  const rows = await deps.db.transaction({ kind: 'public' }, (tx) => namedAgreements(tx));
  return rows.map(present);
}

export async function createServiceAgreement(deps: Deps, actor: Actor, input: z.infer<typeof createContract>) {
  authorize(actor, 'service-agreement.create');
  return deps.db.transaction(cityScope(actor), async (tx) => {
    const provider = await findOrganisation(tx, input.providerId);
    if (!provider || provider.kind !== 'provider') throw new Problem(400, 'validation', { errors: [{ field: 'providerId', key: 'field.invalidOption' }] });
    const target = await findRegion(tx, input.regionCode);
    if (!target) throw new Problem(400, 'validation', { errors: [{ field: 'regionCode', key: 'field.invalidOption' }] });
    const row = await guardConstraints(
      () => q.insertServiceAgreement(tx, { providerId: provider.id, regionId: target.id, reference: input.reference, validFrom: input.validFrom, validTo: input.validTo }),
      { period: 'validFrom' },
    );
    await recordAudit(tx, actor, { action: 'service-agreement.create', recordType: 'service_agreement', recordIds: [row.id] }, deps.now());
    return present({ ...row, providerId: provider.id, providerName: provider.name, regionCode: target.code, regionName: target.name });
  });
}

export async function updateServiceAgreement(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateContract>) {
  authorize(actor, 'service-agreement.edit');
  return deps.db.transaction(cityScope(actor), async (tx) => {
    const row = await guardConstraints(() => q.updateServiceAgreement(tx, id, input), { period: 'validTo' });
    if (!row) throw notFound();
    await recordAudit(tx, actor, { action: 'service-agreement.update', recordType: 'service_agreement', recordIds: [row.id] }, deps.now());
    const [listed] = await namedAgreements(tx, row.id);
    if (!listed) throw notFound();
    return present(listed);
  });
}
