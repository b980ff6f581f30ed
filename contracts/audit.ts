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
