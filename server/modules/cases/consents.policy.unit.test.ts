import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, CONSENT_RECIPIENT_KINDS } from '#contracts/consents.ts';
import { berlinDate } from '#server/time.ts';
import { consentCovers, consentInputErrors, consentStateAt, recipientKey, type ConsentFacts } from './consents.policy.ts';

const PERSON = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const NOON = new Date('2026-06-15T10:00:00Z');
const base: ConsentFacts = { id: 'c1', personId: PERSON, purpose: 'referral', recipientKind: 'partner', recipient: 'Jobcenter Dresden', givenOn: '2026-06-01', validUntil: null, withdrawnAt: null };
const ask = (over: Partial<Parameters<typeof consentCovers>[1]> = {}) => ({ personId: PERSON, purpose: 'referral' as const, recipient: { kind: 'partner' as const, name: 'Jobcenter Dresden' }, at: NOON, ...over });

describe('consentCovers', () => {
  it('covers with a consent given before, not withdrawn, open-ended, same purpose and recipient', () => {
    expect(consentCovers([base], ask())).toEqual({ covers: true, consent: base });
    expect(consentCovers([base], ask({ recipient: { kind: 'partner', name: '  jobcenter   DRESDEN ' } })).covers).toBe(true);
  });

  it('holds on the day given and on the last day valid (Europe/Berlin days)', () => {
    expect(consentCovers([{ ...base, givenOn: '2026-06-15' }], ask()).covers).toBe(true);
    expect(consentCovers([{ ...base, validUntil: '2026-06-15' }], ask()).covers).toBe(true);
    // 23:30 UTC on the 14th is already the 15th in Berlin
    expect(consentCovers([{ ...base, givenOn: '2026-06-15' }], ask({ at: new Date('2026-06-14T23:30:00Z') })).covers).toBe(true);
  });

  it('names what is missing and why: none, another purpose, recipient or person', () => {
    const none = { covers: false, missing: { personId: PERSON, purpose: 'transfer', recipient: { kind: 'partner', name: 'Jobcenter Dresden' } }, gap: 'none' };
    expect(consentCovers([], ask({ purpose: 'transfer' }))).toEqual(none);
    expect(consentCovers([base], ask({ purpose: 'transfer' }))).toEqual(none);
    expect(consentCovers([base], ask({ recipient: { kind: 'partner', name: 'Ausländerbehörde' } }))).toMatchObject({ covers: false, gap: 'none' });
    expect(consentCovers([base], ask({ recipient: { kind: 'receiving_provider', name: 'Jobcenter Dresden' } }))).toMatchObject({ covers: false, gap: 'none' });
    expect(consentCovers([base], ask({ personId: OTHER }))).toMatchObject({ covers: false, gap: 'none', missing: { personId: OTHER } });
  });

  it('refuses a consent withdrawn (at once), expired, or given later, saying which', () => {
    expect(consentCovers([{ ...base, withdrawnAt: NOON }], ask())).toMatchObject({ covers: false, gap: 'withdrawn' });
    expect(consentCovers([{ ...base, withdrawnAt: new Date(NOON.getTime() + 1) }], ask()).covers).toBe(true);
    expect(consentCovers([{ ...base, validUntil: '2026-06-14' }], ask())).toMatchObject({ covers: false, gap: 'expired' });
    expect(consentCovers([{ ...base, givenOn: '2026-06-16' }], ask())).toMatchObject({ covers: false, gap: 'not_yet_given' });
    // a valid one beside a withdrawn one covers
    expect(consentCovers([{ ...base, id: 'old', withdrawnAt: NOON }, { ...base, id: 'new' }], ask())).toMatchObject({ covers: true, consent: { id: 'new' } });
  });

  const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const facts = fc.record({
    id: fc.uuid(),
    personId: fc.constantFrom(PERSON, OTHER),
    purpose: fc.constantFrom(...CONSENT_PURPOSES),
    recipientKind: fc.constantFrom(...CONSENT_RECIPIENT_KINDS),
    recipient: fc.constantFrom('Jobcenter Dresden', 'jobcenter dresden', 'AWO', 'Caritas'),
    givenOn: day,
    validUntil: fc.option(day, { nil: null }),
    withdrawnAt: fc.option(fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-03-01T00:00:00Z'), noInvalidDate: true }), { nil: null }),
  });
  const question = fc.record({
    personId: fc.constantFrom(PERSON, OTHER),
    purpose: fc.constantFrom(...CONSENT_PURPOSES),
    recipient: fc.record({ kind: fc.constantFrom(...CONSENT_RECIPIENT_KINDS), name: fc.constantFrom('Jobcenter Dresden', 'AWO', 'Caritas') }),
    at: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-03-01T00:00:00Z'), noInvalidDate: true }),
  });

  it('covers exactly when one consent meets every rule (property)', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 6 }), question, (consents, q) => {
        const today = berlinDate(q.at);
        const holds = (c: ConsentFacts) =>
          c.personId === q.personId && c.purpose === q.purpose && c.recipientKind === q.recipient.kind && recipientKey(c.recipient) === recipientKey(q.recipient.name) && c.givenOn <= today && (c.validUntil === null || c.validUntil >= today) && (c.withdrawnAt === null || c.withdrawnAt > q.at);
        const answer = consentCovers(consents, q);
        expect(answer.covers).toBe(consents.some(holds));
        if (answer.covers) expect(holds(answer.consent)).toBe(true);
        else expect(answer.missing).toEqual({ personId: q.personId, purpose: q.purpose, recipient: q.recipient });
      }),
    );
  });

  it('a withdrawal never widens what is covered, and adding a consent never narrows it (property)', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 5 }), facts, question, (consents, extra, q) => {
        const before = consentCovers(consents, q).covers;
        if (before) expect(consentCovers([...consents, extra], q).covers).toBe(true);
        const withdrawn = consents.map((c) => ({ ...c, withdrawnAt: q.at }));
        expect(consentCovers(withdrawn, q).covers).toBe(false);
      }),
    );
  });
});

