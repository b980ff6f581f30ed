import type { z } from 'zod';
import { reachOf } from '#contracts/actions.ts';
import type { createPartnerBody, Partner, PartnerList, partnersQuery, updatePartnerBody } from '#contracts/network.ts';
import type { DbScope } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { authorizeRecord, authorizeStaff, may, permittedActions } from '#server/platform/authorize.ts';
import { invalid, notFound, Problem } from '#server/platform/problem.ts';
import { PARTNER_LIST_ACTIONS, partnerRecord } from './network.policy.ts';
import * as n from './network.queries.ts';

/** The network runs in the provider's own tenant (each provider keeps its own partners for now). */
const networkScope = (staff: StaffActor): DbScope => ({ kind: 'tenant', organisationId: staff.organisationId });

export function presentPartner(row: n.PartnerRow): Partner {
  return { id: row.id, regionCode: row.regionCode, kind: row.kind, name: row.name, contact: row.contact, archived: row.archivedAt !== null, version: row.version };
}

/** The regions the actor reaches with an action (null: every region of the organisation). */
function regionsOf(staff: StaffActor, action: 'partner.read'): readonly string[] | null {
  return reachOf(staff.role, action) === 'region' ? staff.regionCodes : null;
}

/** GET /api/partners: the provider's partners in the regions the actor reaches (one region on request); audited. */
export async function listPartners(deps: Deps, actor: Actor, query: z.infer<typeof partnersQuery>): Promise<PartnerList> {
  const staff = authorizeStaff(actor, 'partner.read');
  const now = deps.now();
  const reach = regionsOf(staff, 'partner.read');
  const regions = query.regionCode ? (reach === null || reach.includes(query.regionCode) ? [query.regionCode] : []) : reach;
  return deps.db.transaction(networkScope(staff), async (tx) => {
    const rows = await n.partnersIn(tx, regions, query.includeArchived);
    await recordAudit(tx, staff, { action: 'partner.list', recordType: 'partner', recordIds: rows.map((r) => r.id) }, now);
    return { partners: rows.map(presentPartner), permittedActions: permittedActions(staff, PARTNER_LIST_ACTIONS, { organisationId: staff.organisationId }) };
  });
}

const duplicate = (): Problem => invalid([{ field: 'name', key: 'field.taken' }]);

/** POST /api/partners: a partner of the provider in a region the actor reaches; a name once per region; audited. */
export async function createPartner(deps: Deps, actor: Actor, input: z.infer<typeof createPartnerBody>): Promise<Partner> {
  const staff = authorizeStaff(actor, 'partner.manage');
  const now = deps.now();
  if (!may(staff, 'partner.manage', { organisationId: staff.organisationId, regionCode: input.regionCode })) throw invalid([{ field: 'regionCode', key: 'field.invalidOption' }]);
  return deps.db.transaction(networkScope(staff), async (tx) => {
    if (!(await findRegion(tx, input.regionCode))) throw invalid([{ field: 'regionCode', key: 'field.invalidOption' }]);
    if (await n.nameTaken(tx, input.regionCode, input.name, null)) throw duplicate();
    const row = await n.insertPartner(tx, { organisationId: staff.organisationId, regionCode: input.regionCode, kind: input.kind, name: input.name, contact: input.contact, createdAt: now, updatedAt: now });
    await recordAudit(tx, staff, { action: 'partner.create', recordType: 'partner', recordIds: [row.id] }, now);
    return presentPartner(row);
  });
}

/** PATCH /api/partners/:id with the version read (409 with `current` when changed meanwhile); archived, never deleted; audited. */
export async function updatePartner(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updatePartnerBody>): Promise<Partner> {
  const staff = authorizeStaff(actor, 'partner.manage');
  const now = deps.now();
  return deps.db.transaction(networkScope(staff), async (tx) => {
    const row = await n.findPartner(tx, id);
    if (!row) throw notFound();
    authorizeRecord(staff, 'partner.manage', partnerRecord(row));
    if (input.name !== undefined && (await n.nameTaken(tx, row.regionCode, input.name, row.id))) throw duplicate();
    const changes = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.contact !== undefined ? { contact: input.contact } : {}),
      ...(input.archived !== undefined ? { archivedAt: input.archived ? (row.archivedAt ?? now) : null } : {}),
    };
    const updated = await n.updatePartnerAt(tx, row.id, input.version, changes, now);
    if (!updated) {
      const current = await n.findPartner(tx, row.id);
      throw new Problem(409, 'conflict', { detailKey: 'details.changedMeanwhile', extensions: { current: current ? presentPartner(current) : null } });
    }
    await recordAudit(tx, staff, { action: 'partner.update', recordType: 'partner', recordIds: [row.id] }, now);
    return presentPartner(updated);
  });
}
