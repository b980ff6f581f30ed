import { sql } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { queryRows } from '#server/db.ts';

/** The SQL of retention (tenant scope, RLS FORCE-d): which closed case files are due for erasure. */

export interface DueCaseFile {
  id: string;
  householdId: string;
  closedAt: Date;
  closeReason: string | null;
  dueSince: Date;
}

interface DueRow {
  id: string;
  household_id: string;
  closed_at: Date | string;
  close_reason: string | null;
  due_since: Date | string;
}

const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/**
 * The caller's closed case files whose closure lies `years` or more before `now` (calendar years,
 * so a leap day does not move the date), oldest first; `ids` narrows them (erase now: locked).
 */
export async function dueCaseFiles(tx: Tx, now: Date, years: number, ids?: readonly string[]): Promise<DueCaseFile[]> {
  const only = ids ? sql`and id = any(${`{${ids.join(',')}}`}::uuid[]) for update` : sql``;
  const rows = await queryRows<DueRow>(
    tx,
    sql`select id, household_id, closed_at, close_reason, closed_at + make_interval(years => ${years}::int) as due_since
          from case_file
         where closed_at is not null and closed_at + make_interval(years => ${years}::int) <= ${now.toISOString()}::timestamptz
         ${only}`,
  );
  return rows
    .map((r) => ({ id: r.id, householdId: r.household_id, closedAt: asDate(r.closed_at), closeReason: r.close_reason, dueSince: asDate(r.due_since) }))
    .sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime() || a.id.localeCompare(b.id));
}

/** Demo seed: closes (a move away) the provider's case file created at `openedAt`, as of `closedAt`; answers how many. */
export async function closeDemoCaseFileCreatedAt(tx: Tx, organisationId: string, openedAt: Date, closedAt: Date): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update case_file set opened_at = ${openedAt.toISOString()}::timestamptz, last_contact_at = ${closedAt.toISOString()}::timestamptz,
               closed_at = ${closedAt.toISOString()}::timestamptz, close_reason = 'Umzug in eine andere Stadt'
         where organisation_id = ${organisationId} and created_at = ${openedAt.toISOString()}::timestamptz
         returning id`,
  );
  return rows.length;
}
