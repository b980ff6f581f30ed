import type { Action, RecordScope } from '#contracts/actions.ts';
import type { DbScope } from '#server/db.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { authorizeRecord, authorizeStaff, permittedActions } from '#server/platform/authorize.ts';

/**
 * Who may do what with an office: the catalogue's office and appointment actions (contracts/actions.ts)
 * on the office as a record — its provider (organisation) and its region. Tested in offices.policy.unit.test.ts.
 */

/** The record an office action is taken on. */
export function officeRecord(office: { providerId: string; regionCode: string }): RecordScope {
  return { organisationId: office.providerId, regionCode: office.regionCode };
}

/** The actions whose answer depends on the office: its `permittedActions` (GET /api/offices, /api/offices/:id). */
export const OFFICE_RECORD_ACTIONS = [
  'office.edit',
  'office.move',
  'office.assess-site',
  'office.add-evidence',
  'office.delete-evidence',
  'office.read-scorecard',
  'office.read-evidence',
  'office.read-lead-times',
  'appointment-setup.read',
  'appointment-setup.edit',
  'appointment.read-calendar',
  'appointment.book-for-person',
  'appointment.mark',
  'appointment.cancel',
  'appointment.move',
  'quick-contact.read',
  'quick-contact.create',
] as const satisfies readonly Action[];

export function officePermittedActions(actor: Actor, office: { providerId: string; regionCode: string }): Action[] {
  return permittedActions(actor, OFFICE_RECORD_ACTIONS, officeRecord(office));
}

/** The member of staff taking an office action somewhere (403 for a role the action does not name). */
export function officeActor(actor: Actor, action: Action): StaffActor {
  return authorizeStaff(actor, action);
}

/** The office is within the actor's reach for the action, else 404 (as for an unknown office). */
export function requireOnOffice(actor: StaffActor, action: Action, office: { providerId: string; regionCode: string }): void {
  authorizeRecord(actor, action, officeRecord(office));
}

/** The transaction scope of an office's editor: a provider acts in its tenant, the city across providers. */
export function officeScope(actor: StaffActor): DbScope {
  return actor.organisationKind === 'city' ? { kind: 'city', organisationId: actor.organisationId } : { kind: 'tenant', organisationId: actor.organisationId };
}
