import { z } from 'zod';
import { isoDate } from './common.ts';

export const memberKind = z.enum(['district', 'locality']);

export const regionMember = z.object({
  code: z.string(),
  name: z.string(),
  kind: memberKind,
});

export const region = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  members: z.array(regionMember),
});
export type Region = z.infer<typeof region>;

export const regionsQuery = z.object({ at: isoDate.optional() }).strict();
export const regionList = z.array(region);

export const quarter = z.object({
  code: z.string(),
  name: z.string(),
  members: z.array(z.object({ code: z.string(), name: z.string(), kind: memberKind, region: z.object({ code: z.string(), name: z.string() }).nullable() })),
});
export const quarterList = z.array(quarter);

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase ASCII slug').max(60);

export const createRegion = z.object({ code: slug, name: z.string().trim().min(1).max(120), description: z.string().max(2000).default('') }).strict();
export const updateRegion = z.object({ name: z.string().trim().min(1).max(120).optional(), description: z.string().max(2000).optional() }).strict();
export const regionCodeParams = z.object({ code: slug }).strict();
export const memberCodeParams = z.object({ code: slug }).strict();

export const createMember = z
  .object({ code: slug, name: z.string().trim().min(1).max(120), kind: memberKind, regionCode: slug, validFrom: isoDate })
  .strict();

/** Moves a member to another region from a date on: the current membership ends that day. */
export const moveMember = z.object({ regionCode: slug, validFrom: isoDate }).strict();

export const membershipHistory = z.array(
  z.object({ region: z.object({ code: z.string(), name: z.string() }), validFrom: isoDate, validTo: isoDate.nullable() }),
);
