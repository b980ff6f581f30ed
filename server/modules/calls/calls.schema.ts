import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { organisation } from '../identity/identity.schema.ts';
import { region } from '../regions/regions.schema.ts';

/**
 * Leistungsvereinbarung: provider × region × validity period [valid_from, valid_to). It gives a
 * provider's staff the work of a region, today and in history. Later calls create them; the demo
 * has one per region. One provider per region at a time (exclusion constraint, custom migration).
 */
export const serviceAgreement = pgTable(
  'service_agreement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => organisation.id),
    regionId: uuid('region_id').notNull().references(() => region.id),
    reference: text('reference').notNull().default(''),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [index('service_agreement_provider_idx').on(t.providerId), index('service_agreement_region_idx').on(t.regionId)],
);
