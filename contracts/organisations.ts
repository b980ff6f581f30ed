import { z } from 'zod';
import { organisationKind } from './identity.ts';

/** Organisations: the city and the providers (Träger). Managed by city_admin. */
export const organisation = z
  .object({
    id: z.uuid(),
    kind: organisationKind,
    name: z.string(),
    requireTotp: z.boolean().describe('Staff whose role shows personal data must log in with a second factor'),
    createdAt: z.iso.datetime(),
    archivedAt: z.iso.datetime().nullable().describe('Archived organisations and their staff cannot log in'),
  })
  .describe('An organisation');
export type Organisation = z.infer<typeof organisation>;

export const organisationList = z.array(organisation);

export const organisationListQuery = z
  .object({ archived: z.enum(['include', 'exclude']).default('exclude').describe('Whether to list archived organisations') })
  .strict();

export const createOrganisationBody = z
  .object({
    kind: organisationKind,
    name: z.string().trim().min(1).max(200),
    requireTotp: z.boolean().default(false),
  })
  .strict();

export const updateOrganisationBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    requireTotp: z.boolean().optional(),
    archived: z.boolean().optional().describe('true archives (ends every session of its staff), false restores; not one\'s own organisation'),
  })
  .strict();
