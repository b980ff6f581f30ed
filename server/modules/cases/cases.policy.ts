import type { Action, RecordScope } from '#contracts/actions.ts';
import type { DbScope } from '#server/db.ts';
import type { StaffActor } from '#server/modules/identity/identity.public.ts';
import { permittedActions } from '#server/platform/authorize.ts';

/**
 * Who may do what in case work, and the rules that follow from a case's data: pure functions,
 * tested in cases.policy.unit.test.ts. A household is a record of its provider in its region:
 * a social worker assigned to regions reaches the provider's households in those regions only.
 */

export type CaseStatus = 'open' | 'active' | 'dormant' | 'closed';

/** The record a case action is taken on. */
export function householdRecord(h: { organisationId: string; regionCode: string }): RecordScope {
  return { organisationId: h.organisationId, regionCode: h.regionCode };
}

export const HOUSEHOLD_RECORD_ACTIONS = ['case.read', 'case.edit', 'case.assign', 'case.close', 'person.merge'] as const satisfies readonly Action[];

export function householdPermittedActions(actor: StaffActor, h: { organisationId: string; regionCode: string }): Action[] {
  return permittedActions(actor, HOUSEHOLD_RECORD_ACTIONS, householdRecord(h));
}

/** Case work always runs in the provider's own tenant (never the city scope: RLS would show nothing anyway). */
export function caseScope(actor: StaffActor): DbScope {
  return { kind: 'tenant', organisationId: actor.organisationId };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * A case file's status follows from what happens in it: closed once closed; open until the first
 * contact; active while the last contact is recent; dormant after `dormantAfterDays` without one
 * (counted from the opening while there was no contact yet).
 */
export function caseStatusOf(c: { openedAt: Date; lastContactAt: Date | null; closedAt: Date | null }, now: Date, dormantAfterDays: number): CaseStatus {
  if (c.closedAt) return 'closed';
  const since = c.lastContactAt ?? c.openedAt;
  if (now.getTime() - since.getTime() > dormantAfterDays * DAY) return 'dormant';
  return c.lastContactAt ? 'active' : 'open';
}

/** The last day of the 12-month Grundleistung window that the municipal assignment starts. */
export function basicServiceEndsOn(assignedOn: string | null): string | null {
  if (!assignedOn) return null;
  const [y, m, d] = assignedOn.split('-').map(Number) as [number, number, number];
  // The day before the same date a year later (29 February: 1 March rolls back to 28 February).
  const end = new Date(Date.UTC(y + 1, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** A partial date of birth as stored (year, month, day) and back. */
export function splitPartialDate(value: string | null): { birthYear: number | null; birthMonth: number | null; birthDay: number | null } {
  if (!value) return { birthYear: null, birthMonth: null, birthDay: null };
  const [y, m, d] = value.split('-').map(Number);
  return { birthYear: y ?? null, birthMonth: m ?? null, birthDay: d ?? null };
}

export function joinPartialDate(p: { birthYear: number | null; birthMonth: number | null; birthDay: number | null }): string | null {
  if (p.birthYear === null) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (p.birthMonth === null) return String(p.birthYear);
  if (p.birthDay === null) return `${p.birthYear}-${pad(p.birthMonth)}`;
  return `${p.birthYear}-${pad(p.birthMonth)}-${pad(p.birthDay)}`;
}

/**
 * How well a candidate's date of birth fits the one searched for: a conflict (another year, or
 * another month/day where both know it) is a strong sign of another person; what either side does
 * not know neither helps nor hurts.
 */
export function birthDateFit(searched: string | null, candidate: string | null): 'same' | 'unknown' | 'conflict' {
  if (!searched || !candidate) return 'unknown';
  const a = searched.split('-');
  const b = candidate.split('-');
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return 'conflict';
  return 'same';
}
