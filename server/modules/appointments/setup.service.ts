import type { z } from 'zod';
import type { appointmentTypeBody, appointmentTypeUpdate, closuresBody, resourceBody, resourceUpdate } from '#contracts/appointments.ts';
import type { DbScope, Tx } from '#server/db.ts';
import { guardConstraints } from '#server/db-errors.ts';
import type { Deps } from '#server/deps.ts';
import type { Action } from '#contracts/actions.ts';
import { authorizeRecord, authorizeStaff } from '#server/platform/authorize.ts';
import { invalid, notFound } from '#server/platform/problem.ts';
import { organisationOfAccount } from '#server/modules/identity/identity.public.ts';
import { officeRecord, hhmm } from '#server/modules/offices/offices.public.ts';
import * as oq from '#server/modules/offices/offices.public.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import * as q from './appointments.queries.ts';

/** Configuration of an office's appointments: provider_admin of the office's provider, or the city's editors. */

export function staffScope(actor: StaffActor): DbScope {
  return actor.organisationKind === 'city' ? { kind: 'city', organisationId: actor.organisationId } : { kind: 'tenant', organisationId: actor.organisationId };
}

/** The office if it is within the actor's reach for the action (its provider, its region), else 404. */
export async function officeFor(tx: Tx, actor: StaffActor, officeId: string, action: Action) {
  const office = await oq.findOffice(tx, officeId);
  if (!office) throw notFound();
  authorizeRecord(actor, action, officeRecord(office));
  return office;
}

export async function getSetup(deps: Deps, actor: Actor, officeId: string) {
  const staff = authorizeStaff(actor, 'appointment-setup.read');
  return deps.db.transaction(staffScope(staff), async (tx) => {
    await officeFor(tx, staff, officeId, 'appointment-setup.read');
    const types = await q.typesOf(tx, officeId);
    const res = await q.resourcesOf(tx, officeId);
    const closures = await q.closuresOf(tx, officeId);
    return {
      officeId,
      types: types.map(presentType),
      resources: res.resources.map((r) => ({
        id: r.id,
        officeId: r.officeId,
        kind: r.kind,
        displayName: r.displayName,
        accountId: r.accountId,
        languages: r.languages,
        active: r.active,
        availability: res.availability.filter((a) => a.resourceId === r.id).map((a) => ({ weekday: a.weekday, starts: hhmm(a.starts), ends: hhmm(a.ends), validFrom: a.validFrom, validTo: a.validTo })),
        absences: res.absences.filter((a) => a.resourceId === r.id).map((a) => ({ startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString(), note: a.note })),
      })),
      closures: closures.map((c) => ({ startsOn: c.startsOn, endsOn: c.endsOn, note: c.note })),
    };
  });
}

export function presentType(t: q.TypeRow) {
  return {
    id: t.id,
    officeId: t.officeId,
    kind: t.kind,
    name: t.name,
    durationMinutes: t.durationMinutes,
    bufferBeforeMinutes: t.bufferBeforeMinutes,
    bufferAfterMinutes: t.bufferAfterMinutes,
    minNoticeMinutes: t.minNoticeMinutes,
    horizonDays: t.horizonDays,
    webPerDay: t.webPerDay,
    cancelNoticeMinutes: t.cancelNoticeMinutes,
    slotStepMinutes: t.slotStepMinutes,
    languages: t.languages,
    walkIn: t.walkIn,
    active: t.active,
  };
}

export async function createType(deps: Deps, actor: Actor, officeId: string, body: z.infer<typeof appointmentTypeBody>) {
  const staff = authorizeStaff(actor, 'appointment-setup.edit');
  return deps.db.transaction(staffScope(staff), async (tx) => {
    await officeFor(tx, staff, officeId, 'appointment-setup.edit');
    const row = await guardConstraints(() => q.insertType(tx, { ...body, officeId }));
    await recordAudit(tx, staff, { action: 'appointment_type.create', recordType: 'appointment_type', recordIds: [row.id] }, deps.now());
    return presentType(row);
  });
}

