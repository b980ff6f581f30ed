import { useTranslation } from 'react-i18next';
import type { CatalogService, CatalogVersion } from '#contracts/catalog.ts';
import { Badge } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { Table, type Column } from '#web/ui/Table.tsx';
import { useAreasAndBlocks } from './queries.ts';

/** A version's services, one section per integration area and one table per building block. */
export function ServiceTables({ version, onEdit }: { version: CatalogVersion; onEdit?: ((service: CatalogService) => void) | undefined }) {
  const { t } = useTranslation('catalog');
  const { areas, blocks } = useAreasAndBlocks();
  const columns: Column<CatalogService>[] = [
    {
      key: 'name',
      header: t('services.name'),
      rowHeader: true,
      cell: (s) => (
        <>
          {s.name}
          {s.description ? <div className="kern-hint">{s.description}</div> : null}
        </>
      ),
    },
    { key: 'code', header: t('services.code'), cell: (s) => <code>{s.code}</code> },
    { key: 'counting', header: t('services.counting'), cell: (s) => t(`counting.${s.counting}`) },
    { key: 'status', header: t('services.status'), cell: (s) => (s.active ? <Badge variant="success">{t('services.active')}</Badge> : <Badge variant="warning">{t('services.inactive')}</Badge>) },
  ];
  if (onEdit) {
    columns.push({
      key: 'actions',
      header: t('staff:common.actions'),
      cell: (s) => (
        <Button variant="tertiary" small onClick={() => onEdit(s)} aria-label={t('services.editNamed', { name: s.name })}>
          {t('staff:common.edit')}
        </Button>
      ),
    });
  }
  const areaCodes = [...areas.map((a) => a.code), ...version.services.map((s) => s.areaCode).filter((c) => !areas.some((a) => a.code === c))];
  const blockCodes = [...blocks.map((b) => b.code), ...version.services.map((s) => s.blockCode).filter((c) => !blocks.some((b) => b.code === c))];
  return (
    <>
      {[...new Set(areaCodes)].map((areaCode) => {
        const inArea = version.services.filter((s) => s.areaCode === areaCode);
        if (!inArea.length) return null;
        const area = areas.find((a) => a.code === areaCode);
        const areaName = area?.name ?? areaCode;
        return (
          <section key={areaCode} className="staff-section" aria-labelledby={`catalog-area-${areaCode}`}>
            <h3 className="kern-heading-small" id={`catalog-area-${areaCode}`}>
              {areaName}
            </h3>
            {area?.sensitivity === 'special' ? <p className="kern-hint">{t('services.sensitive')}</p> : null}
            {[...new Set(blockCodes)].map((blockCode) => {
              const rows = inArea.filter((s) => s.blockCode === blockCode);
              if (!rows.length) return null;
              const blockName = blocks.find((b) => b.code === blockCode)?.name ?? blockCode;
              return <Table key={blockCode} caption={t('services.caption', { area: areaName, block: blockName })} rows={rows} rowKey={(s) => s.id} empty={t('services.empty')} columns={columns} />;
            })}
          </section>
        );
      })}
    </>
  );
}
