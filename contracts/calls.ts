import { z } from 'zod';
import { isoDate } from './common.ts';

export const serviceAgreement = z.object({
  id: z.uuid(),
  provider: z.object({ id: z.uuid(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  reference: z.string(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
});
export const serviceAgreementList = z.array(serviceAgreement);

export const createServiceAgreement = z
  .object({
    providerId: z.uuid(),
    regionCode: z.string().min(1).max(60),
    reference: z.string().trim().max(200).default(''),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
  })
  .strict();

export const updateServiceAgreement = z
  .object({ reference: z.string().trim().max(200).optional(), validTo: isoDate.nullable().optional() })
  .strict();
