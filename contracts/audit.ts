import { z } from 'zod';

export const auditQuery = z
  .object({
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const auditEntry = z.object({
  id: z.number().int(),
  organisationId: z.uuid(),
  seq: z.number().int(),
  at: z.iso.datetime(),
  actorAccountId: z.uuid().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordIds: z.array(z.string()),
  requestId: z.string().nullable(),
});
export const auditPage = z.object({ entries: z.array(auditEntry), nextBefore: z.number().int().nullable() });

// ---- Security log (refused attempts) ----

export const securityEventKind = z.enum([
  'login.failed',
  'login.locked',
  'login.rate-limited',
  'totp.failed',
  'access.unauthenticated',
  'access.forbidden',
  'csrf.rejected',
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
