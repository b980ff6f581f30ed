import { z } from 'zod';

/** Calendar date in Europe/Berlin, ISO form. */
export const isoDate = z.iso.date().describe('YYYY-MM-DD');
export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() }).strict();

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');
