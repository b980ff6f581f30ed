import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Case work done with a household: service entries (Leistungsnachweise) coded against the service
 * catalog in force on their day. Social data (SGB X): provider staff only, every read audited.
 * Notes in a sensitive integration area, or marked sensitive, are sealed at field level.
 */

export const SETTINGS = ['office', 'home_visit', 'phone', 'video', 'outreach', 'group'] as const;
export const setting = z.enum(SETTINGS);
export type Setting = z.infer<typeof setting>;

const language = z.string().regex(/^[a-z]{2,3}$/);

export const createServiceEntryBody = z
  .object({
    occurredOn: isoDate,
    minutes: z.number().int().min(1).max(720).default(30),
    serviceId: z.uuid(),
    setting: setting.default('office'),
    /** The person(s) counselled (at least one) … */
    counselledIds: z.array(z.uuid()).min(1).max(20),
    /** … and the family members counselled alongside (funders count them apart). */
    alongsideIds: z.array(z.uuid()).max(20).default([]),
    /** The language the counselling was held in (ISO 639). */
    language: language.default('de'),
    interpreter: z.boolean().default(false),
    note: z.string().trim().max(4000).default(''),
    /** Seal the note whatever the area (a note the household asked to keep close). */
    sensitive: z.boolean().default(false),
  })
  .strict();

export const updateServiceEntryBody = createServiceEntryBody
  .omit({ occurredOn: true, serviceId: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const serviceEntry = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  occurredOn: isoDate,
  minutes: z.number().int(),
  service: z.object({ id: z.uuid(), code: z.string(), name: z.string(), areaCode: z.string(), blockCode: z.string(), versionId: z.uuid(), versionNumber: z.number().int() }),
  setting,
  counselledIds: z.array(z.uuid()),
  alongsideIds: z.array(z.uuid()),
  language: z.string(),
  interpreter: z.boolean(),
  note: z.string(),
  /** The note is sealed at rest (sensitive area or marked sensitive). */
  sealed: z.boolean(),
  sensitive: z.boolean(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type ServiceEntry = z.infer<typeof serviceEntry>;

export const serviceEntryList = z.object({ entries: z.array(serviceEntry) });
export const serviceEntryListQuery = z.object({ limit: z.coerce.number<string>().int().min(1).max(200).default(50) }).strict();

/** A quick contact at an office without a case file (block open_consultation): never named. */
export const createQuickContactBody = z
  .object({
    occurredOn: isoDate,
    areaCodes: z.array(z.string().min(1).max(60)).min(1).max(9),
    language: language.default('de'),
    interpreter: z.boolean().default(false),
    countedPersons: z.number().int().min(1).max(50).default(1),
    minutes: z.number().int().min(1).max(720).default(15),
  })
  .strict();

export const quickContact = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  occurredOn: isoDate,
  areaCodes: z.array(z.string()),
  language: z.string(),
  interpreter: z.boolean(),
  countedPersons: z.number().int(),
  minutes: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type QuickContact = z.infer<typeof quickContact>;

/** The day to list; today (Berlin) when left out. */
export const quickContactListQuery = z.object({ date: isoDate.optional() }).strict();
export const quickContactList = z.object({ contacts: z.array(quickContact), totals: z.object({ contacts: z.number().int(), persons: z.number().int() }) });
