import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { SelectField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { officeScope, usePermissions } from '#web/staff/permissions.ts';
import { useRegionsToday, useOffices } from '#web/staff/queries.ts';
import { useMe } from '#web/staff/session.tsx';
import { languageList } from '#web/staff/labels.tsx';
import { OfficeLeadTimes } from './OfficeLeadTimes.tsx';

/** Integrationsbüros: the offices in force today, per region; each links to its detail. */
export function OfficesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { mayOn } = usePermissions();
  const title = t('offices.title');
  useDocumentTitle(title);
  const [region, setRegion] = useState('');
  const regions = useRegionsToday();
  const offices = useOffices(region);
  const regionName = regions.data?.find((r) => r.code === region)?.name;
  const withLeadTimes = (offices.data ?? []).filter((o) => mayOn('office.read-lead-times', officeScope(o), o));

  return (
    <>
      <PageHeader title={title} lead={t('offices.lead')} />
      <form className="staff-form staff-filter" noValidate onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="offices-region"
          label={t('offices.region')}
          value={region}
          onChange={(e) => setRegion(e.target.value)}
          options={[{ value: '', label: t('offices.allRegions') }, ...(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))]}
        />
      </form>
      {offices.isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {offices.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {offices.data ? (
        <Table
          caption={regionName ? t('offices.captionRegion', { region: regionName }) : t('offices.caption')}
          rows={offices.data}
          rowKey={(o) => o.id}
          empty={t('offices.empty')}
          columns={[
            {
              key: 'name',
              header: t('offices.name'),
              rowHeader: true,
              cell: (o) => (
                <>
                  <Link className="kern-link" to={`/offices/${o.id}`}>
                    {o.name}
                  </Link>
                  {o.provider.id === me.organisation.id ? <span className="staff-note"> {t('offices.yours')}</span> : null}
                </>
              ),
            },
            { key: 'region', header: t('offices.region'), cell: (o) => o.region.name },
            { key: 'provider', header: t('offices.provider'), cell: (o) => o.provider.name },
            { key: 'address', header: t('offices.address'), cell: (o) => `${o.address.street} ${o.address.houseNumber}, ${o.address.postcode} ${o.address.city}` },
            { key: 'languages', header: t('offices.languages'), cell: (o) => languageList(o.languages, i18n.language) },
          ]}
        />
      ) : null}
      {withLeadTimes.length > 0 ? <OfficeLeadTimes offices={withLeadTimes} /> : null}
    </>
  );
}
