import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ProblemError, withQuery } from '#web/staff/api.ts';
import { formatDateTime } from '#web/staff/format.ts';
import { useFormErrors } from '#web/staff/forms.tsx';
import { useMe } from '#web/staff/session.tsx';
import type { AuditEntry, AuditPage, AuditRecordRef } from '#web/staff/types.ts';
import { AuditFilterForm, FILTER_FIELDS, filterOf, type AuditFilter } from './AuditFilterForm.tsx';
import { PAGE_SIZE, PagedLogTable, usePagedLog } from './PagedLog.tsx';

const SHOWN_RECORDS = 3;

/** A record as the log names it: its label (linked when the reader may open it), or a neutral one. */
function RecordLabel({ record, withType = true }: { record: AuditRecordRef; withType?: boolean }) {
  const { t } = useTranslation();
  const type = t(`audit.recordTypes.${record.type}`, { defaultValue: record.type });
  const text = (() => {
    switch (record.state) {
      case 'named':
        return withType ? `${type}: ${record.label ?? ''}` : (record.label ?? '');
      case 'deleted':
        return `${type}: ${t('audit.label.deleted')}`;
      case 'not-visible':
        return `${type}: ${t('audit.label.notVisible')}`;
      case 'personal':
        return t(`audit.personal.${record.type}`, { defaultValue: `${type} (${t('audit.label.personal')})` });
      case 'unlabelled':
        return `${type}: ${record.id.slice(0, 8)}`;
    }
  })();
  return (
    <span title={record.id}>
      {record.href ? (
        <Link className="kern-link" to={record.href}>
          {text}
        </Link>
      ) : (
        text
      )}
      {record.detail ? <span className="staff-note"> ({record.detail})</span> : null}
    </span>
  );
}

function Records({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.records.length === 0) return <>{t(`audit.recordTypes.${entry.recordType}`, { defaultValue: entry.recordType })}</>;
  const rest = entry.records.length - SHOWN_RECORDS;
  return (
    <>
      {entry.records.slice(0, SHOWN_RECORDS).map((record, i) => (
        <span key={`${record.type}-${record.id}`}>
          {i > 0 ? ', ' : null}
          <RecordLabel record={record} />
        </span>
      ))}
      {rest > 0 ? ` ${t('audit.moreRecords', { count: rest })}` : null}
    </>
  );
}

/**
 * The audit log (changes), newest first, with names instead of ids; a filter form whose values
 * stand in the page's address; the filtered entries as CSV for those who may export.
 */
export function ChangesLog() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // The filter changes exactly when the address does.
  const filter = useMemo(() => filterOf(new URLSearchParams(search)), [search]);
  const errors = useFormErrors('audit-filter', FILTER_FIELDS);
  const log = usePagedLog<AuditPage>(['audit', filter], (before) => api('GET /api/audit', { query: { ...filter, before, limit: PAGE_SIZE } }));
  const refused = log.error instanceof ProblemError && log.error.status === 400 ? log.error : null;
  const { fail, clear } = errors;
  useEffect(() => {
    if (refused) fail(refused);
    else clear();
  }, [refused]);

  const apply = (next: AuditFilter) => setParams(new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => Boolean(e[1]))));
  const rows = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const manyChains = rows.some((e) => e.organisationId !== me.organisation.id);
  const actionLabel = (action: string) => t(`audit.actions.${action}`, { defaultValue: action });

  return (
    <>
      <AuditFilterForm filter={filter} onApply={apply} errors={errors} />
      {me.permittedActions.includes('audit.export') && !refused ? (
        <div className="staff-section">
          <p className="kern-body">
            <a className="kern-link" href={withQuery('/api/audit.csv', filter)} download>
              {t('audit.export')}
            </a>
          </p>
          <p className="kern-hint">{t('audit.exportHint')}</p>
        </div>
      ) : null}
      <p className="kern-body staff-section" id="audit-description">
        {t('audit.description')}
      </p>
      <PagedLogTable<AuditEntry, AuditPage>
        log={log}
        rowsOf={(page) => page.entries}
        caption={(count) => t('audit.caption', { count })}
        empty={t('audit.empty')}
        failed={refused ? <span /> : undefined}
        columns={[
          { key: 'at', header: t('audit.at'), rowHeader: true, cell: (e) => formatDateTime(e.at, i18n.language) },
          { key: 'action', header: t('audit.action'), cell: (e) => <span title={e.action}>{actionLabel(e.action)}</span> },
          { key: 'record', header: t('audit.record'), cell: (e) => <Records entry={e} /> },
          { key: 'actor', header: t('audit.actor'), cell: (e) => (e.actor ? <RecordLabel record={e.actor} withType={false} /> : t('audit.system')) },
          ...(manyChains ? [{ key: 'chain', header: t('audit.chain'), cell: (e: AuditEntry) => e.organisation.label ?? e.organisationId }] : []),
          {
            key: 'seq',
            header: (
              <>
                {t('audit.seq')}
                <span className="kern-hint staff-header-hint">{t('audit.seqHelp')}</span>
              </>
            ),
            numeric: true,
            cell: (e) => e.seq,
          },
        ]}
      />
    </>
  );
}
