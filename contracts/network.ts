import { z } from 'zod';

/**
 * The social space's partners (sozialräumliche Koordinierung): language course providers, the
 * Jobcenter, health services, Kitas and schools, counselling services. Each provider keeps its own
 * list per region until a later issue makes the network public; a partner is archived, never
 * deleted. A referral names one of them, and a consent names it as its recipient by name.
 */

export const PARTNER_KINDS = ['language_course', 'jobcenter', 'health', 'kita_school', 'counselling', 'other'] as const;
export const partnerKind = z.enum(PARTNER_KINDS);
export type PartnerKind = z.infer<typeof partnerKind>;

const text = (max: number) => z.string().trim().max(max);

/** GET /api/partners: the provider's partners, in one region or all it reaches; archived ones on request. */
export const partnersQuery = z
  .object({
    regionCode: z.string().min(1).max(40).optional(),
    includeArchived: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  })
  .strict();

/** POST /api/partners (the provider's administrator). */
export const createPartnerBody = z
  .object({
    regionCode: z.string().min(1).max(40),
    kind: partnerKind,
    name: text(200).min(1),
    contact: text(1000).default(''),
  })
  .strict();
export type CreatePartnerInput = z.input<typeof createPartnerBody>;

/** PATCH /api/partners/:id with the version read; `archived` archives or restores. */
export const updatePartnerBody = z
  .object({
    version: z.number().int().min(1),
    kind: partnerKind.optional(),
    name: text(200).min(1).optional(),
    contact: text(1000).optional(),
    archived: z.boolean().optional(),
  })
  .strict();

export const partner = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  kind: partnerKind,
  name: z.string(),
  contact: z.string(),
  archived: z.boolean(),
  version: z.number().int(),
});
export type Partner = z.infer<typeof partner>;

export const partnerList = z.object({
  partners: z.array(partner),
  /** What the actor may do with the list (partner.manage for the provider's administrator). */
  permittedActions: z.array(z.string()),
});
export type PartnerList = z.infer<typeof partnerList>;
