import { arrayOverlaps, desc, or, sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { queryRows } from '#server/db.ts';
import type { ServiceEntryRow } from './case-work.queries.ts';
import { serviceEntry } from './case-work.schema.ts';

/**
 * The SQL of the subject access export and of erasure (tenant scope, RLS FORCE-d). Case tables the
 * application may never delete from (consent) are emptied through `lotse_erase_rows`, an owner's
 * function that deletes listed tables' rows of the caller's tenant only (migration 0028).
 */

function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** The service entries a person took part in (counselled or alongside), newest first. */
export async function serviceEntriesWith(tx: Tx, personId: string): Promise<ServiceEntryRow[]> {
  return tx
    .select()
    .from(serviceEntry)
    .where(or(arrayOverlaps(serviceEntry.counselledIds, [personId]), arrayOverlaps(serviceEntry.alongsideIds, [personId])))
    .orderBy(desc(serviceEntry.occurredOn), desc(serviceEntry.createdAt));
}

/** The person records merged into one of these (tombstones of the same person). */
export async function tombstonesOf(tx: Tx, personIds: readonly string[]): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, sql`select id from person where merged_into_id = any(${uuidArray(personIds)})`);
  return rows.map((r) => r.id);
}

/** Deletes rows of a table without DELETE for lotse_app (consent, referral, letter and its file) through the owner's function, in the caller's tenant; answers the count. */
export async function eraseRows(tx: Tx, table: 'consent' | 'referral' | 'letter' | 'letter_file', column: 'person_id' | 'household_id' | 'id' | 'letter_id', ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(tx, sql`select lotse_erase_rows(${table}, ${column}, ${uuidArray(ids)}) as n`);
  return row?.n ?? 0;
}

export async function deleteAssessments(tx: Tx, householdId: string, personIds: readonly string[], wholeHousehold: boolean): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    wholeHousehold
      ? sql`delete from need_assessment where household_id = ${householdId} returning id`
      : sql`delete from need_assessment where household_id = ${householdId} and person_id = any(${uuidArray(personIds)}) returning id`,
  );
  return rows.length;
}

/** The whole household: its plan and goals go; some people: the goals they are responsible for go. */
export async function eraseGoals(tx: Tx, householdId: string, personIds: readonly string[], wholeHousehold: boolean): Promise<number> {
  if (wholeHousehold) {
    const goals = await queryRows<{ id: string }>(tx, sql`delete from plan_goal where household_id = ${householdId} returning id`);
    const plans = await queryRows<{ id: string }>(tx, sql`delete from support_plan where household_id = ${householdId} returning id`);
    return goals.length + plans.length;
  }
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`delete from plan_goal where household_id = ${householdId} and responsible_person_id = any(${uuidArray(personIds)}) returning id`,
  );
  return rows.length;
}

/**
 * The whole household: its service entries go. Some people: entries where only they were counselled
 * go, the others lose them from their participants (the statistics rows stay, decision 0014).
 */
export async function eraseServiceEntries(tx: Tx, householdId: string, personIds: readonly string[], wholeHousehold: boolean): Promise<number> {
  if (wholeHousehold) return (await queryRows<{ id: string }>(tx, sql`delete from service_entry where household_id = ${householdId} returning id`)).length;
  const ids = uuidArray(personIds);
  const gone = await queryRows<{ id: string }>(
    tx,
    sql`delete from service_entry where household_id = ${householdId} and counselled_ids <@ ${ids} returning id`,
  );
  const kept = await queryRows<{ id: string }>(
    tx,
    sql`update service_entry set
          counselled_ids = array(select c from unnest(counselled_ids) c where c <> all(${ids})),
          alongside_ids = array(select a from unnest(alongside_ids) a where a <> all(${ids})),
          version = version + 1
        where household_id = ${householdId} and (counselled_ids && ${ids} or alongside_ids && ${ids}) returning id`,
  );
  return gone.length + kept.length;
}

