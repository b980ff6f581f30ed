import type { ReferralState } from '#contracts/referrals.ts';
import type { FieldError } from '#server/platform/problem.ts';
import type { ConsentGap } from './consents.policy.ts';
import { addDays, DUE_SOON_DAYS } from './plans.policy.ts';

/**
 * Rules of referrals: pure functions, tested in referrals.policy.unit.test.ts. A referral is sent;
 * the partner accepts or rejects it; an accepted one is done (or rejected after all). Done and
 * rejected are final, each with its outcome.
 */

const STEPS: Record<ReferralState, readonly ReferralState[]> = {
  sent: ['accepted', 'rejected', 'done'],
  accepted: ['done', 'rejected'],
  done: [],
  rejected: [],
};

export function nextStates(state: ReferralState): ReferralState[] {
  return [...STEPS[state]];
}

export const isOpenReferral = (state: ReferralState): boolean => STEPS[state].length > 0;

/** The field errors of a new referral (keys of the `errors` namespace). */
export function referralInputErrors(input: { purpose: string; followUpOn: string | null }, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.purpose.trim()) errors.push({ field: 'purpose', key: 'field.required' });
  if (input.followUpOn !== null && input.followUpOn < today) errors.push({ field: 'followUpOn', key: 'field.followUpBeforeSent' });
  return errors;
}

/** The field errors of a change: a step the state may take, an outcome once done or rejected, a follow-up not before it was sent. */
export function referralChangeErrors(current: { state: ReferralState; sentOn: string; outcome: string }, change: { state?: ReferralState | undefined; followUpOn?: string | null | undefined; outcome?: string | undefined }): FieldError[] {
  const errors: FieldError[] = [];
  const state = change.state ?? current.state;
  if (change.state !== undefined && change.state !== current.state && !STEPS[current.state].includes(change.state)) errors.push({ field: 'state', key: 'field.referralStep' });
  const outcome = (change.outcome ?? current.outcome).trim();
  if ((state === 'done' || state === 'rejected') && !outcome) errors.push({ field: 'outcome', key: 'field.outcomeRequired' });
  if (change.followUpOn && change.followUpOn < current.sentOn) errors.push({ field: 'followUpOn', key: 'field.followUpBeforeSent' });
  return errors;
}

/** An open referral's follow-up lands on the worklist from DUE_SOON_DAYS before its day (and stays while overdue). */
export function followUpDue(followUpOn: string | null, state: ReferralState, today: string): boolean {
  return followUpOn !== null && isOpenReferral(state) && followUpOn <= addDays(today, DUE_SOON_DAYS);
}

/** The detail of the 409 `consent-missing`, by why no consent covers (keys of the `errors` namespace). */
export const CONSENT_GAP_DETAIL: Record<ConsentGap, string> = {
  none: 'details.consentMissing',
  expired: 'details.consentExpired',
  withdrawn: 'details.consentWithdrawn',
  not_yet_given: 'details.consentNotYetGiven',
};