export async function updateType(deps: Deps, actor: Actor, typeId: string, body: z.infer<typeof appointmentTypeUpdate>) {
  const staff = authorizeStaff(actor, 'appointment-setup.edit');
  return deps.db.transaction(staffScope(staff), async (tx) => {
    const type = await q.findType(tx, typeId);
    if (!type) throw notFound();
    await officeFor(tx, staff, type.officeId, 'appointment-setup.edit');
    await guardConstraints(() => q.updateType(tx, typeId, body));
    await recordAudit(tx, staff, { action: 'appointment_type.update', recordType: 'appointment_type', recordIds: [typeId] }, deps.now());
    const updated = await q.findType(tx, typeId);
    if (!updated) throw notFound();
    return presentType(updated);
  });
}

async function writeResourceParts(tx: Tx, officeId: string, id: string, body: { availability?: z.infer<typeof resourceBody>['availability'] | undefined; absences?: z.infer<typeof resourceBody>['absences'] | undefined }) {
  if (body.availability) await q.replaceAvailability(tx, officeId, id, body.availability.map((w) => ({ weekday: w.weekday, starts: w.starts, ends: w.ends, validFrom: w.validFrom, validTo: w.validTo })));
  if (body.absences) await q.replaceAbsences(tx, officeId, id, body.absences.map((a) => ({ startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt), note: a.note })));
}

/**
 * An account a counsellor or interpreter names: looked up in the actor's own scope (RLS: a provider
 * sees only its own accounts) and it must be of the office's provider. An unknown and a foreign id
 * answer the same field error (the database's trigger refuses it too).
 */
async function requireProviderAccount(tx: Tx, accountId: string | null | undefined, providerId: string): Promise<void> {
  if (!accountId) return;
  if ((await organisationOfAccount(tx, accountId)) !== providerId) throw invalid([{ field: 'accountId', key: 'field.invalidOption' }]);
}

export async function createResource(deps: Deps, actor: Actor, officeId: string, body: z.infer<typeof resourceBody>): Promise<{ id: string }> {
  const staff = authorizeStaff(actor, 'appointment-setup.edit');
  return deps.db.transaction(staffScope(staff), async (tx) => {
    const office = await officeFor(tx, staff, officeId, 'appointment-setup.edit');
    await requireProviderAccount(tx, body.accountId, office.providerId);
    const row = await guardConstraints(() => q.insertResource(tx, { officeId, kind: body.kind, displayName: body.displayName, accountId: body.accountId, languages: body.languages, active: body.active }));
    await writeResourceParts(tx, officeId, row.id, body);
    await recordAudit(tx, staff, { action: 'appointment_resource.create', recordType: 'appointment_resource', recordIds: [row.id] }, deps.now());
    return { id: row.id };
  });
}

export async function updateResource(deps: Deps, actor: Actor, resourceId: string, body: z.infer<typeof resourceUpdate>): Promise<void> {
  const staff = authorizeStaff(actor, 'appointment-setup.edit');
  await deps.db.transaction(staffScope(staff), async (tx) => {
    const row = await q.findResource(tx, resourceId);
    if (!row) throw notFound();
    const office = await officeFor(tx, staff, row.officeId, 'appointment-setup.edit');
    await requireProviderAccount(tx, body.accountId, office.providerId);
    const { availability, absences, ...rest } = body;
    await guardConstraints(() => q.updateResource(tx, resourceId, rest));
    await writeResourceParts(tx, row.officeId, resourceId, { availability, absences });
    await recordAudit(tx, staff, { action: 'appointment_resource.update', recordType: 'appointment_resource', recordIds: [resourceId] }, deps.now());
  });
}

export async function setClosures(deps: Deps, actor: Actor, officeId: string, body: z.infer<typeof closuresBody>): Promise<void> {
  const staff = authorizeStaff(actor, 'appointment-setup.edit');
  await deps.db.transaction(staffScope(staff), async (tx) => {
    await officeFor(tx, staff, officeId, 'appointment-setup.edit');
    await q.replaceClosures(tx, officeId, body.closures);
    await recordAudit(tx, staff, { action: 'office_closure.replace', recordType: 'office', recordIds: [officeId] }, deps.now());
  });
}
