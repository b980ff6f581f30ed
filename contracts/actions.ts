import { z } from 'zod';
import type { RoleName } from './identity.ts';

/**
 * The one catalogue of who may do what (after eVaka's action catalogue), imported by the server
 * (routes declare an action, use cases check it) and by the staff app (menus, links and buttons).
 *
 * Each action names the roles allowed and, per role, how far it reaches over records:
 * - `any`: every record (the city's administration; reference data everyone reads);
 * - `organisation`: records of the actor's own organisation;
 * - `region`: records in the regions the actor is assigned to (an account without an assignment
 *   reaches every region: for a provider every region of its own organisation's work, for the city
 *   all); for provider staff always inside the own organisation too.
 *
 * A record outside an actor's reach is *not found* (404), exactly like an unknown one; a role the
 * action does not list is *forbidden* (403). Add an action here before the route that needs it.
 */

export type Reach = 'any' | 'organisation' | 'region';
type Rule = Readonly<Partial<Record<RoleName, Reach>>>;

const CITY_ADMIN = { city_admin: 'any' } as const satisfies Rule;
const ADMINS = { city_admin: 'any', provider_admin: 'organisation' } as const satisfies Rule;
const EVERY_STAFF = { city_admin: 'any', city_coordinator: 'any', evaluator: 'any', provider_admin: 'any', social_worker: 'any' } as const satisfies Rule;
const OFFICE_EDITORS = { city_admin: 'any', city_coordinator: 'region', provider_admin: 'organisation' } as const satisfies Rule;
const SITE_ASSESSORS = { city_admin: 'any', city_coordinator: 'region' } as const satisfies Rule;
const PROVIDER_STAFF = { provider_admin: 'organisation', social_worker: 'region' } as const satisfies Rule;

export const ACTIONS = {
  // identity: organisations and accounts
  'organisation.list': CITY_ADMIN,
  'organisation.create': CITY_ADMIN,
  'organisation.edit': CITY_ADMIN,
  'account.list': ADMINS,
  'account.read': ADMINS,
  'account.create': ADMINS,
  'account.edit': ADMINS,
  'account.assign-regions': ADMINS,
  'account.reset-second-factor': ADMINS,

  // agreements
  'service-agreement.list': EVERY_STAFF,
  'service-agreement.create': CITY_ADMIN,
  'service-agreement.edit': CITY_ADMIN,

  // regions and geodata (reference data: read publicly, edited by the city's administration)
  'region.create': CITY_ADMIN,
  'region.edit': CITY_ADMIN,
  'region-member.create': CITY_ADMIN,
  'region-member.move': CITY_ADMIN,
  'geodata.import': CITY_ADMIN,
  'geodata.list-imports': CITY_ADMIN,

  // the service catalog (Leistungskatalog): read by all staff, versioned by the city's administration
  'catalog.read': EVERY_STAFF,
  'catalog.edit': CITY_ADMIN,
  'catalog.publish': CITY_ADMIN,

  // offices
  'office.read-scorecard': EVERY_STAFF,
  'office.read-evidence': EVERY_STAFF,
  'office.create': OFFICE_EDITORS,
  'office.edit': OFFICE_EDITORS,
  'office.move': OFFICE_EDITORS,
  'office.assess-site': SITE_ASSESSORS,
  'office.add-evidence': SITE_ASSESSORS,
  'office.delete-evidence': SITE_ASSESSORS,
  'office.read-lead-times': { ...OFFICE_EDITORS, social_worker: 'region', evaluator: 'any' },

  // appointments
  'appointment-setup.read': { ...OFFICE_EDITORS, social_worker: 'region' },
  'appointment-setup.edit': OFFICE_EDITORS,
  'appointment.read-calendar': { ...OFFICE_EDITORS, social_worker: 'region' },
  'appointment.book-for-person': PROVIDER_STAFF,
  'appointment.mark': PROVIDER_STAFF,
  'appointment.cancel': PROVIDER_STAFF,
  'appointment.move': PROVIDER_STAFF,

  // case work (households, people, case files): the provider's staff only, never the city
  'case.read': PROVIDER_STAFF,
  'case.create': PROVIDER_STAFF,
  'case.edit': PROVIDER_STAFF,
  'case.assign': PROVIDER_STAFF,
  'case.close': PROVIDER_STAFF,
  /** Carries a case load: a household this account creates is assigned to it (team leads assign instead). */
  'case.carry': { social_worker: 'region' },
  'person.search': PROVIDER_STAFF,
  'person.merge': PROVIDER_STAFF,
  // the person's rights (DSGVO): access (Art. 15) by the staff who may read the case; erasure on request (Art. 17) by the provider's administrator
  'person.export': PROVIDER_STAFF,
  'person.erase': { provider_admin: 'organisation' },
  // retention: the closed case files due for erasure (a dry run with counts), and erasing them now
  'retention.review': { provider_admin: 'organisation' },
  'retention.erase': { provider_admin: 'organisation' },
  // case work done with a household (service entries, quick contacts, assessments)
  'service-entry.read': PROVIDER_STAFF,
  'service-entry.create': PROVIDER_STAFF,
  'service-entry.edit': PROVIDER_STAFF,
  'quick-contact.read': PROVIDER_STAFF,
  'quick-contact.create': PROVIDER_STAFF,
  'assessment.read': PROVIDER_STAFF,
  'assessment.create': PROVIDER_STAFF,
  'assessment.edit': PROVIDER_STAFF,
  // support plans (Hilfeplan) and the worklist of what is due: the own case files; a team lead the team's
  'plan.read': PROVIDER_STAFF,
  'plan.edit': PROVIDER_STAFF,
  'plan.review': PROVIDER_STAFF,
  // letters and their deadlines: scans or photos of a household's letters, the file sealed
  'letter.read': PROVIDER_STAFF,
  'letter.add': PROVIDER_STAFF,
  'letter.edit': PROVIDER_STAFF,
  // consent as data (Schweigepflichtentbindung): what a person agreed to, per purpose and recipient
  'consent.read': PROVIDER_STAFF,
  'consent.record': PROVIDER_STAFF,
  'consent.withdraw': PROVIDER_STAFF,
  // referrals (Vermittlung) to partners, only with a valid consent for the partner
  'referral.read': PROVIDER_STAFF,
  'referral.create': PROVIDER_STAFF,
  'referral.update': PROVIDER_STAFF,
  // Fachleistung (specialist_request): the provider applies, the city's coordinators decide in their regions
  'specialist-request.read': PROVIDER_STAFF,
  'specialist-request.apply': PROVIDER_STAFF,
  'specialist-request.review': { city_coordinator: 'region' },
  'specialist-request.decide': { city_coordinator: 'region' },
  /** The city's threshold of hours for a Fachleistung (read and set by its administration). */
  'specialist-setting.edit': CITY_ADMIN,
  // transfers when a household moves to another region: the sender starts (with consent), the receiving provider accepts or declines
  'transfer.read': PROVIDER_STAFF,
  'transfer.start': PROVIDER_STAFF,
  'transfer.accept': PROVIDER_STAFF,
  'transfer.decline': PROVIDER_STAFF,
  'worklist.read': PROVIDER_STAFF,
  'worklist.read-team': { provider_admin: 'organisation' },
  'residence-status.list': EVERY_STAFF,

  // the network (sozialräumliche Koordinierung): each provider's partners per region, until the network is public
  'partner.read': PROVIDER_STAFF,
  'partner.manage': { provider_admin: 'organisation' },

  // audit
  'audit.read': ADMINS,
  'audit.export': ADMINS,
  'security-log.read': ADMINS,
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];
export const action = z.enum(ACTION_NAMES as [Action, ...Action[]]);

