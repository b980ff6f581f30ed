import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { account, organisation } from './identity.schema.ts';

const accountLabel = {
  id: account.id,
  displayName: account.displayName,
  organisationId: account.organisationId,
  organisationName: organisation.name,
  disabledAt: account.disabledAt,
};

/**
 * Names of accounts (with their organisation's name) for the audit log, in one statement for a
 * page of ids. What the caller's scope may not read (another tenant's account, under RLS) is
 * simply not answered.
 */
export async function labelsOfAccounts(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.select(accountLabel).from(account).innerJoin(organisation, eq(organisation.id, account.organisationId)).where(inArray(account.id, [...ids]));
}

/** Every account the caller's scope may read, by organisation and name: the audit log's account filter. */
export async function accountChoices(tx: Tx) {
  return tx
    .select(accountLabel)
    .from(account)
    .innerJoin(organisation, eq(organisation.id, account.organisationId))
    .orderBy(asc(organisation.name), asc(account.displayName), asc(account.id));
}

/** Names of organisations for the audit log, in one statement for a page of ids. */
export async function labelsOfOrganisations(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: organisation.id, name: organisation.name, kind: organisation.kind, archivedAt: organisation.archivedAt })
    .from(organisation)
    .where(inArray(organisation.id, [...ids]));
}
