import type { z } from 'zod';
import type { retentionEraseBody, RetentionEraseResult, RetentionReview } from '#contracts/retention.ts';
import type { Tx } from '#server/db.ts';
import { sqlState } from '#server/db-errors.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { providerIds, systemActor } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import type { SubjectAccessSection } from '#server/platform/subject-access.ts';
import * as q from './cases.queries.ts';
import { dueCaseFiles, type DueCaseFile } from './retention.queries.ts';
import { erasePeople } from './subject-access.service.ts';

/**
 * Retention of closed case files (LOTSE_CASE_RETENTION_YEARS after closure, default 3): the
 * household, its people and every module's records of them are erased through `erasePeople`, the
 * same function as an erasure on request; statistics rows and audit entries stay (decision 0014).
 * The review is a dry run — each due erasure performed in a transaction that is rolled back, so the
 * counts are exactly what would go; erasing (now, or by the daily job) logs `retention.erase` in the
 * provider's chain with ids and counts only.
 */

function sectionsOf(deps: Deps): readonly SubjectAccessSection[] {
  if (!deps.subjectAccess) throw new Error('deps.subjectAccess is not composed (server/app.ts composeDeps)');
  return deps.subjectAccess;
}

class RolledBack extends Error {
  constructor(readonly counts: Record<string, number>) {
    super('dry run');
  }
}

/** Erases one due case file's household in the caller's tenant transaction; answers the counts. */
async function eraseCaseFile(tx: Tx, deps: Deps, organisationId: string, file: DueCaseFile): Promise<Record<string, number>> {
  const members = await q.membersOf(tx, file.householdId);
  const result = await erasePeople(tx, sectionsOf(deps), { organisationId, householdId: file.householdId, personIds: members.map((m) => m.id), wholeHousehold: true });
  return result.counts;
}

/** A record no section erases (a foreign key, 23503) still names the household: a gap, listed rather than failed (decision 0022). */
const isBlocked = (error: unknown): boolean => sqlState(error) === '23503';

async function dryRun(deps: Deps, organisationId: string, file: DueCaseFile): Promise<{ counts: Record<string, number>; blocked: boolean }> {
  try {
    await deps.db.transaction({ kind: 'tenant', organisationId }, async (tx) => {
      throw new RolledBack(await eraseCaseFile(tx, deps, organisationId, file));
    });
  } catch (error) {
    if (error instanceof RolledBack) return { counts: error.counts, blocked: false };
    if (isBlocked(error)) return { counts: {}, blocked: true };
    throw error;
  }
  throw new Error('unreachable: a dry run always rolls back');
}

/** GET /api/retention: the closed case files due for erasure, with what each erasure would touch (dry run, nothing changes). */
export async function reviewRetention(deps: Deps, actor: Actor): Promise<RetentionReview> {
  const staff = authorizeStaff(actor, 'retention.review');
  const now = deps.now();
  const years = deps.config.cases.retentionYears;
  const due = await deps.db.transaction({ kind: 'tenant', organisationId: staff.organisationId }, (tx) => dueCaseFiles(tx, now, years));
  const entries = [];
  for (const file of due) {
    const { counts, blocked } = await dryRun(deps, staff.organisationId, file);
    entries.push({ caseFileId: file.id, householdId: file.householdId, label: file.id.slice(0, 8), closedAt: file.closedAt.toISOString(), closeReason: file.closeReason, dueSince: file.dueSince.toISOString(), counts, blocked });
  }
  return { retentionYears: years, asOf: now.toISOString(), due: entries };
}

/**
 * Erases the provider's due case files (all, or those named), each in its own tenant transaction so
 * one blocked file stops no other; logs `retention.erase` with ids and counts only.
 */
async function eraseDue(deps: Deps, actor: Actor, organisationId: string, ids?: readonly string[]): Promise<RetentionEraseResult> {
  const now = deps.now();
  const years = deps.config.cases.retentionYears;
  const due = await deps.db.transaction({ kind: 'tenant', organisationId }, (tx) => dueCaseFiles(tx, now, years, ids));
  const erased: RetentionEraseResult['erased'] = [];
  const skipped = (ids ?? []).filter((id) => !due.some((f) => f.id === id));
  for (const file of due) {
    try {
      const counts = await deps.db.transaction({ kind: 'tenant', organisationId }, async (tx) => {
        const [still] = await dueCaseFiles(tx, now, years, [file.id]);
        if (!still) return null;
        const counts = await eraseCaseFile(tx, deps, organisationId, still);
        const recordIds = [file.id, file.householdId, `closed:${file.closedAt.toISOString()}`, ...Object.entries(counts).map(([name, n]) => `count:${name}=${n}`)];
        await recordAudit(tx, actor, { action: 'retention.erase', recordType: 'case_file', recordIds, organisationId }, now);
        return counts;
      });
      if (counts) erased.push({ caseFileId: file.id, counts });
      else skipped.push(file.id);
    } catch (error) {
      if (!isBlocked(error)) throw error;
      deps.log?.warn({ caseFileId: file.id, organisationId }, 'retention: case file not erased, a record still names its household');
      skipped.push(file.id);
    }
  }
  return { erased, skipped };
}

/** POST /api/retention/erase: the provider's administrator erases the chosen due case files now; ones not due are skipped. */
export async function eraseDueNow(deps: Deps, actor: Actor, input: z.infer<typeof retentionEraseBody>): Promise<RetentionEraseResult> {
  const staff = authorizeStaff(actor, 'retention.erase');
  return eraseDue(deps, staff, staff.organisationId, input.caseFileIds);
}

/** The daily job (server/jobs.ts): every provider in its own tenant scope (the list of providers carries no RLS), only what is due. */
export async function runRetention(deps: Deps): Promise<{ erased: number; skipped: number }> {
  const providers = await deps.db.transaction({ kind: 'public' }, (tx) => providerIds(tx));
  let erased = 0;
  let skipped = 0;
  for (const organisationId of providers) {
    const result = await eraseDue(deps, systemActor, organisationId);
    erased += result.erased.length;
    skipped += result.skipped.length;
  }
  return { erased, skipped };
}
