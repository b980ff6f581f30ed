import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CatalogVersion } from '#contracts/catalog.ts';
import { Table, type Column } from '#web/ui/Table.tsx';
import { formatDate } from '#web/staff/format.ts';
import { Section } from '#web/ui/Section.tsx';

type Summary = Omit<CatalogVersion, 'services'>;

/** Every version, newest first, each with a link to view it. */
export function VersionHistory({ versions, shownId }: { versions: readonly Summary[]; shownId: string | null }) {
  const { t, i18n } = useTranslation('catalog');
  const columns: Column<Summary>[] = [
    {
      key: 'number',
      header: t('history.number'),
      rowHeader: true,
      cell: (v) =>
        v.id === shownId ? (
          <span aria-current="true">
            {v.number} ({t('history.viewing')})
          </span>
        ) : (
          <Link className="kern-link" to={{ search: `?version=${v.id}` }} aria-label={t('history.view', { number: v.number })}>
            {v.number}
          </Link>
        ),
    },
    { key: 'label', header: t('history.label'), cell: (v) => v.label },
    { key: 'status', header: t('history.status'), cell: (v) => [v.status === 'draft' ? t('version.draft') : t('version.published'), v.current ? t('version.current') : null, v.example ? t('version.example') : null].filter(Boolean).join(', ') },
    { key: 'validFrom', header: t('history.validFrom'), cell: (v) => (v.validFrom ? formatDate(v.validFrom, i18n.language) : '–') },
    { key: 'services', header: t('history.services'), numeric: true, cell: (v) => v.serviceCount },
  ];
  return (
    <Section id="catalog-history-heading" heading={t('history.heading')}>
      <Table caption={t('history.caption')} rows={versions} rowKey={(v) => v.id} empty={t('history.empty')} columns={columns} />
    </Section>
  );
}
