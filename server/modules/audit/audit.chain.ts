import { createHash } from 'node:crypto';

/** The hash chain, as pure functions: the writer and `lotse audit verify` share them. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  organisationId: string;
  seq: number;
  at: Date;
  actorAccountId: string | null;
  action: string;
  recordType: string;
  recordIds: string[];
  ip: string | null;
  requestId: string | null;
  prevHash: string;
}

export function entryHash(e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.organisationId,
    e.seq,
    e.at.toISOString(),
    e.actorAccountId,
    e.action,
    e.recordType,
    e.recordIds,
    e.ip,
    e.requestId,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainBreak {
  organisationId: string;
  seq: number;
  id: number | null;
  reason: 'hash-mismatch' | 'broken-link' | 'missing-entry' | 'head-mismatch';
}

/** Walks one organisation's entries in seq order and names the first broken entry. */
export function verifyChain(
  entries: (ChainedFields & { id: number; hash: string })[],
  head: { seq: number; hash: string } | null,
): ChainBreak | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { organisationId: e.organisationId, seq: expectedSeq, id: null, reason: 'missing-entry' };
    if (e.prevHash !== prev) return { organisationId: e.organisationId, seq: e.seq, id: e.id, reason: 'broken-link' };
    if (entryHash(e) !== e.hash) return { organisationId: e.organisationId, seq: e.seq, id: e.id, reason: 'hash-mismatch' };
    prev = e.hash;
    expectedSeq += 1;
  }
  const last = entries.at(-1);
  const organisationId = last?.organisationId ?? '';
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== prev)) {
    return { organisationId, seq: expectedSeq, id: null, reason: 'head-mismatch' };
  }
  return null;
}
