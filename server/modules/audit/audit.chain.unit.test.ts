import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, entryHash, verifyChain, type ChainedFields } from './audit.chain.ts';

type Entry = ChainedFields & { id: number; hash: string };
type Payload = Pick<ChainedFields, 'at' | 'actorAccountId' | 'action' | 'recordType' | 'recordIds' | 'ip' | 'requestId'>;

const ORG = '6b1c4b5e-0d5c-4c8e-9a51-3f1f0c9e2a10';

/** Appends entries the way recordAudit does: seq+1, prevHash = previous hash. */
function buildChain(payloads: Payload[], organisationId = ORG): { entries: Entry[]; head: { seq: number; hash: string } } {
  const entries: Entry[] = [];
  let prev = GENESIS_HASH;
  payloads.forEach((p, i) => {
    const fields: ChainedFields = { ...p, organisationId, seq: i + 1, prevHash: prev };
    const hash = entryHash(fields);
    entries.push({ ...fields, id: 100 + i, hash });
    prev = hash;
  });
  return { entries, head: { seq: entries.length, hash: prev } };
}

const payload = (action: string, n: number): Payload => ({
  at: new Date(Date.UTC(2025, 0, 1, 12, 0, n)),
  actorAccountId: 'f3c1d2e4-1111-4222-8333-444455556666',
  action,
  recordType: 'account',
  recordIds: [`id-${n}`],
  ip: '10.0.0.1',
  requestId: `req-${n}`,
});

const five = (): ReturnType<typeof buildChain> =>
  buildChain(['account.create', 'account.update', 'session.login', 'account.disable', 'session.logout'].map((a, i) => payload(a, i)));

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const { entries, head } = five();
    expect(verifyChain(entries, head)).toBeNull();
    expect(verifyChain([], null)).toBeNull();
    expect(verifyChain([], { seq: 0, hash: GENESIS_HASH })).toBeNull();
  });

  it('detects an altered field and names the entry', () => {
    const { entries, head } = five();
    const altered = entries.map((e) => (e.seq === 3 ? { ...e, action: 'session.logout' } : e));
    expect(verifyChain(altered, head)).toEqual({ organisationId: ORG, seq: 3, id: 102, reason: 'hash-mismatch' });
  });

  it('detects an altered entry whose hash was recomputed (the next link breaks)', () => {
    const { entries, head } = five();
    const altered = entries.map((e) => {
      if (e.seq !== 2) return e;
      const changed = { ...e, recordIds: ['someone-else'] };
      return { ...changed, hash: entryHash(changed) };
    });
    expect(verifyChain(altered, head)).toEqual({ organisationId: ORG, seq: 3, id: 102, reason: 'broken-link' });
  });

  it('detects a removed middle entry', () => {
    const { entries, head } = five();
    const removed = entries.filter((e) => e.seq !== 3);
    expect(verifyChain(removed, head)).toMatchObject({ seq: 3, id: null, reason: 'missing-entry' });
  });

  it('detects a removed last entry through the head', () => {
    const { entries, head } = five();
    expect(verifyChain(entries.slice(0, -1), head)).toMatchObject({ seq: 5, reason: 'head-mismatch' });
  });

  it('detects a removed first entry', () => {
    const { entries, head } = five();
    expect(verifyChain(entries.slice(1), head)).toMatchObject({ seq: 1, reason: 'missing-entry' });
  });

  it('detects reordered entries', () => {
    const { entries, head } = five();
    const [a, b, c, ...rest] = entries;
    if (!a || !b || !c) throw new Error('chain too short');
    expect(verifyChain([a, c, b, ...rest], head)).toMatchObject({ seq: 2, reason: 'missing-entry' });
    // Swapping the seq numbers too, so the order by seq still looks gapless.
    const swapped = [a, { ...c, seq: 2 }, { ...b, seq: 3 }, ...rest];
    expect(verifyChain(swapped, head)).toMatchObject({ seq: 2, reason: 'broken-link' });
  });

  it('detects a replaced chain with a head that does not match', () => {
    const { entries } = five();
    const other = buildChain([payload('x', 1)]);
    expect(verifyChain(entries, other.head)).toMatchObject({ reason: 'head-mismatch' });
  });
});

const payloadArb: fc.Arbitrary<Payload> = fc.record({
  at: fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms)),
  actorAccountId: fc.option(fc.uuid(), { nil: null }),
  action: fc.string({ minLength: 1, maxLength: 30 }),
  recordType: fc.string({ minLength: 1, maxLength: 20 }),
  recordIds: fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }),
  ip: fc.option(fc.ipV4(), { nil: null }),
  requestId: fc.option(fc.uuid(), { nil: null }),
});

const FIELDS = ['organisationId', 'seq', 'at', 'actorAccountId', 'action', 'recordType', 'recordIds', 'ip', 'requestId', 'prevHash', 'hash'] as const;
type Field = (typeof FIELDS)[number];

/** A value for the field that certainly differs from the current one. */
function mutate(entry: Entry, field: Field, salt: string): Entry {
  switch (field) {
    case 'organisationId':
      return { ...entry, organisationId: `${entry.organisationId}${salt}x` };
    case 'seq':
      return { ...entry, seq: entry.seq + 1 + salt.length };
    case 'at':
      return { ...entry, at: new Date(entry.at.getTime() + 1 + salt.length) };
    case 'actorAccountId':
      return { ...entry, actorAccountId: entry.actorAccountId === null ? salt : null };
    case 'action':
      return { ...entry, action: `${entry.action}${salt}x` };
    case 'recordType':
      return { ...entry, recordType: `${entry.recordType}${salt}x` };
    case 'recordIds':
      return { ...entry, recordIds: [...entry.recordIds, salt] };
    case 'ip':
      return { ...entry, ip: entry.ip === null ? salt : null };
    case 'requestId':
      return { ...entry, requestId: entry.requestId === null ? salt : null };
    case 'prevHash':
      return { ...entry, prevHash: entry.prevHash === GENESIS_HASH ? 'f'.repeat(64) : GENESIS_HASH };
    case 'hash':
      return { ...entry, hash: entry.hash.startsWith('0') ? `1${entry.hash.slice(1)}` : `0${entry.hash.slice(1)}` };
  }
}

describe('verifyChain properties', () => {
  it('any sequence of appended entries verifies', () => {
    fc.assert(
      fc.property(fc.array(payloadArb, { maxLength: 30 }), fc.uuid(), (payloads, org) => {
        const { entries, head } = buildChain(payloads, org);
        expect(verifyChain(entries, head)).toBeNull();
      }),
    );
  });

  it('any single-field mutation of any entry is detected at or right after that entry', () => {
    fc.assert(
      fc.property(
        fc.array(payloadArb, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.string({ maxLength: 5 }),
        (payloads, index, field, salt) => {
          const { entries, head } = buildChain(payloads);
          const at = index % entries.length;
          const target = entries[at];
          if (!target) throw new Error('no entry');
          const mutated = entries.map((e, i) => (i === at ? mutate(e, field, salt) : e));
          const broken = verifyChain(mutated, head);
          expect(broken).not.toBeNull();
          expect(broken?.seq).toBeGreaterThanOrEqual(target.seq);
          expect(broken?.seq).toBeLessThanOrEqual(target.seq + 1);
        },
      ),
    );
  });
});