/** The people (their search keys cascade); with the whole household also its case file, assignments and the household itself. */
export async function erasePeopleAndHousehold(tx: Tx, householdId: string, personIds: readonly string[], wholeHousehold: boolean): Promise<{ people: number; households: number }> {
  const ids = uuidArray(personIds);
  // Tombstones first: they point at the record they were merged into.
  await tx.execute(sql`delete from person where merged_into_id = any(${ids})`);
  const people = await queryRows<{ id: string }>(tx, sql`delete from person where id = any(${ids}) returning id`);
  if (!wholeHousehold) return { people: people.length, households: 0 };
  await tx.execute(sql`delete from case_assignment where case_file_id in (select id from case_file where household_id = ${householdId})`);
  await tx.execute(sql`delete from case_file where household_id = ${householdId}`);
  const households = await queryRows<{ id: string }>(tx, sql`delete from household where id = ${householdId} returning id`);
  return { people: people.length, households: households.length };
}

/** The letters of the whole household, or those concerning one of these people. */
export async function lettersToErase(tx: Tx, householdId: string, personIds: readonly string[], wholeHousehold: boolean): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    wholeHousehold
      ? sql`select id from letter where household_id = ${householdId}`
      : sql`select id from letter where household_id = ${householdId} and person_id = any(${uuidArray(personIds)})`,
  );
  return rows.map((r) => r.id);
}

/**
 * The whole household: its Fachleistung requests stay as the city's anonymous figures (decision
 * 0016) — the household link, the justification and the decision reason go; pseudonym, criteria,
 * hours, dates, state and region stay. One statement, so an extension and the approval it extends
 * lose the household together (their composite key). The guard of migration 0033 admits exactly this.
 */
export async function anonymiseSpecialistRequests(tx: Tx, householdId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update specialist_request set household_id = null, justification = '', decision_reason = '', version = version + 1, updated_at = now()
        where household_id = ${householdId} returning id`,
  );
  return rows.length;
}

/**
 * Transfers naming the household on this provider's side (sent from it, or received as it): the
 * sealed package goes (it holds the people), and with the whole household the household link; the
 * row stays as the record that a transfer happened (decision 0019). Some people only: the package
 * goes, the link stays. The guard of migration 0033 admits exactly this.
 */
export async function eraseTransfers(tx: Tx, organisationId: string, householdId: string, wholeHousehold: boolean): Promise<number> {
  const sent = await queryRows<{ id: string }>(
    tx,
    wholeHousehold
      ? sql`update case_transfer set package = null, household_id = null, version = version + 1, updated_at = now()
            where from_organisation_id = ${organisationId} and household_id = ${householdId} returning id`
      : sql`update case_transfer set package = null, version = version + 1, updated_at = now()
            where from_organisation_id = ${organisationId} and household_id = ${householdId} and package is not null returning id`,
  );
  const received = await queryRows<{ id: string }>(
    tx,
    wholeHousehold
      ? sql`update case_transfer set package = null, received_household_id = null, version = version + 1, updated_at = now()
            where to_organisation_id = ${organisationId} and received_household_id = ${householdId} returning id`
      : sql`update case_transfer set package = null, version = version + 1, updated_at = now()
            where to_organisation_id = ${organisationId} and received_household_id = ${householdId} and package is not null returning id`,
  );
  return sent.length + received.length;
}

/** The transfers naming the household on this provider's side, oldest first (no package: that is the people's data shown elsewhere). */
export async function transfersOfHousehold(tx: Tx, householdId: string): Promise<{ direction: 'outgoing' | 'incoming'; state: string; createdAt: Date; decidedAt: Date | null }[]> {
  const rows = await queryRows<{ direction: 'outgoing' | 'incoming'; state: string; created_at: Date | string; decided_at: Date | string | null }>(
    tx,
    sql`select case when household_id = ${householdId} and from_organisation_id = lotse_current_org() then 'outgoing' else 'incoming' end as direction, state, created_at, decided_at
        from case_transfer
        where (from_organisation_id = lotse_current_org() and household_id = ${householdId}) or (to_organisation_id = lotse_current_org() and received_household_id = ${householdId})
        order by created_at`,
  );
  const at = (d: Date | string) => (d instanceof Date ? d : new Date(d));
  return rows.map((r) => ({ direction: r.direction, state: r.state, createdAt: at(r.created_at), decidedAt: r.decided_at === null ? null : at(r.decided_at) }));
}
