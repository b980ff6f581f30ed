import { z } from 'zod';

/**
 * Retention of closed case files: a case file closed longer than the retention period
 * (LOTSE_CASE_RETENTION_YEARS) is erased with its household and people, through the same erasure
 * as a request (Art. 17). The provider's administrator sees what is due — a dry run with the counts
 * each erasure would touch, nothing personal — and may erase it at once; the daily job erases what
 * is due. Statistics rows and audit entries stay.
 */

/** One closed case file due for erasure: ids, dates, the reason of closure and what would go, as counts. */
export const retentionDueEntry = z.object({
  caseFileId: z.uuid(),
  householdId: z.uuid(),
  /** A short label without names: the first characters of the case file's id. */
  label: z.string(),
  closedAt: z.iso.datetime(),
  closeReason: z.string().nullable(),
  /** Closure plus the retention period. */
  dueSince: z.iso.datetime(),
  /** Records each section would erase (deleted or anonymised), people and households: the dry run's answer. */
  counts: z.record(z.string(), z.number().int()),
  /** A record no erasure covers yet still names the household (e.g. a Fachleistung request): not erased until it does. */
  blocked: z.boolean(),
});
export type RetentionDueEntry = z.infer<typeof retentionDueEntry>;

export const retentionReview = z.object({
  retentionYears: z.number().int(),
  asOf: z.iso.datetime(),
  due: z.array(retentionDueEntry),
});
export type RetentionReview = z.infer<typeof retentionReview>;

/** Erase now: the case files chosen from the review; one no longer due (reopened, unknown) is skipped. */
export const retentionEraseBody = z.object({ caseFileIds: z.array(z.uuid()).min(1).max(500) }).strict();

export const retentionEraseResult = z.object({
  erased: z.array(z.object({ caseFileId: z.uuid(), counts: z.record(z.string(), z.number().int()) })),
  /** Chosen but not erased: not due (or not this provider's), or blocked. */
  skipped: z.array(z.uuid()),
});
export type RetentionEraseResult = z.infer<typeof retentionEraseResult>;
