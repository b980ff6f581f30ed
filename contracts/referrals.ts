import { z } from 'zod';
import { isoDate } from './common.ts';
import { partnerKind } from './network.ts';

/**
 * Referrals (Vermittlung) from the case file: a person of a household referred to a partner of the
 * provider's network for a purpose, with its state (sent → accepted → done, or rejected), a
 * follow-up date that lands on the worklist, and the outcome. Refused with 409 `consent-missing`
 * (naming the person, the partner and why) without a valid consent of the person for the purpose
 * 'referral' and that partner. Social data: provider staff only, every read audited.
 */

export const REFERRAL_STATES = ['sent', 'accepted', 'done', 'rejected'] as const;
export const referralState = z.enum(REFERRAL_STATES);
export type ReferralState = z.infer<typeof referralState>;

const text = (max: number) => z.string().trim().max(max);

/** POST /api/households/:id/referrals. */
export const createReferralBody = z
  .object({
    personId: z.uuid(),
    partnerId: z.uuid(),
    purpose: text(500).default(''),
    followUpOn: isoDate.nullable().default(null),
  })
  .strict();
export type CreateReferralInput = z.input<typeof createReferralBody>;

/** PATCH /api/referrals/:id with the version read: a state change (its allowed steps only), the follow-up date, the outcome. */
export const updateReferralBody = z
  .object({
    version: z.number().int().min(1),
    state: referralState.optional(),
    followUpOn: isoDate.nullable().optional(),
    outcome: text(2000).optional(),
  })
  .strict();

const named = z.object({ id: z.uuid(), name: z.string() });

export const referral = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  partner: z.object({ id: z.uuid(), name: z.string(), kind: partnerKind, contact: z.string() }),
  purpose: z.string(),
  state: referralState,
  /** The states it may move to from here. */
  nextStates: z.array(referralState),
  sentOn: isoDate,
  followUpOn: isoDate.nullable(),
  outcome: z.string(),
  createdBy: named.nullable(),
  stateChangedAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type Referral = z.infer<typeof referral>;

/** GET /api/households/:id/referrals: newest first; what the actor may do; whom and to which partners a referral may go. */
export const referralList = z.object({
  referrals: z.array(referral),
  permittedActions: z.array(z.string()),
  people: z.array(named),
  /** The provider's partners in the household's region (not archived). */
  partners: z.array(z.object({ id: z.uuid(), name: z.string(), kind: partnerKind })),
});
export type ReferralList = z.infer<typeof referralList>;
