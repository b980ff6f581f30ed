import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * The actions the audit log knows by name (the filter offers them, the staff app labels them). An
 * entry may carry an action not listed here (a newer module's): it is shown and filtered by its name.
 */
export const AUDIT_ACTIONS = [
  'session.login', 'session.login-oidc', 'session.totp-verified', 'session.logout', 'session.logout-everywhere',
  'account.create', 'account.invite', 'account.list', 'account.read', 'account.update', 'account.disable', 'account.enable',
  'account.unlock', 'account.preferences', 'account.password-change', 'account.password-reset-request', 'account.password-reset',
  'account.totp-setup', 'account.totp-enable', 'account.totp-disable', 'account.totp-reset',
  'organisation.create', 'organisation.update', 'organisation.archive', 'organisation.restore',
  'region.create', 'region.update', 'region-member.create', 'region-member.move',
  'boundary-set.import', 'street-directory.import', 'quarter-population.import', 'gtfs.import',
  'service-agreement.create', 'service-agreement.update',
  'office.create', 'office.update', 'office.move', 'office.assess', 'office-evidence-photo.upload', 'office-evidence-photo.delete',
  'office_closure.replace', 'appointment_type.create', 'appointment_type.update', 'appointment_resource.create', 'appointment_resource.update',
  'appointment.book', 'appointment.cancel', 'appointment.move', 'appointment.list',
  'appointment.mark.done', 'appointment.mark.no_show', 'appointment.mark.booked', 'waitlist.join',
  'household.create', 'household.update', 'person.create', 'person.read', 'person.update', 'person.search', 'person.merge',
  'case.list', 'case.read', 'case.assign', 'case.close', 'case.reopen',
  'catalog.create-draft', 'catalog.update-draft', 'catalog.publish', 'catalog-service.create', 'catalog-service.update', 'catalog-service.deactivate',
  'audit.export',
] as const;

/** The record types the filter offers (an entry may name another type; it is shown by its name). */
export const AUDIT_RECORD_TYPES = [
  'account', 'organisation', 'region', 'region_member', 'service_agreement', 'office', 'office_evidence_photo',
  'appointment_type', 'appointment_resource', 'appointment', 'waitlist_entry', 'boundary_set', 'street_directory_entry',
  'quarter_population', 'gtfs_stop', 'household', 'person', 'case_file', 'catalog_version', 'catalog_service', 'audit_entry',
] as const;

/** Filters shared by the page and the CSV export; the period is in Europe/Berlin, both days included. */
const filterFields = {
  action: z
    .string()
    .max(100)
    .regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*(\.\*)?$/)
    .optional()
    .describe('An action name ("account.create"), or a group ending in ".*" ("account.*": every account action)'),
  account: z.uuid().optional().describe('Only entries of this acting account'),
  recordType: z.string().max(64).regex(/^[a-z][a-z0-9_]*$/).optional().describe('Only entries about records of this type ("office")'),
  recordId: z.string().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/).optional().describe('Only entries naming this record id'),
  from: isoDate.optional().describe('From this day on (Europe/Berlin)'),
  to: isoDate.optional().describe('Up to and including this day (Europe/Berlin)'),
};
const periodInOrder = (f: { from?: string | undefined; to?: string | undefined }) => !f.from || !f.to || f.to >= f.from;
const periodMessage = { message: 'to on or after from', path: ['to'] };

export const auditQuery = z
  .object({
    ...filterFields,
    before: z.coerce.number().int().positive().optional().describe("Only entries older than this id (the previous page's nextBefore)"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine(periodInOrder, periodMessage);

/** GET /api/audit.csv: the filtered log (newest first, at most AUDIT_EXPORT_LIMIT entries). */
export const auditExportQuery = z.object(filterFields).strict().refine(periodInOrder, periodMessage);
export const AUDIT_EXPORT_LIMIT = 10_000;

/**
 * A record an entry names, as the reader may see it, resolved when the log is read (the chain
 * keeps ids only): `named` with its label (and a detail such as an account's organisation);
 * `deleted` when it no longer exists; `not-visible` when it exists outside what the reader may read
 * (another organisation's account); `personal` for records about people (a neutral label, never
 * their content); `unlabelled` for types that have no label (shown by type and id). `href`: the
 * staff app's page of the record, only when the reader may open it.
 */
export const recordRef = z.object({
  type: z.string(),
  id: z.string(),
  state: z.enum(['named', 'deleted', 'not-visible', 'personal', 'unlabelled']),
  label: z.string().nullable(),
  detail: z.string().nullable(),
  href: z.string().nullable(),
});

export const auditEntry = z.object({
  id: z.number().int(),
  organisationId: z.uuid(),
  organisation: recordRef.describe("The organisation whose hash chain holds the entry"),
  seq: z.number().int().describe("The entry's position in its organisation's hash chain (1, 2, 3, …; a gap or a changed entry breaks the chain)"),
  at: z.iso.datetime(),
  actorAccountId: z.uuid().nullable(),
  actor: recordRef.nullable().describe('The acting account; null: Lotse itself or someone without an account'),
  action: z.string(),
  recordType: z.string(),
  recordIds: z.array(z.string()),
  records: z.array(recordRef).describe('The records named, in the order of recordIds'),
  requestId: z.string().nullable(),
});
export const auditPage = z.object({ entries: z.array(auditEntry), nextBefore: z.number().int().nullable() });

/** GET /api/audit/filter-options: the accounts the reader may filter by. */
export const auditFilterOptions = z.object({
  accounts: z.array(z.object({ id: z.uuid(), label: z.string(), organisation: z.string() })),
});

// ---- Security log (refused attempts) ----

export const securityEventKind = z.enum([
  'login.failed',
  'login.locked',
  'login.rate-limited',
  'totp.failed',
  'access.unauthenticated',
  'access.forbidden',
  'csrf.rejected',
  'origin.rejected',
  'password-reset.rate-limited',
]);

export const securityEventsQuery = z
  .object({
    before: z.coerce.number().int().positive().optional().describe('Only events older than this id (the previous page\'s nextBefore)'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const securityEvent = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    kind: securityEventKind,
    accountId: z.uuid().nullable().describe('The account the attempt named, when known'),
    method: z.string().nullable(),
    route: z.string().nullable(),
    requestId: z.string().nullable(),
    ip: z
      .string()
      .nullable()
      .describe("The caller's address: only for the city admin (who answers for the whole system); always null for a provider admin, whose staff's addresses are not theirs to see"),
  })
  .describe('A refused attempt (wrong password, missing role, rejected CSRF token, …)');

export const securityEventPage = z
  .object({ events: z.array(securityEvent), nextBefore: z.number().int().nullable() })
  .describe("Security log, newest first: the city admin sees every organisation's events and those naming no organisation, with addresses; a provider admin its own organisation's, without addresses");
