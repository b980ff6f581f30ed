import type { ConsentPurpose, ConsentRecipientKind, ConsentState } from '#contracts/consents.ts';
import { berlinDate } from '#server/time.ts';

/**
 * Rules of consent as data: pure functions, tested in consents.policy.unit.test.ts. Referrals and
 * transfers ask `consentCovers` (through cases.public.ts) before anything leaves the provider, and
 * refuse with what is missing when it answers no.
 */

/** What a consent covers, as the rules read it (a row of the table, or the API's shape). */
export interface ConsentFacts {
  id: string;
  personId: string;
  purpose: ConsentPurpose;
  recipientKind: ConsentRecipientKind;
  recipient: string;
  givenOn: string;
  validUntil: string | null;
  withdrawnAt: Date | null;
}

export interface ConsentRecipient {
  kind: ConsentRecipientKind;
  name: string;
}

export interface ConsentQuestion {
  personId: string;
  purpose: ConsentPurpose;
  recipient: ConsentRecipient;
  /** The moment the sharing would happen (its day in Europe/Berlin counts for given and valid until). */
  at: Date;
}

/** Why no consent covers: none for this purpose and recipient at all, or the nearest one is not (or no longer) valid. */
export type ConsentGap = 'none' | 'not_yet_given' | 'expired' | 'withdrawn';

export type ConsentAnswer =
  | { covers: true; consent: ConsentFacts }
  | { covers: false; missing: { personId: string; purpose: ConsentPurpose; recipient: ConsentRecipient }; gap: ConsentGap };

/** A recipient's name as compared: Unicode NFC, spaces collapsed, case folded ("AWO  Sachsen" is "awo sachsen"). */
export function recipientKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('de');
}

/** Whether the consent names this person, purpose and recipient (valid or not). */
function sameSubject(c: ConsentFacts, q: Omit<ConsentQuestion, 'at'>): boolean {
  return c.personId === q.personId && c.purpose === q.purpose && c.recipientKind === q.recipient.kind && recipientKey(c.recipient) === recipientKey(q.recipient.name);
}

/** Why one consent of the right subject does not hold at `at`, or null when it does. */
function gapAt(c: ConsentFacts, at: Date): Exclude<ConsentGap, 'none'> | null {
  const day = berlinDate(at);
  if (c.withdrawnAt && c.withdrawnAt.getTime() <= at.getTime()) return 'withdrawn';
  if (c.givenOn > day) return 'not_yet_given';
  if (c.validUntil !== null && c.validUntil < day) return 'expired';
  return null;
}

/**
 * Whether a valid consent covers sharing with this recipient for this purpose about this person at
 * `at`: given on or before that day, not withdrawn by then (a withdrawal takes effect at once),
 * valid until that day or open-ended, the same purpose and the same recipient. When none does, the
 * answer names what is missing and why the nearest one does not hold.
 */
export function consentCovers(consents: readonly ConsentFacts[], question: ConsentQuestion): ConsentAnswer {
  const subject = consents.filter((c) => sameSubject(c, question));
  const valid = subject.find((c) => gapAt(c, question.at) === null);
  if (valid) return { covers: true, consent: valid };
  const gaps = subject.map((c) => gapAt(c, question.at));
  // The nearest miss: one that ran out or was withdrawn says more than "none" (most telling first).
  const gap: ConsentGap = (['expired', 'withdrawn', 'not_yet_given'] as const).find((g) => gaps.includes(g)) ?? 'none';
  return { covers: false, missing: { personId: question.personId, purpose: question.purpose, recipient: question.recipient }, gap };
}

/** A consent's state at `now`, as the household page shows it. */
export function consentStateAt(c: Pick<ConsentFacts, 'validUntil' | 'withdrawnAt'>, now: Date): ConsentState {
  if (c.withdrawnAt && c.withdrawnAt.getTime() <= now.getTime()) return 'withdrawn';
  if (c.validUntil !== null && c.validUntil < berlinDate(now)) return 'expired';
  return 'valid';
}

export interface ConsentInputFacts {
  recipient: string;
  method: 'signed_paper' | 'verbal_witnessed';
  witnessName: string;
  givenOn: string;
  validUntil: string | null;
}

/** The field errors of a consent to record, all at once (keys of the `errors` namespace). */
export function consentInputErrors(input: ConsentInputFacts, today: string): { field: string; key: string }[] {
  const errors: { field: string; key: string }[] = [];
  if (!input.recipient.trim()) errors.push({ field: 'recipient', key: 'field.required' });
  if (input.method === 'verbal_witnessed' && !input.witnessName.trim()) errors.push({ field: 'witnessName', key: 'field.witnessRequired' });
  if (input.method === 'signed_paper' && input.witnessName.trim()) errors.push({ field: 'witnessName', key: 'field.witnessOnlyVerbal' });
  if (input.givenOn > today) errors.push({ field: 'givenOn', key: 'field.notInFuture' });
  if (input.validUntil !== null && input.validUntil < input.givenOn) errors.push({ field: 'validUntil', key: 'field.untilBeforeGiven' });
  return errors;
}
