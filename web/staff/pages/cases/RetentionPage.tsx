import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RetentionDueEntry } from '#contracts/retention.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { StatusMessage } from '#web/ui/StatusMessage.tsx';
import { Table, type Column } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { usePermissions } from '#web/staff/permissions.ts';

const KEY = ['retention'] as const;

/**
 * The provider's administrator sees the closed case files due for erasure — case file, closed on,
 * reason, due since and what would be erased as counts (the API's dry run) — and erases the due
 * ones now. Nothing personal is shown: the case file's short label, dates and counts.
 */
export function RetentionPage() {
  const { t, i18n } = useTranslation('privacy');
  const { may } = usePermissions();
  useDocumentTitle(t('retention.title'));
  const query = useQuery({ queryKey: KEY, queryFn: () => api('GET /api/retention') });
  const erasable = (query.data?.due ?? []).filter((d) => !d.blocked);
  const form = useApiForm('retention', ['caseFileIds'], {
    send: () => api('POST /api/retention/erase', { body: { caseFileIds: erasable.map((d) => d.caseFileId) } }),
    invalidate: [KEY],
  });
  const day = (iso: string) => formatDate(iso.slice(0, 10), i18n.language);
  // i18n-keys: privacy:retention.sections.*
  const counts = (row: RetentionDueEntry) =>
    row.blocked ? t('retention.blocked') : Object.entries(row.counts).filter(([, n]) => n > 0).map(([name, n]) => t('retention.count', { name: t(`retention.sections.${name}`, { defaultValue: name }), n })).join(', ');
  const columns: Column<RetentionDueEntry>[] = [
    { key: 'file', header: t('retention.file'), cell: (row) => row.label, rowHeader: true },
    { key: 'closed', header: t('retention.closedOn'), cell: (row) => day(row.closedAt) },
    { key: 'reason', header: t('retention.reason'), cell: (row) => row.closeReason ?? '—' },
    { key: 'due', header: t('retention.dueSince'), cell: (row) => day(row.dueSince) },
    { key: 'counts', header: t('retention.wouldErase'), cell: counts },
  ];
  return (
    <>
      <PageHeader title={t('retention.title')} lead={t('retention.lead', { years: query.data?.retentionYears ?? 3 })} />
      {query.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      <StatusMessage message={form.done ? t('retention.done', { erased: form.done.erased.length, skipped: form.done.skipped.length }) : null} />
      {query.data ? (
        <section className="staff-section">
          <Table caption={t('retention.caption', { count: query.data.due.length })} columns={columns} rows={query.data.due} rowKey={(row) => row.caseFileId} empty={t('retention.none')} />
          {erasable.length > 0 && may('retention.erase') ? (
            <>
              {form.summary}
              <form className="staff-form" noValidate onSubmit={form.onSubmit}>
                <p className="kern-body">{t('retention.warning')}</p>
                <FormActions submit={t('retention.eraseNow', { count: erasable.length })} submitVariant="primary" disabled={form.busy} />
              </form>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
