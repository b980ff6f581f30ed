import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table, type Column } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import { useNotice } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import type { ServiceAgreement } from '#web/staff/types.ts';
import { CreateAgreementForm, EditAgreementForm } from './AgreementForms.tsx';

/** Leistungsvereinbarungen: which provider serves which region when (the city's administration edits, all staff read). */
export function AgreementsPage() {
  const { t, i18n } = useTranslation();
  const { may } = usePermissions();
  const isAdmin = may('service-agreement.edit');
  useDocumentTitle(t('agreements.title'));
  const [editing, setEditing] = useState<ServiceAgreement | null>(null);
  const notice = useNotice();
  const agreements = useQuery({ queryKey: ['service-agreements'], queryFn: () => api('GET /api/service-agreements') });

  const columns: Column<ServiceAgreement>[] = [
    { key: 'provider', header: t('agreements.provider'), rowHeader: true, cell: (a) => a.provider.name },
    { key: 'region', header: t('agreements.region'), cell: (a) => a.region.name },
    { key: 'reference', header: t('agreements.reference'), cell: (a) => a.reference },
    { key: 'from', header: t('common.validFrom'), cell: (a) => formatDate(a.validFrom, i18n.language) },
    { key: 'to', header: t('common.validTo'), cell: (a) => (a.validTo ? formatDate(a.validTo, i18n.language) : t('common.openEnded')) },
  ];
  if (isAdmin) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (a) => (
        <Button variant="tertiary" small onClick={() => {
          notice.clear();
          setEditing(a);
        }} aria-label={t('agreements.editNamed', { provider: a.provider.name, region: a.region.name })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader title={t('agreements.title')} lead={isAdmin ? t('agreements.leadAdmin') : t('agreements.lead')} />
      {agreements.isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {agreements.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {agreements.data ? <Table caption={t('agreements.caption')} rows={agreements.data} rowKey={(a) => a.id} empty={t('agreements.empty')} columns={columns} /> : null}
      {notice.region}
      {may('service-agreement.edit') && editing ? (
        <EditAgreementForm
          key={editing.id}
          agreement={editing}
          onClose={(saved) => {
            if (saved) notice.show(t('common.savedNamed', { name: `${editing.provider.name} – ${editing.region.name}` }));
            setEditing(null);
          }}
        />
      ) : null}
      {may('service-agreement.create') ? <CreateAgreementForm /> : null}
    </>
  );
}
