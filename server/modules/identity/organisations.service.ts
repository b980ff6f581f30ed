import type { z } from 'zod';
import type { createOrganisationBody, organisationListQuery, updateOrganisationBody } from '#contracts/organisations.ts';
import { guardConstraints } from '#server/db-errors.ts';
import type { Deps } from '#server/deps.ts';
import { invalid, notFound } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from './actor.ts';
import { presentOrganisation } from './identity.presenters.ts';
import { deleteSessionsOfAccount, findOrganisation, insertOrganisation, listOrganisations as selectOrganisations, accountIdsOf, updateOrganisation as writeOrganisation } from './identity.queries.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';

const cityScope = (actor: StaffActor) => ({ kind: 'city', organisationId: actor.organisationId }) as const;

export async function listOrganisations(deps: Deps, actor: Actor, input: z.infer<typeof organisationListQuery>) {
  const admin = authorizeStaff(actor, 'organisation.list');
  const rows = await deps.db.transaction(cityScope(admin), (tx) => selectOrganisations(tx, { includeArchived: input.archived === 'include' }));
  return rows.map(presentOrganisation);
}

export async function createOrganisation(deps: Deps, actor: Actor, input: z.infer<typeof createOrganisationBody>) {
  const admin = authorizeStaff(actor, 'organisation.create');
  return deps.db.transaction(cityScope(admin), async (tx) => {
    const row = await guardConstraints(() => insertOrganisation(tx, { kind: input.kind, name: input.name, requireTotp: input.requireTotp, createdAt: deps.now() }), { unique: 'name' });
    await recordAudit(tx, admin, { action: 'organisation.create', recordType: 'organisation', recordIds: [row.id], organisationId: row.id }, deps.now());
    return presentOrganisation(row);
  });
}

/** Rename, turn the second factor requirement on or off, archive or restore. */
export async function updateOrganisation(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateOrganisationBody>) {
  const admin = authorizeStaff(actor, 'organisation.edit');
  if (input.archived === true && id === admin.organisationId) throw invalid([{ field: 'archived', key: 'field.notOwnOrganisation' }]);
  return deps.db.transaction(cityScope(admin), async (tx) => {
    const current = await findOrganisation(tx, id);
    if (!current) throw notFound();
    const now = deps.now();
    const archivedAt = input.archived === undefined ? current.archivedAt : input.archived ? (current.archivedAt ?? now) : null;
    const row = await guardConstraints(
      () =>
        writeOrganisation(tx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.requireTotp !== undefined ? { requireTotp: input.requireTotp } : {}),
          archivedAt,
        }),
      { unique: 'name' },
    );
    if (!row) throw notFound();
    if (archivedAt && !current.archivedAt) {
      for (const accountId of await accountIdsOf(tx, id)) await deleteSessionsOfAccount(tx, accountId);
    }
    const action = archivedAt && !current.archivedAt ? 'organisation.archive' : !archivedAt && current.archivedAt ? 'organisation.restore' : 'organisation.update';
    await recordAudit(tx, admin, { action, recordType: 'organisation', recordIds: [id], organisationId: id }, now);
    return presentOrganisation(row);
  });
}
