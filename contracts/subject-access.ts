import { z } from 'zod';

/**
 * Subject access (DSGVO Art. 15) and erasure on request (Art. 17) of one person of a case file.
 * The export is everything the provider holds about the person, in sections that the modules
 * contribute (server/subject-access.ts); each entry is a flat record, field name → value.
 */

/** Languages the printed export has its headings and labels in (German beside the chosen one). */
export const SUBJECT_ACCESS_LANGUAGES = ['de', 'en', 'ar', 'fa', 'uk', 'ru'] as const;
export const subjectAccessLanguage = z.enum(SUBJECT_ACCESS_LANGUAGES);
export type SubjectAccessLanguage = z.infer<typeof subjectAccessLanguage>;

const value = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const subjectAccessExport = z
  .object({
    /** When the export was made (server clock). */
    generatedAt: z.iso.datetime(),
    provider: z.object({ id: z.uuid(), name: z.string() }),
    personId: z.uuid(),
    householdId: z.uuid(),
    /** In the order shown: person, household, then each module's part. */
    sections: z.array(z.object({ name: z.string(), entries: z.array(z.record(z.string(), value)) })),
  })
  .describe('Everything the provider holds about one person (DSGVO Art. 15)');
export type SubjectAccessExport = z.infer<typeof subjectAccessExport>;

/** GET /api/people/:id/subject-access.pdf: `language` beside German; without it, the person's recorded language. */
export const subjectAccessPdfQuery = z.object({ language: subjectAccessLanguage.optional() }).strict();

/** Why a person's data is erased: a code, never free text (the log keeps no personal data). */
export const ERASURE_REASONS = ['subject_request', 'consent_withdrawn', 'unlawful_processing'] as const;
export const erasureReason = z.enum(ERASURE_REASONS);

/** POST /api/people/:id/erase: the person (or its whole household) with the person's version read. */
export const erasePersonBody = z
  .object({
    version: z.number().int().min(1),
    reason: erasureReason,
    /** Erase the whole household (every member, the case file and the household itself). */
    wholeHousehold: z.boolean().default(false),
  })
  .strict();

/** What was erased: ids and counts only. */
export const erasureResult = z.object({
  householdId: z.uuid(),
  personIds: z.array(z.uuid()),
  wholeHousehold: z.boolean(),
  /** Records touched per section (deleted or anonymised), and the people and households deleted. */
  counts: z.record(z.string(), z.number().int()),
});
export type ErasureResult = z.infer<typeof erasureResult>;
