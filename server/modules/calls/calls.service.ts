import type { z } from 'zod';
import type { createServiceAgreement as createContract, updateServiceAgreement as updateContract } from '#contracts/calls.ts';
import type { Deps } from '#server/deps.ts';
import { guardConstraints } from '#server/db-errors.ts';
import { Problem, forbidden, notFound } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.service.ts';
import type { Actor } from '#server/modules/identity/actor.ts';
import { findRegion } from '#server/modules/regions/regions.queries.ts';
import * as q from './calls.queries.ts';

type Row = Awaited<ReturnType<typeof q.listServiceAgreements>>[number];

function present(r: Row) {
  return { id: r.id, provider: { id: r.providerId, name: r.providerName }, region: { code: r.regionCode, name: r.regionName }, reference: r.reference, validFrom: r.validFrom, validTo: r.validTo };
}

function requireCityAdmin(actor: Actor): void {
  if (!(actor.kind === 'system' || (actor.kind === 'staff' && actor.organisationKind === 'city' && actor.role === 'city_admin'))) throw forbidden();
}

/** Which provider has which region, when. Not personal data: every signed-in member of staff sees it. */
export async function listServiceAgreements(deps: Deps, _actor: Actor) {
  const rows = await deps.db.transaction({ kind: 'public' }, (tx) => q.listServiceAgreements(tx));
  return rows.map(present);
}

export async function createServiceAgreement(deps: Deps, actor: Actor, input: z.infer<typeof createContract>) {
  requireCityAdmin(actor);
  return deps.db.transaction({ kind: 'system' }, async (tx) => {
    const provider = await q.findOrganisation(tx, input.providerId);
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
  requireCityAdmin(actor);
  return deps.db.transaction({ kind: 'system' }, async (tx) => {
    const row = await guardConstraints(() => q.updateServiceAgreement(tx, id, input), { period: 'validTo' });
    if (!row) throw notFound();
    await recordAudit(tx, actor, { action: 'service-agreement.update', recordType: 'service_agreement', recordIds: [row.id] }, deps.now());
    const listed = (await q.listServiceAgreements(tx)).find((r) => r.id === row.id);
    if (!listed) throw notFound();
    return present(listed);
  });
}
