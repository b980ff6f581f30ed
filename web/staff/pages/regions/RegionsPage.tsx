import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate, todayInBerlin } from '#web/staff/format.ts';
import { useNotice } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import type { Region } from '#web/staff/types.ts';
import { CreateRegionForm, EditRegionForm } from './RegionForms.tsx';
import { MembersSection } from './MembersSection.tsx';

/** Regionen (everyone reads; the city's administration also edits regions and moves Stadtbezirke/Ortschaften). */
export function RegionsPage() {
  const { t, i18n } = useTranslation();
  const { may } = usePermissions();
  const title = may('region-member.move') ? t('regions.titleAdmin') : t('regions.title');
  useDocumentTitle(title);
  const [atInput, setAtInput] = useState(todayInBerlin());
  const [at, setAt] = useState(atInput);
  const [editing, setEditing] = useState<Region | null>(null);
  const notice = useNotice();
  const regions = useQuery({ queryKey: ['regions', at], queryFn: () => api('GET /api/regions', { query: { at } }) });

  const columns = [
    { key: 'name', header: t('regions.name'), rowHeader: true, cell: (r: Region) => r.name },
    { key: 'code', header: t('regions.code'), cell: (r: Region) => <code>{r.code}</code> },
    { key: 'members', header: t('regions.members'), cell: (r: Region) => r.members.map((m) => m.name).join(', ') || t('regions.noMembers') },
    { key: 'description', header: t('regions.description'), cell: (r: Region) => r.description },
  ];
  if (may('region.edit')) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (r: Region) => (
        <Button variant="tertiary" small onClick={() => {
          notice.clear();
          setEditing(r);
        }} aria-label={t('regions.editNamed', { name: r.name })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader title={title} lead={t('regions.lead')} />
      {may('geodata.import') ? (
        <p className="kern-body">
          <Link className="kern-link" to="/regions/geodata">
            {t('geo.title')}
          </Link>
        </p>
      ) : null}
      <form
        className="staff-form staff-filter staff-inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (/^\d{4}-\d{2}-\d{2}$/.test(atInput)) setAt(atInput);
        }}
      >
        <TextField id="regions-at" type="date" label={t('regions.at')} value={atInput} onChange={(e) => setAtInput(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('regions.show')}
        </Button>
      </form>
      {regions.isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {regions.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {regions.data ? (
        <Table caption={t('regions.caption', { date: formatDate(at, i18n.language) })} rows={regions.data} rowKey={(r) => r.code} empty={t('regions.empty')} columns={columns} />
      ) : null}
      {notice.region}
      {may('region.edit') && editing ? (
        <EditRegionForm
          key={editing.code}
          region={editing}
          onClose={(saved) => {
            if (saved) notice.show(t('common.savedNamed', { name: editing.name }));
            setEditing(null);
          }}
        />
      ) : null}
      {may('region.create') ? <CreateRegionForm /> : null}
      {may('region-member.move') && regions.data ? <MembersSection regions={regions.data} /> : null}
    </>
  );
}