/** How far a role reaches with an action, or null when the role may not take it at all. */
export function reachOf(role: RoleName, name: Action): Reach | null {
  const rule: Rule = ACTIONS[name];
  return rule[role] ?? null;
}

/** Whether a role may take the action on some record (the route-level check: 403 otherwise). */
export function roleMay(role: RoleName, name: Action): boolean {
  return reachOf(role, name) !== null;
}

/** Every action a role may take somewhere: what `/api/auth/me` tells the staff app. */
export function actionsOf(role: RoleName): Action[] {
  return ACTION_NAMES.filter((name) => roleMay(role, name));
}

/** The parts of an actor the record-level rule reads. */
export interface Reacher {
  role: RoleName;
  organisationId: string;
  organisationKind: 'city' | 'provider';
  /** The regions the account is assigned to; null: not assigned, so every region it may work in. */
  regionCodes: readonly string[] | null;
}

/**
 * The record an action is taken on: the organisation that owns it and the region it lies in, where
 * it has them. Omit a field the record does not have (a city-wide record has no region).
 */
export interface RecordScope {
  organisationId?: string | null;
  regionCode?: string | null;
}

/** Whether the actor may take the action on this record (false answers 404, as for an unknown record). */
export function mayOnRecord(actor: Reacher, name: Action, record: RecordScope): boolean {
  const reach = reachOf(actor.role, name);
  switch (reach) {
    case null:
      return false;
    case 'any':
      return true;
    case 'organisation':
      return record.organisationId === undefined || record.organisationId === actor.organisationId;
    case 'region': {
      if (actor.organisationKind === 'provider' && record.organisationId !== undefined && record.organisationId !== actor.organisationId) return false;
      if (actor.regionCodes === null || record.regionCode === undefined) return true;
      return record.regionCode !== null && actor.regionCodes.includes(record.regionCode);
    }
  }
}

/** The actions of `names` the actor may take on this record: a record's `permittedActions`. */
export function permittedOn<A extends Action>(actor: Reacher, names: readonly A[], record: RecordScope): A[] {
  return names.filter((name) => mayOnRecord(actor, name, record));
}
