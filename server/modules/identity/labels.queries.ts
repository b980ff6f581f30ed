import { inArray } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { account, organisation } from './identity.schema.ts';

/**
 * Names of accounts for the audit log, in one statement for a page of ids. What the caller's
 * scope may not read (another tenant's account, under RLS) is simply not answered.
 */
export async function labelsOfAccounts(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: account.id, displayName: account.displayName, organisationId: account.organisationId, disabledAt: account.disabledAt })
    .from(account)
    .where(inArray(account.id, [...ids]));
}

/** Names of organisations for the audit log, in one statement for a page of ids. */
export async function labelsOfOrganisations(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: organisation.id, name: organisation.name, kind: organisation.kind, archivedAt: organisation.archivedAt })
    .from(organisation)
    .where(inArray(organisation.id, [...ids]));
}
