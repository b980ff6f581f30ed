import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import { useNotice } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import type { Organisation } from '#web/staff/types.ts';
import { CreateOrganisationForm } from './CreateOrganisationForm.tsx';
import { EditOrganisationForm } from './EditOrganisationForm.tsx';

export const ORGANISATIONS_KEY = ['organisations'] as const;

/** Organisationen (city_admin): the city and the providers; create, rename, require 2FA, archive. */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('organisations.title'));
  const [editing, setEditing] = useState<Organisation | null>(null);
  const notice = useNotice();
  const { data, isPending, isError } = useQuery({
    queryKey: ORGANISATIONS_KEY,
    queryFn: () => api('GET /api/organisations', { query: { archived: 'include' } }),
  });
  return (
    <>
      <PageHeader title={t('organisations.title')} lead={t('organisations.lead')} />
      {isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {data ? (
        <Table
          caption={t('organisations.caption')}
          rows={data}
          rowKey={(o) => o.id}
          empty={t('organisations.empty')}
          columns={[
            { key: 'name', header: t('organisations.name'), rowHeader: true, cell: (o) => o.name },
            { key: 'kind', header: t('organisations.kind'), cell: (o) => t(`organisationKind.${o.kind}`) },
            { key: 'totp', header: t('organisations.requireTotp'), cell: (o) => (o.requireTotp ? t('common.yes') : t('common.no')) },
            { key: 'status', header: t('common.status'), cell: (o) => (o.archivedAt ? t('organisations.archivedOn', { date: formatDate(o.archivedAt.slice(0, 10), i18n.language) }) : t('organisations.active')) },
            {
              key: 'actions',
              header: t('common.actions'),
              cell: (o) => (
                <Button variant="tertiary" small onClick={() => {
                  notice.clear();
                  setEditing(o);
                }} aria-label={t('organisations.editNamed', { name: o.name })}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      {notice.region}
      {editing ? (
        <EditOrganisationForm
          key={editing.id}
          organisation={editing}
          onClose={(saved) => {
            if (saved) notice.show(t('common.savedNamed', { name: editing.name }));
            setEditing(null);
          }}
        />
      ) : null}
      <CreateOrganisationForm />
    </>
  );
}
