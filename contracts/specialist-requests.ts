import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Fachleistung (`specialist_request`, decision 0016): the provider applies to the city for hours of
 * specialist support for a household — needs against the criteria catalog, a forecast of hours over
 * the next 12 months of at least the city's threshold, a justification. The city's coordinator
 * approves (hours, from, until: at most 12 months) or rejects with a reason; an extension is a new
 * request naming the approval. Delivered hours are the household's service entries in the
 * `specialist` building block within the approval's period.
 *
 * Two views: the provider's (`specialistRequest`, on the household page) and the city's
 * (`cityRequest`): the household under its pseudonym, the provider by name, the region, and
 * nothing of the case file — no name, no note, no plan, no letter.
 */

export const SPECIALIST_REQUEST_STATES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export const specialistRequestState = z.enum(SPECIALIST_REQUEST_STATES);
export type SpecialistRequestState = z.infer<typeof specialistRequestState>;
export const SPECIALIST_REQUEST_KINDS = ['initial', 'extension'] as const;
export const specialistRequestKind = z.enum(SPECIALIST_REQUEST_KINDS);

/** POST /api/households/:id/specialist-requests: a draft, or submitted at once (`submit`). */
export const applySpecialistBody = z
  .object({
    criteria: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
    forecastHours: z.number().int().min(1).max(2000),
    justification: z.string().trim().min(1).max(4000),
    /** An extension names the approval it extends. */
    extendsId: z.uuid().nullable().default(null),
    submit: z.boolean().default(false),
  })
  .strict();
export type ApplySpecialistInput = z.input<typeof applySpecialistBody>;

/** POST /api/specialist-requests/:id/submit: with the version read. */
export const submitSpecialistBody = z.object({ version: z.number().int().min(1) }).strict();

/** POST /api/specialist-requests/:id/decide: the city's decision, with the version read. */
export const decideSpecialistBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), version: z.number().int().min(1), approvedHours: z.number().int().min(1).max(2000), approvedFrom: isoDate, approvedUntil: isoDate, reason: z.string().trim().max(2000).default('') }).strict(),
  z.object({ decision: z.literal('reject'), version: z.number().int().min(1), reason: z.string().trim().min(1).max(2000) }).strict(),
]);
export type DecideSpecialistInput = z.input<typeof decideSpecialistBody>;

const named = z.object({ id: z.uuid(), name: z.string() });
const criterion = z.object({ code: z.string(), label: z.string() });

/** What both sides see of a request's content and decision. */
const requestCore = {
  id: z.uuid(),
  kind: specialistRequestKind,
  extendsId: z.uuid().nullable(),
  state: specialistRequestState,
  regionCode: z.string(),
  criteria: z.array(criterion),
  forecastHours: z.number().int(),
  justification: z.string(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  approvedHours: z.number().int().nullable(),
  approvedFrom: isoDate.nullable(),
  approvedUntil: isoDate.nullable(),
  decisionReason: z.string(),
  /** Hours delivered within the approval's period (service entries of the `specialist` block), to the quarter hour. */
  deliveredHours: z.number().nullable(),
  version: z.number().int(),
  permittedActions: z.array(z.string()),
};

export const specialistRequest = z.object({ ...requestCore, householdId: z.uuid(), createdBy: named.nullable(), createdAt: z.iso.datetime({ offset: true }) });
export type SpecialistRequest = z.infer<typeof specialistRequest>;

/** GET /api/households/:id/specialist-requests: newest first; the catalog and threshold to apply against. */
export const specialistRequestList = z.object({
  requests: z.array(specialistRequest),
  criteria: z.array(criterion),
  thresholdHours: z.number().int(),
  permittedActions: z.array(z.string()),
});
export type SpecialistRequestList = z.infer<typeof specialistRequestList>;

/** The city's view: the household by pseudonym, the provider by name; nothing of the case file. */
export const cityRequest = z.object({ ...requestCore, pseudonym: z.string(), provider: named }).strict();
export type CityRequest = z.infer<typeof cityRequest>;

export const cityRequestQuery = z.object({ state: specialistRequestState.optional() }).strict();
export const cityRequestList = z.object({ requests: z.array(cityRequest), thresholdHours: z.number().int() });
export type CityRequestList = z.infer<typeof cityRequestList>;

/** The city's setting: the threshold in force (the configured default until the city sets one; version 0 then). */
export const specialistSetting = z.object({ thresholdHours: z.number().int(), defaultHours: z.number().int(), updatedAt: z.iso.datetime({ offset: true }).nullable(), version: z.number().int() });
export type SpecialistSetting = z.infer<typeof specialistSetting>;
/** PUT /api/specialist-settings: with the version read (0 while the default holds). */
export const specialistSettingBody = z.object({ thresholdHours: z.number().int().min(1).max(2000), version: z.number().int().min(0) }).strict();
