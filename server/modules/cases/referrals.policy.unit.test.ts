import { describe, expect, it } from 'vitest';
import { REFERRAL_STATES } from '#contracts/referrals.ts';
import { followUpDue, isOpenReferral, nextStates, referralChangeErrors, referralInputErrors } from './referrals.policy.ts';

describe('referral rules', () => {
  it('goes sent → accepted → done, or rejected; done and rejected are final', () => {
    expect(nextStates('sent')).toEqual(['accepted', 'rejected', 'done']);
    expect(nextStates('accepted')).toEqual(['done', 'rejected']);
    expect(nextStates('done')).toEqual([]);
    expect(nextStates('rejected')).toEqual([]);
    expect(REFERRAL_STATES.filter(isOpenReferral)).toEqual(['sent', 'accepted']);
  });

  it('asks for a purpose and a follow-up not before today', () => {
    expect(referralInputErrors({ purpose: ' ', followUpOn: '2026-11-30' }, '2026-12-01').map((e) => e.field)).toEqual(['purpose', 'followUpOn']);
    expect(referralInputErrors({ purpose: 'Kita', followUpOn: '2026-12-01' }, '2026-12-01')).toEqual([]);
  });

  it('refuses a step that does not exist, a final state without an outcome, a follow-up before the day it was sent', () => {
    const sent = { state: 'sent', sentOn: '2026-12-01', outcome: '' } as const;
    expect(referralChangeErrors(sent, { state: 'accepted' })).toEqual([]);
    expect(referralChangeErrors(sent, { state: 'sent' })).toEqual([]);
    expect(referralChangeErrors(sent, { state: 'rejected' }).map((e) => e.key)).toEqual(['field.outcomeRequired']);
    expect(referralChangeErrors({ ...sent, state: 'done', outcome: 'ok' }, { state: 'sent' }).map((e) => e.key)).toEqual(['field.referralStep']);
    expect(referralChangeErrors({ ...sent, state: 'done', outcome: 'ok' }, { outcome: ' ' }).map((e) => e.key)).toEqual(['field.outcomeRequired']);
    expect(referralChangeErrors(sent, { followUpOn: '2026-11-30' }).map((e) => e.key)).toEqual(['field.followUpBeforeSent']);
  });

  it('puts an open referral\'s follow-up on the worklist from 14 days ahead, and keeps it while overdue', () => {
    expect(followUpDue('2026-12-15', 'sent', '2026-12-01')).toBe(true);
    expect(followUpDue('2026-12-16', 'sent', '2026-12-01')).toBe(false);
    expect(followUpDue('2026-11-01', 'accepted', '2026-12-01')).toBe(true);
    expect(followUpDue('2026-12-01', 'done', '2026-12-01')).toBe(false);
    expect(followUpDue(null, 'sent', '2026-12-01')).toBe(false);
  });
});
