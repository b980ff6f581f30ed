import { and, asc, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#server/db.ts';
import { account, accountRegion, oidcLogin, organisation, passwordReset, rateLimit, session } from './identity.schema.ts';

export const accountWithOrganisation = {
  id: account.id,
  oidcSubject: account.oidcSubject,
  createdAt: account.createdAt,
  email: account.email,
  displayName: account.displayName,
  role: account.role,
  locale: account.locale,
  passwordHash: account.passwordHash,
  totpSecret: account.totpSecret,
  totpEnabledAt: account.totpEnabledAt,
  totpLastStep: account.totpLastStep,
  failedLogins: account.failedLogins,
  lockedUntil: account.lockedUntil,
  disabledAt: account.disabledAt,
  organisationId: organisation.id,
  organisationName: organisation.name,
  organisationKind: organisation.kind,
  organisationRequireTotp: organisation.requireTotp,
  organisationArchivedAt: organisation.archivedAt,
  /** The assigned regions, sorted; null: not assigned (read in the same statement, no extra round trip). */
  regionCodes: sql<string[] | null>`(select array_agg(${accountRegion.regionCode} order by ${accountRegion.regionCode}) from ${accountRegion} where ${accountRegion.accountId} = ${account.id})`,
};

export async function findAccountByEmail(tx: Tx, email: string) {
  const [row] = await tx
    .select(accountWithOrganisation)
    .from(account)
    .innerJoin(organisation, eq(organisation.id, account.organisationId))
    .where(eq(sql`lower(${account.email})`, email.trim().toLowerCase()));
  return row ?? null;
}

export async function findAccountById(tx: Tx, id: string) {
  const [row] = await tx
    .select(accountWithOrganisation)
    .from(account)
    .innerJoin(organisation, eq(organisation.id, account.organisationId))
    .where(eq(account.id, id));
  return row ?? null;
}

export async function findSession(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({ session, account: accountWithOrganisation })
    .from(session)
    .innerJoin(account, eq(account.id, session.accountId))
    .innerJoin(organisation, eq(organisation.id, account.organisationId))
    .where(eq(session.tokenHash, tokenHash));
  return row ?? null;
}

export async function insertSession(tx: Tx, values: typeof session.$inferInsert): Promise<void> {
  await tx.insert(session).values(values);
}

export async function updateSession(tx: Tx, tokenHash: string, values: Partial<typeof session.$inferInsert>): Promise<void> {
  await tx.update(session).set(values).where(eq(session.tokenHash, tokenHash));
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function deleteSessionsOfAccount(tx: Tx, accountId: string): Promise<number> {
  const rows = await tx.delete(session).where(eq(session.accountId, accountId)).returning({ t: session.tokenHash });
  return rows.length;
}

export async function deleteExpiredSessions(tx: Tx, now: Date): Promise<void> {
  await tx.delete(session).where(lt(session.expiresAt, now));
}

export async function updateAccount(tx: Tx, id: string, values: Partial<typeof account.$inferInsert>): Promise<void> {
  await tx.update(account).set(values).where(eq(account.id, id));
}

/**
 * Fixed-window counter shared by all processes: counts one hit for `key` and returns the hits in
 * the current window (a new window starts once the old one has passed).
 */
export async function hitRateLimit(tx: Tx, key: string, windowSeconds: number, now: Date): Promise<{ hits: number; resetAt: Date }> {
  const rows = await queryRows<{ hits: number; window_start: string | Date }>(tx, sql`
    insert into ${rateLimit} (key, window_start, hits) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      hits = case when ${rateLimit.windowStart} <= ${now.toISOString()}::timestamptz - make_interval(secs => ${windowSeconds}) then 1 else ${rateLimit.hits} + 1 end,
      window_start = case when ${rateLimit.windowStart} <= ${now.toISOString()}::timestamptz - make_interval(secs => ${windowSeconds}) then ${now.toISOString()}::timestamptz else ${rateLimit.windowStart} end
    returning hits, window_start`);
  const row = rows[0];
  if (!row) throw new Error('rate limit upsert returned nothing');
  return { hits: Number(row.hits), resetAt: new Date(new Date(row.window_start).getTime() + windowSeconds * 1000) };
}

export async function clearRateLimit(tx: Tx, key: string): Promise<void> {
  await tx.delete(rateLimit).where(and(eq(rateLimit.key, key)));
}

export async function insertOrganisation(tx: Tx, values: typeof organisation.$inferInsert) {
  const [row] = await tx.insert(organisation).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function insertAccount(tx: Tx, values: typeof account.$inferInsert) {
  const [row] = await tx.insert(account).values({ ...values, email: values.email.trim().toLowerCase() }).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The ids of every provider (organisation carries no row-level security): the retention job runs each in its own tenant scope. */
export async function providerIds(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ id: organisation.id }).from(organisation).where(eq(organisation.kind, 'provider')).orderBy(organisation.id);
  return rows.map((r) => r.id);
}

export async function countOrganisations(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(organisation);
  return row?.n ?? 0;
}

export async function findOrganisationByIdOrName(tx: Tx, idOrName: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const [row] = await tx
    .select()
    .from(organisation)
    .where(isUuid ? eq(organisation.id, idOrName) : eq(organisation.name, idOrName));
  return row ?? null;
}

// ---- Administration ----

export async function listOrganisations(tx: Tx, opts: { includeArchived: boolean }) {
  return tx
    .select()
    .from(organisation)
    .where(opts.includeArchived ? undefined : isNull(organisation.archivedAt))
    .orderBy(asc(organisation.kind), asc(organisation.name));
}

export async function findOrganisation(tx: Tx, id: string) {
  const [row] = await tx.select().from(organisation).where(eq(organisation.id, id));
  return row ?? null;
}

export async function updateOrganisation(tx: Tx, id: string, values: Partial<typeof organisation.$inferInsert>) {
  const [row] = await tx.update(organisation).set(values).where(eq(organisation.id, id)).returning();
  return row ?? null;
}

/** Accounts of one organisation the scope may see (RLS decides), by name. */
export async function listAccountsOf(tx: Tx, organisationId: string) {
  return tx
    .select(accountWithOrganisation)
    .from(account)
    .innerJoin(organisation, eq(organisation.id, account.organisationId))
    .where(eq(account.organisationId, organisationId))
    .orderBy(asc(account.displayName), asc(account.email));
}

export async function accountIdsOf(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx.select({ id: account.id }).from(account).where(eq(account.organisationId, organisationId));
  return rows.map((r) => r.id);
}

export async function findAccountByOidcSubject(tx: Tx, subject: string) {
  const [row] = await tx
    .select(accountWithOrganisation)
    .from(account)
    .innerJoin(organisation, eq(organisation.id, account.organisationId))
    .where(eq(account.oidcSubject, subject));
  return row ?? null;
}

/** Ends every session of the account except one (the one changing its password). */
export async function deleteOtherSessions(tx: Tx, accountId: string, keepTokenHash: string): Promise<number> {
  const rows = await tx
    .delete(session)
    .where(and(eq(session.accountId, accountId), ne(session.tokenHash, keepTokenHash)))
    .returning({ t: session.tokenHash });
  return rows.length;
}

/**
 * The organisation of an account the transaction's scope may see (RLS decides: a provider sees only
 * its own accounts), or null — an unknown and a foreign id answer alike.
 */
export async function organisationOfAccount(tx: Tx, id: string): Promise<string | null> {
  const [row] = await tx.select({ organisationId: account.organisationId }).from(account).where(eq(account.id, id));
  return row?.organisationId ?? null;
}

/** Replaces an account's region assignment; null (or none) leaves it unassigned. */
export async function replaceAccountRegions(tx: Tx, accountId: string, regionCodes: readonly string[] | null): Promise<void> {
  await tx.delete(accountRegion).where(eq(accountRegion.accountId, accountId));
  if (regionCodes && regionCodes.length > 0) await tx.insert(accountRegion).values(regionCodes.map((regionCode) => ({ accountId, regionCode })));
}

// ---- Password reset and invitation tokens ----

export async function insertPasswordReset(tx: Tx, values: typeof passwordReset.$inferInsert): Promise<void> {
  await tx.insert(passwordReset).values(values);
}

/** Consumes a token: marks it used and answers its account, if it was unused and unexpired. */
export async function consumePasswordReset(tx: Tx, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await tx
    .update(passwordReset)
    .set({ usedAt: now })
    .where(and(eq(passwordReset.tokenHash, tokenHash), isNull(passwordReset.usedAt), gt(passwordReset.expiresAt, now)))
    .returning({ accountId: passwordReset.accountId });
  return row?.accountId ?? null;
}

/** Once a password is set, the account's other outstanding links are void. */
export async function voidPasswordResets(tx: Tx, accountId: string, now: Date): Promise<void> {
  await tx.update(passwordReset).set({ usedAt: now }).where(and(eq(passwordReset.accountId, accountId), isNull(passwordReset.usedAt)));
}

// ---- OIDC logins in flight ----

export async function insertOidcLogin(tx: Tx, values: typeof oidcLogin.$inferInsert): Promise<void> {
  await tx.insert(oidcLogin).values(values);
}

/** Takes (deletes and answers) the login in flight for a state: each state works once. */
export async function takeOidcLogin(tx: Tx, state: string, now: Date) {
  await tx.delete(oidcLogin).where(lt(oidcLogin.expiresAt, now));
  const [row] = await tx.delete(oidcLogin).where(eq(oidcLogin.state, state)).returning();
  return row ?? null;
}

export async function countCityOrganisations(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(organisation).where(eq(organisation.kind, 'city'));
  return row?.n ?? 0;
}

/** Account ids by email (the demo seed names counsellors' accounts by email). */
export async function accountIdsByEmail(tx: Tx, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await tx.select({ id: account.id, email: account.email }).from(account).where(inArray(account.email, emails));
  return new Map(rows.map((r) => [r.email, r.id]));
}
