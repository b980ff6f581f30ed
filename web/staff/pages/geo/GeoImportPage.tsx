import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate, formatDateTime } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import type { BoundaryImport, StreetImport } from '#web/staff/types.ts';
import { LocateSection } from './LocateSection.tsx';
import { Section } from '#web/ui/Section.tsx';

/** The text of a chosen file, read in the browser; null when none is chosen. */
async function fileText(event: ChangeEvent<HTMLInputElement>): Promise<{ name: string; text: string } | null> {
  const file = event.target.files?.[0];
  return file ? { name: file.name, text: await file.text() } : null;
}

// i18n-keys: staff:geo.kind.*, staff:geo.crs.*
function BoundaryImportSection() {
  const { t, i18n } = useTranslation();
  const [geojson, setGeojson] = useState<{ name: string; text: string } | null>(null);
  const [assignment, setAssignment] = useState<{ name: string; text: string } | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [source, setSource] = useState('');
  const apiForm = useApiForm('geo-import', ['geojson', 'assignment', 'validFrom', 'source'], {
    send: () => {
      const body: BoundaryImport = { geojson: geojson?.text ?? '', ...(assignment ? { assignment: assignment.text } : {}), ...(validFrom ? { validFrom } : {}), source: source || geojson?.name || '' };
      return api('POST /api/geo/imports', { body });
    },
    invalidate: [['geo-imports']],
  });
  const result = apiForm.done;

  return (
    <Section id="geo-import-heading" heading={t('geo.importHeading')} lead={t('geo.importLead')}>
      {result ? (
        <Alert variant="success" role="status" title={t('geo.imported', { units: result.units, kind: t(`geo.kind.${result.kind}`), crs: t(`geo.crs.${result.crs}`), from: formatDate(result.validFrom, i18n.language) })}>
          {result.unassigned.length > 0 ? (
            <Table
              caption={t('geo.unassignedCaption', { count: result.unassigned.length })}
              rows={result.unassigned}
              rowKey={(u) => u.code}
              empty={t('geo.noneUnassigned')}
              columns={[
                { key: 'code', header: t('geo.unit'), rowHeader: true, cell: (u) => u.code },
                { key: 'reason', header: t('geo.reason'), cell: (u) => u.reason },
              ]}
            />
          ) : (
            <p className="kern-body">{t('geo.noneUnassigned')}</p>
          )}
        </Alert>
      ) : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('geojson')} type="file" accept=".geojson,.json,application/geo+json,application/json" label={t('geo.geojsonFile')} hint={t('geo.geojsonHint')} onChange={(e) => void fileText(e).then(setGeojson)} error={apiForm.field('geojson')} />
        <TextField id={apiForm.id('assignment')} type="file" accept=".csv,text/csv" label={t('geo.assignmentFile')} hint={t('geo.assignmentHint')} optional={t('common.optional')} onChange={(e) => void fileText(e).then(setAssignment)} error={apiForm.field('assignment')} />
        <TextField id={apiForm.id('validFrom')} type="date" label={t('common.validFrom')} hint={t('geo.validFromHint')} optional={t('common.optional')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={apiForm.field('validFrom')} />
        <TextField id={apiForm.id('source')} label={t('geo.source')} hint={t('geo.sourceHint')} optional={t('common.optional')} value={source} onChange={(e) => setSource(e.target.value)} error={apiForm.field('source')} />
        <FormActions submit={apiForm.busy ? t('geo.importing') : t('geo.import')} disabled={apiForm.busy} />
      </form>
    </Section>
  );
}

function StreetImportSection() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const apiForm = useApiForm('street-import', ['csv'], { send: () => api('POST /api/geo/street-imports', { body: { csv: csv?.text ?? '' } satisfies StreetImport }) });
  const result = apiForm.done;

  return (
    <Section id="street-import-heading" heading={t('geo.streetsHeading')} lead={t('geo.streetsLead')}>
      {result ? (
        <Alert variant="success" role="status" title={t('geo.streetsImported', { entries: result.entries, rejected: result.rejected.length })}>
          {result.rejected.length > 0 ? (
            <Table
              caption={t('geo.rejectedCaption')}
              rows={result.rejected}
              rowKey={(r) => String(r.line)}
              empty={t('geo.noneRejected')}
              columns={[
                { key: 'line', header: t('geo.line'), rowHeader: true, numeric: true, cell: (r) => r.line },
                { key: 'reason', header: t('geo.reason'), cell: (r) => r.reason },
              ]}
            />
          ) : null}
        </Alert>
      ) : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('csv')} type="file" accept=".csv,text/csv" label={t('geo.streetsFile')} hint={t('geo.streetsHint')} onChange={(e) => void fileText(e).then(setCsv)} error={apiForm.field('csv')} />
        <FormActions submit={apiForm.busy ? t('geo.importing') : t('geo.streetsImport')} disabled={apiForm.busy} />
      </form>
    </Section>
  );
}

function BoundarySets() {
  const { t, i18n } = useTranslation();
  const sets = useQuery({ queryKey: ['geo-imports'], queryFn: () => api('GET /api/geo/imports') });
  return (
    <Section id="geo-sets-heading" heading={t('geo.setsHeading')}>
      {sets.isError ? <Alert variant="danger" title={t('apiForm.loadFailed')} /> : null}
      {sets.data ? (
        <Table
          caption={t('geo.setsCaption')}
          rows={sets.data}
          rowKey={(s) => s.id}
          empty={t('geo.noSets')}
          columns={[
            { key: 'from', header: t('common.validFrom'), rowHeader: true, cell: (s) => formatDate(s.validFrom, i18n.language) },
            { key: 'kind', header: t('geo.kindHeader'), cell: (s) => t(`geo.kind.${s.kind}`) },
            { key: 'count', header: t('geo.count'), numeric: true, cell: (s) => s.count },
            { key: 'source', header: t('geo.source'), cell: (s) => s.source },
            { key: 'at', header: t('geo.importedAt'), cell: (s) => formatDateTime(s.importedAt, i18n.language) },
          ]}
        />
      ) : null}
    </Section>
  );
}

/** Geodata for the city admin: boundaries (GeoJSON, optionally with a unit table), the street directory, and a test box. */
export function GeoImportPage() {
  const { t } = useTranslation();
  const title = t('geo.title');
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} lead={t('geo.lead')} />
      <p className="kern-body">
        <Link className="kern-link" to="/regions">
          {t('geo.backToRegions')}
        </Link>
      </p>
      <BoundaryImportSection />
      <StreetImportSection />
      <BoundarySets />
      <LocateSection />
    </>
  );
}
