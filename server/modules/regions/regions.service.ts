import type { z } from 'zod';
import type { createMember as createMemberContract, createRegion as createRegionContract, moveMember as moveMemberContract, Region, updateRegion as updateRegionContract } from '#contracts/regions.ts';
import type { Deps } from '#server/deps.ts';
import { guardConstraints } from '#server/db-errors.ts';
import { Problem, forbidden, notFound } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { berlinDate } from '#server/time.ts';
import type { Action } from '#contracts/actions.ts';
import { canEditReferenceData, referenceDataScope } from './regions.policy.ts';
import * as q from './regions.queries.ts';

const kindOrder = { district: 0, locality: 1 } as const;
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');

/** The regions with their members on a date (today in Berlin by default): Stadtbezirke first, then Ortschaften. */
export async function listRegions(deps: Deps, _actor: Actor, input: { at?: string | undefined }): Promise<Region[]> {
  const at = input.at ?? berlinDate(deps.now());
  const rows = await deps.db.transaction({ kind: 'public' }, (tx) => q.regionsWithMembersAt(tx, at));
  const regions = new Map<string, Region>();
  for (const row of rows) {
    const r = regions.get(row.code) ?? { code: row.code, name: row.name, description: row.description, members: [] };
    if (row.memberCode && row.memberName && row.memberKind) r.members.push({ code: row.memberCode, name: row.memberName, kind: row.memberKind });
    regions.set(row.code, r);
  }
  for (const r of regions.values()) r.members.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || byName(a, b));
  return [...regions.values()];
}

export async function listQuarters(deps: Deps, _actor: Actor, input: { at?: string | undefined }) {
  const at = input.at ?? berlinDate(deps.now());
  const rows = await deps.db.transaction({ kind: 'public' }, (tx) => q.quartersWithMembersAt(tx, at));
  const quarters = new Map<string, { code: string; name: string; members: { code: string; name: string; kind: 'district' | 'locality'; region: { code: string; name: string } | null }[] }>();
  for (const row of rows) {
    const entry = quarters.get(row.code) ?? { code: row.code, name: row.name, members: [] };
    if (row.memberCode && row.memberName && row.memberKind) {
      entry.members.push({
        code: row.memberCode,
        name: row.memberName,
        kind: row.memberKind,
        region: row.regionCode && row.regionName ? { code: row.regionCode, name: row.regionName } : null,
      });
    }
    quarters.set(row.code, entry);
  }
  return [...quarters.values()];
}

function requireEditor(actor: Actor, action: Action): void {
  if (!canEditReferenceData(actor, action)) throw forbidden();
}

export async function createRegion(deps: Deps, actor: Actor, input: z.infer<typeof createRegionContract>) {
  requireEditor(actor, 'region.create');
  return deps.db.transaction(referenceDataScope(actor), async (tx) => {
    const position = (await q.countRegions(tx)) + 1;
    const row = await guardConstraints(() => q.insertRegion(tx, { code: input.code, name: input.name, description: input.description, position }), { unique: 'code' });
    await recordAudit(tx, actor, { action: 'region.create', recordType: 'region', recordIds: [row.id] }, deps.now());
    return { code: row.code, name: row.name, description: row.description, members: [] };
  });
}

export async function updateRegion(deps: Deps, actor: Actor, code: string, input: z.infer<typeof updateRegionContract>) {
  requireEditor(actor, 'region.edit');
  return deps.db.transaction(referenceDataScope(actor), async (tx) => {
    const found = await q.findRegion(tx, code);
    if (!found) throw notFound();
    await q.updateRegion(tx, found.id, input);
    await recordAudit(tx, actor, { action: 'region.update', recordType: 'region', recordIds: [found.id] }, deps.now());
  });
}

export async function createMember(deps: Deps, actor: Actor, input: z.infer<typeof createMemberContract>) {
  requireEditor(actor, 'region-member.create');
  return deps.db.transaction(referenceDataScope(actor), async (tx) => {
    const target = await q.findRegion(tx, input.regionCode);
    if (!target) throw new Problem(400, 'validation', { errors: [{ field: 'regionCode', key: 'field.invalidOption' }] });
    const member = await guardConstraints(() => q.insertMember(tx, { code: input.code, name: input.name, kind: input.kind }), { unique: 'code' });
    await q.insertMembership(tx, { memberId: member.id, regionId: target.id, validFrom: input.validFrom });
    await recordAudit(tx, actor, { action: 'region-member.create', recordType: 'region_member', recordIds: [member.id] }, deps.now());
    return { code: member.code, name: member.name, kind: member.kind };
  });
}

/**
 * Moves a member (Stadtbezirk/Ortschaft) to another region from a date on. The membership in force
 * that day ends then, so history still answers "which region was this in, then?".
 */
export async function moveMember(deps: Deps, actor: Actor, code: string, input: z.infer<typeof moveMemberContract>) {
  requireEditor(actor, 'region-member.move');
  return deps.db.transaction(referenceDataScope(actor), async (tx) => {
    const member = await q.findMember(tx, code);
    if (!member) throw notFound();
    const target = await q.findRegion(tx, input.regionCode);
    if (!target) throw new Problem(400, 'validation', { errors: [{ field: 'regionCode', key: 'field.invalidOption' }] });
    const current = await q.membershipAt(tx, member.id, input.validFrom);
    if (current) {
      if (current.regionId === target.id) throw new Problem(409, 'conflict', { detailKey: 'details.alreadyMember' });
      if (current.validFrom >= input.validFrom) {
        throw new Problem(409, 'period-overlap', { errors: [{ field: 'validFrom', key: 'field.afterCurrentPeriod', values: { date: current.validFrom } }] });
      }
      await q.endMembership(tx, current.id, input.validFrom);
    }
    await guardConstraints(() => q.insertMembership(tx, { memberId: member.id, regionId: target.id, validFrom: input.validFrom, validTo: current?.validTo ?? null }), { period: 'validFrom' });
    await recordAudit(tx, actor, { action: 'region-member.move', recordType: 'region_member', recordIds: [member.id, target.id] }, deps.now());
    return membershipHistoryOf(deps, member.id, tx);
  });
}

async function membershipHistoryOf(_deps: Deps, memberId: string, tx: Parameters<typeof q.membershipHistory>[0]) {
  const rows = await q.membershipHistory(tx, memberId);
  return rows.map((r) => ({ region: { code: r.regionCode, name: r.regionName }, validFrom: r.validFrom, validTo: r.validTo }));
}

export async function memberHistory(deps: Deps, _actor: Actor, code: string) {
  return deps.db.transaction({ kind: 'public' }, async (tx) => {
    const member = await q.findMember(tx, code);
    if (!member) throw notFound();
    return membershipHistoryOf(deps, member.id, tx);
  });
}