describe('consentStateAt', () => {
  it('is withdrawn once withdrawn, expired after its last day, valid otherwise', () => {
    expect(consentStateAt(base, NOON)).toBe('valid');
    expect(consentStateAt({ ...base, validUntil: '2026-06-15' }, NOON)).toBe('valid');
    expect(consentStateAt({ ...base, validUntil: '2026-06-14' }, NOON)).toBe('expired');
    expect(consentStateAt({ ...base, validUntil: '2026-06-14', withdrawnAt: new Date('2026-06-01T08:00:00Z') }, NOON)).toBe('withdrawn');
  });
});

describe('consentInputErrors', () => {
  const input = { recipient: 'AWO', method: 'verbal_witnessed' as const, witnessName: 'Frau Weber', givenOn: '2026-06-15', validUntil: null };
  it('accepts a verbal consent with a witness, and paper without one', () => {
    expect(consentInputErrors(input, '2026-06-15')).toEqual([]);
    expect(consentInputErrors({ ...input, method: 'signed_paper', witnessName: '', validUntil: '2026-06-15' }, '2026-06-15')).toEqual([]);
  });
  it('names every field at once: recipient, witness, given in the future, until before given', () => {
    expect(consentInputErrors({ recipient: ' ', method: 'verbal_witnessed', witnessName: '', givenOn: '2026-06-16', validUntil: '2026-06-10' }, '2026-06-15')).toEqual([
      { field: 'recipient', key: 'field.required' },
      { field: 'witnessName', key: 'field.witnessRequired' },
      { field: 'givenOn', key: 'field.notInFuture' },
      { field: 'validUntil', key: 'field.untilBeforeGiven' },
    ]);
    expect(consentInputErrors({ ...input, method: 'signed_paper' }, '2026-06-15')).toEqual([{ field: 'witnessName', key: 'field.witnessOnlyVerbal' }]);
  });
});
