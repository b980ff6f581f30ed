import type { z } from 'zod';
import type { securityEventKind } from '#contracts/audit.ts';
import type { Deps } from '#server/deps.ts';
import type { Tx } from '#server/db.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { entryHash, verifyChain, type ChainBreak } from './audit.chain.ts';
import { appendEntry, chainOf, chainOrganisations, insertSecurityEvent, lockHead } from './audit.queries.ts';

export interface AuditRecord {
  /** Dotted action name, e.g. "account.create", "account.list", "session.login". */
  action: string;
  recordType: string;
  recordIds: string[];
  /** The organisation whose chain records it: by default the acting staff member's. */
  organisationId?: string;
}

/**
 * Appends one entry to an organisation's chain inside the caller's transaction, so the entry
 * exists exactly when the action's effect does. Ids and action names only, never personal data.
 */
export async function recordAudit(tx: Tx, actor: Actor, record: AuditRecord, at: Date = new Date()): Promise<void> {
  const organisationId = record.organisationId ?? (actor.kind === 'staff' ? actor.organisationId : undefined);
  if (!organisationId) throw new Error(`audit entry ${record.action} names no organisation`);
  const head = await lockHead(tx, organisationId);
  const fields = {
    organisationId,
    seq: head.seq + 1,
    at: new Date(Math.floor(at.getTime())),
    actorAccountId: actor.kind === 'staff' ? actor.accountId : null,
    action: record.action,
    recordType: record.recordType,
    recordIds: record.recordIds,
    ip: actor.ip,
    requestId: actor.requestId,
    prevHash: head.hash,
  };
  await appendEntry(tx, { ...fields, hash: entryHash(fields) });
}

/** What was refused; the list lives in the contract (contracts/audit.ts), the security log's API names them. */
export type SecurityEventKind = z.infer<typeof securityEventKind>;

/** Refused attempts go to the security log, in their own transaction (the refused action has none). */
export async function recordSecurityEvent(
  deps: Pick<Deps, 'db'>,
  event: { kind: SecurityEventKind; accountId?: string | null; organisationId?: string | null; method?: string; route?: string; ip: string | null; requestId: string | null },
): Promise<void> {
  // Anyone may append to the security log (its insert policy admits every scope): the public scope.
  await deps.db.transaction({ kind: 'public' }, (tx) =>
    insertSecurityEvent(tx, {
      kind: event.kind,
      accountId: event.accountId ?? null,
      organisationId: event.organisationId ?? null,
      method: event.method ?? null,
      route: event.route ?? null,
      ip: event.ip,
      requestId: event.requestId,
    }),
  );
}

/** `lotse audit verify`: every chain, first broken entry named. */
export async function verifyAuditLog(deps: Pick<Deps, 'db'>): Promise<{ chains: number; entries: number; broken: ChainBreak | null }> {
  return deps.db.transaction({ kind: 'system', useCase: 'audit.verify' }, async (tx) => {
    let entries = 0;
    const organisations = await chainOrganisations(tx);
    for (const organisationId of organisations) {
      const chain = await chainOf(tx, organisationId);
      entries += chain.entries.length;
      const broken = verifyChain(chain.entries, chain.head);
      if (broken) return { chains: organisations.length, entries, broken: { ...broken, organisationId } };
    }
    return { chains: organisations.length, entries, broken: null };
  });
}
