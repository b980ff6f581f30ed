import type { z } from 'zod';
import { AUDIT_EXPORT_LIMIT, type auditFilterOptions, type auditPage } from '#contracts/audit.ts';
import type { Deps } from '#server/deps.ts';
import type { DbScope } from '#server/db.ts';
import { translate } from '#server/i18n.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { accountChoices } from '#server/modules/identity/identity.public.ts';
import { isCityAdmin, isProviderAdmin } from '#server/modules/identity/identity.public.ts';
import { Problem } from '#server/platform/problem.ts';
import { berlinDateTime, toCsv } from './audit.csv.ts';
import { labelEntries, RECORD_RESOLVERS, type LabelledEntry, type RecordRef, type RecordResolvers } from './audit.labels.ts';
import { listEntries, type EntryFilter } from './audit.queries.ts';
import { recordAudit } from './audit.service.ts';

/**
 * Reading the audit log: a provider admin reads its own organisation's chain; a city admin reads
 * the city's own chain and the administration of organisations and accounts everywhere (RLS
 * decides), never provider case activity. A filter narrows what the scope may read and never
 * widens it: another organisation's account or record filters to nothing.
 */
function readerScope(actor: Actor): { reader: StaffActor; scope: DbScope } {
  if (actor.kind !== 'staff') throw new Problem(401, 'unauthenticated');
  if (isCityAdmin(actor)) return { reader: actor, scope: { kind: 'city', organisationId: actor.organisationId } };
  if (isProviderAdmin(actor)) return { reader: actor, scope: { kind: 'tenant', organisationId: actor.organisationId } };
  throw new Problem(403, 'forbidden');
}

type Row = Awaited<ReturnType<typeof listEntries>>[number];

function present(l: LabelledEntry<Row>): z.infer<typeof auditPage>['entries'][number] {
  const r = l.entry;
  return {
    id: r.id,
    organisationId: r.organisationId,
    organisation: l.organisation,
    seq: r.seq,
    at: r.at.toISOString(),
    actorAccountId: r.actorAccountId,
    actor: l.actor,
    action: r.action,
    recordType: r.recordType,
    recordIds: r.recordIds,
    records: l.records,
    requestId: r.requestId,
  };
}

/** One page of the log, newest first, with the names of what it names. */
export async function browseAuditLog(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: EntryFilter & { before?: number | undefined; limit: number },
  resolvers: RecordResolvers = RECORD_RESOLVERS,
): Promise<z.infer<typeof auditPage>> {
  const { reader, scope } = readerScope(actor);
  const { before, limit, ...filter } = input;
  return deps.db.transaction(scope, async (tx) => {
    const rows = await listEntries(tx, { filter, before, limit });
    const labelled = await labelEntries({ tx, actor: reader }, rows, resolvers);
    return { entries: labelled.map(present), nextBefore: rows.length === limit ? (rows.at(-1)?.id ?? null) : null };
  });
}

/** The accounts the reader may filter by: those its scope may read, with their organisation. */
export async function auditFilterChoices(deps: Pick<Deps, 'db'>, actor: Actor): Promise<z.infer<typeof auditFilterOptions>> {
  const { scope } = readerScope(actor);
  const rows = await deps.db.transaction(scope, (tx) => accountChoices(tx));
  return { accounts: rows.map((r) => ({ id: r.id, label: r.displayName, organisation: r.organisationName })) };
}

const EXPORT_PAGE = 500;

/** A record as one CSV cell's text, in the reader's language: "Konto: Anna Berg (Brückenschlag Nord e. V.)". */
function refText(locale: string, ref: RecordRef): string {
  const tr = (key: string, values?: Record<string, unknown>) => translate(locale, `staff:audit.${key}`, values);
  const type = tr(`recordTypes.${ref.type}`, { defaultValue: ref.type });
  switch (ref.state) {
    case 'named':
      return `${type}: ${ref.label ?? ''}${ref.detail ? ` (${ref.detail})` : ''}`;
    case 'deleted':
      return `${type}: ${tr('label.deleted')}`;
    case 'not-visible':
      return `${type}: ${tr('label.notVisible')}`;
    case 'personal':
      return tr(`personal.${ref.type}`, { defaultValue: `${type} (${tr('label.personal')})` });
    case 'unlabelled':
      return `${type}: ${ref.id}`;
  }
}

/**
 * The filtered log as CSV (newest first, at most AUDIT_EXPORT_LIMIT entries), headers and labels in
 * the reader's language, time in Europe/Berlin. The export is itself an audited action
 * (`audit.export`), written in the same transaction as the read.
 */
export async function exportAuditLog(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: Actor,
  filter: EntryFilter,
  locale: string,
  resolvers: RecordResolvers = RECORD_RESOLVERS,
): Promise<{ filename: string; body: string; entries: number }> {
  const { reader, scope } = readerScope(actor);
  const tr = (key: string) => translate(locale, `staff:audit.${key}`);
  const header = ['at', 'organisation', 'seq', 'action', 'actionName', 'records', 'recordType', 'recordIds', 'actor', 'actorAccountId', 'requestId'].map((k) => tr(`csv.${k}`));
  const now = deps.now();
  return deps.db.transaction(scope, async (tx) => {
    const lines: string[][] = [header];
    let before: number | undefined;
    while (lines.length - 1 < AUDIT_EXPORT_LIMIT) {
      const rows = await listEntries(tx, { filter, before, limit: Math.min(EXPORT_PAGE, AUDIT_EXPORT_LIMIT - (lines.length - 1)) });
      for (const l of await labelEntries({ tx, actor: reader }, rows, resolvers)) {
        const r = l.entry;
        lines.push([
          berlinDateTime(r.at),
          l.organisation.label ?? r.organisationId,
          String(r.seq),
          translate(locale, `staff:audit.actions.${r.action}`, { defaultValue: r.action }),
          r.action,
          l.records.map((ref) => refText(locale, ref)).join(' | '),
          r.recordType,
          r.recordIds.join(' '),
          l.actor ? refText(locale, l.actor) : tr('system'),
          r.actorAccountId ?? '',
          r.requestId ?? '',
        ]);
      }
      if (rows.length < EXPORT_PAGE) break;
      before = rows.at(-1)?.id;
    }
    await recordAudit(tx, reader, { action: 'audit.export', recordType: 'audit_entry', recordIds: [] }, now);
    return { filename: `lotse-protokoll-${berlinDateTime(now).slice(0, 10)}.csv`, body: toCsv(lines), entries: lines.length - 1 };
  });
}
