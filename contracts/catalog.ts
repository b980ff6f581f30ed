import { z } from 'zod';
import { isoDate } from './common.ts';

export const integrationArea = z.object({
  code: z.string(),
  /** The label in the request's language (German when none is kept for it). */
  name: z.string(),
  names: z.record(z.string(), z.string()),
  sensitivity: z.enum(['normal', 'special']),
});
export const integrationAreaList = z.array(integrationArea);

/** A service block (Baustein): basic, open_consultation, specialist. */
export const serviceBlock = z.object({
  code: z.string(),
  /** The label in the request's language (German when none is kept for it). */
  name: z.string(),
  names: z.record(z.string(), z.string()),
});
export const serviceBlockList = z.array(serviceBlock);

// The service catalog (Leistungskatalog): versions the city publishes, services per version.

export const catalogCounting = z.enum(['contacts', 'minutes']);
export const catalogVersionStatus = z.enum(['draft', 'published']);
const catalogCode = z.string().trim().min(1).max(60).regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase ASCII code');
const labelText = z.string().trim().min(1).max(200);
const descriptionText = z.string().trim().max(2000);

/** A service of one catalog version, labelled in the request's language (German when none is kept). */
export const catalogService = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  /** Stable across versions: a draft copies the codes of the version it is based on. */
  code: z.string(),
  name: z.string(),
  names: z.record(z.string(), z.string()),
  description: z.string(),
  descriptions: z.record(z.string(), z.string()),
  blockCode: z.string(),
  areaCode: z.string(),
  /** The area is a special category (DSGVO Art. 9): notes of entries under it are sealed. */
  sensitive: z.boolean(),
  counting: catalogCounting,
  active: z.boolean(),
  position: z.number().int(),
});
export type CatalogService = z.infer<typeof catalogService>;

export const catalogVersionSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  label: z.string(),
  status: catalogVersionStatus,
  /** An example catalog shipped with Lotse (Beispielkatalog), for the city to replace with its own. */
  example: z.boolean(),
  /** Set when published: entries from this day on are documented under it. */
  validFrom: z.string().nullable(),
  /** The current catalog: the published version with the highest number. */
  current: z.boolean(),
  basedOnNumber: z.number().int().nullable(),
  serviceCount: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  publishedBy: z.uuid().nullable(),
  publishedAt: z.string().nullable(),
});
export const catalogVersionList = z.array(catalogVersionSummary);
export const catalogVersion = catalogVersionSummary.extend({ services: z.array(catalogService) });
export type CatalogVersion = z.infer<typeof catalogVersion>;

export const catalogVersionParams = z.object({ id: z.uuid() }).strict();
export const catalogServiceParams = z.object({ id: z.uuid(), serviceId: z.uuid() }).strict();

/** A new draft: a copy of the current catalog. */
export const createCatalogDraft = z.object({ label: z.string().trim().min(1).max(120).optional() }).strict();
export const updateCatalogDraft = z.object({ label: z.string().trim().min(1).max(120).optional(), example: z.boolean().optional() }).strict();

const serviceNames = z.object({ de: labelText, en: labelText }).catchall(labelText);
const serviceDescriptions = z.record(z.string().regex(/^[a-z]{2}$/), descriptionText);

export const createCatalogService = z
  .object({
    code: catalogCode,
    names: serviceNames,
    descriptions: serviceDescriptions.default({}),
    blockCode: z.string().min(1).max(60),
    areaCode: z.string().min(1).max(60),
    counting: catalogCounting,
    active: z.boolean().default(true),
    /** Sort order; by default after the last service. */
    position: z.number().int().min(0).max(100000).optional(),
  })
  .strict();

/** Changes to a draft's service; `active: false` deactivates it (an old entry keeps it). */
export const updateCatalogService = z
  .object({
    code: catalogCode.optional(),
    names: serviceNames.optional(),
    descriptions: serviceDescriptions.optional(),
    blockCode: z.string().min(1).max(60).optional(),
    areaCode: z.string().min(1).max(60).optional(),
    counting: catalogCounting.optional(),
    active: z.boolean().optional(),
    position: z.number().int().min(0).max(100000).optional(),
  })
  .strict();

/** Publishing makes the draft the current catalog from `validFrom` (default: today, Berlin). */
export const publishCatalogDraft = z.object({ validFrom: isoDate.optional() }).strict();
