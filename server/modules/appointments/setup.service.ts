import type { z } from 'zod';
import type { appointmentTypeBody, appointmentTypeUpdate, closuresBody, resourceBody, resourceUpdate } from '#contracts/appointments.ts';
import type { DbScope, Tx } from '#server/db.ts';
import { guardConstraints } from '#server/db-errors.ts';
import type { Deps } from '#server/deps.ts';
import { forbidden, notFound } from '#server/platform/problem.ts';
import { hhmm } from '#server/modules/offices/hours.ts';
import * as oq from '#server/modules/offices/offices.queries.ts';
import { recordAudit } from '#server/modules/audit/audit.service.ts';
import type { Actor, StaffActor } from '#server/modules/identity/actor.ts';
import * as q from './appointments.queries.ts';

/** Configuration of an office's appointments: provider_admin of the office's provider, or the city's editors. */

export function staffScope(actor: StaffActor): DbScope {
  return actor.organisationKind === 'city' ? { kind: 'city', organisationId: actor.organisationId } : { kind: 'tenant', organisationId: actor.organisationId };
}

const requireStaff = (actor: Actor): StaffActor => {
  if (actor.kind !== 'staff') throw forbidden();
  return actor;
};

/** The office if the actor belongs to its provider (or is the city), else 404. */
export async function officeFor(tx: Tx, actor: StaffActor, officeId: string) {
  const office = await oq.findOffice(tx, officeId);
  if (!office || (actor.organisationKind === 'provider' && office.providerId !== actor.organisationId)) throw notFound();
  return office;
}

export async function getSetup(deps: Deps, actor: Actor, officeId: string) {
  const staff = requireStaff(actor);
  return deps.db.transaction(staffScope(staff), async (tx) => {
    await officeFor(tx, staff, officeId);
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
  const staff = requireStaff(actor);
  return deps.db.transaction(staffScope(staff), async (tx) => {
    await officeFor(tx, staff, officeId);
    const row = await guardConstraints(() => q.insertType(tx, { ...body, officeId }));
    await recordAudit(tx, staff, { action: 'appointment_type.create', recordType: 'appointment_type', recordIds: [row.id] }, deps.now());
    return presentType(row);
  });
}

export async function updateType(deps: Deps, actor: Actor, typeId: string, body: z.infer<typeof appointmentTypeUpdate>) {
  const staff = requireStaff(actor);
  return deps.db.transaction(staffScope(staff), async (tx) => {
    const type = await q.findType(tx, typeId);
    if (!type) throw notFound();
    await officeFor(tx, staff, type.officeId);
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

export async function createResource(deps: Deps, actor: Actor, officeId: string, body: z.infer<typeof resourceBody>): Promise<{ id: string }> {
  const staff = requireStaff(actor);
  return deps.db.transaction(staffScope(staff), async (tx) => {
    await officeFor(tx, staff, officeId);
    const row = await guardConstraints(() => q.insertResource(tx, { officeId, kind: body.kind, displayName: body.displayName, accountId: body.accountId, languages: body.languages, active: body.active }));
    await writeResourceParts(tx, officeId, row.id, body);
    await recordAudit(tx, staff, { action: 'appointment_resource.create', recordType: 'appointment_resource', recordIds: [row.id] }, deps.now());
    return { id: row.id };
  });
}

export async function updateResource(deps: Deps, actor: Actor, resourceId: string, body: z.infer<typeof resourceUpdate>): Promise<void> {
  const staff = requireStaff(actor);
  await deps.db.transaction(staffScope(staff), async (tx) => {
    const row = await q.findResource(tx, resourceId);
    if (!row) throw notFound();
    await officeFor(tx, staff, row.officeId);
    const { availability, absences, ...rest } = body;
    await guardConstraints(() => q.updateResource(tx, resourceId, rest));
    await writeResourceParts(tx, row.officeId, resourceId, { availability, absences });
    await recordAudit(tx, staff, { action: 'appointment_resource.update', recordType: 'appointment_resource', recordIds: [resourceId] }, deps.now());
  });
}

export async function setClosures(deps: Deps, actor: Actor, officeId: string, body: z.infer<typeof closuresBody>): Promise<void> {
  const staff = requireStaff(actor);
  await deps.db.transaction(staffScope(staff), async (tx) => {
    await officeFor(tx, staff, officeId);
    await q.replaceClosures(tx, officeId, body.closures);
    await recordAudit(tx, staff, { action: 'office_closure.replace', recordType: 'office', recordIds: [officeId] }, deps.now());
  });
}
