import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CatalogService, CatalogVersion } from '#contracts/catalog.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { formatDate, todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, useNotice } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import { PublishSection } from './PublishSection.tsx';
import { CATALOG_KEY, useCatalogVersion, useCatalogVersions } from './queries.ts';
import { ServiceForm } from './ServiceForm.tsx';
import { ServiceTables } from './ServiceTables.tsx';
import { VersionHistory } from './VersionHistory.tsx';
import { Section } from '#web/ui/Section.tsx';

/**
 * Leistungskatalog: the catalog in force (or a version chosen from the history, `?version=`),
 * grouped by integration area and building block. The city admin starts a draft, edits its
 * services and publishes it.
 */
export function CatalogPage() {
  const { t } = useTranslation('catalog');
  const { may } = usePermissions();
  const editor = may('catalog.edit');
  useDocumentTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const versionId = params.get('version');
  const versions = useCatalogVersions();
  const version = useCatalogVersion(versionId);
  const notice = useNotice();
  const draft = versions.data?.find((v) => v.status === 'draft') ?? null;
  const missing = version.error instanceof ProblemError && version.error.status === 404;

  return (
    <>
      <PageHeader title={t('title')} lead={editor ? t('leadEditor') : t('lead')} />
      {notice.region}
      {editor ? <DraftEntry draftId={draft?.id ?? null} draftNumber={draft?.number ?? null} shownId={version.data?.id ?? null} onCreated={(v) => setParams({ version: v.id })} /> : null}
      {version.isPending ? <p className="kern-body">{t('staff:loading.title')}</p> : null}
      {missing ? <Alert variant="info" title={versionId ? t('staff:errors.loadFailed') : t('none')} /> : null}
      {version.isError && !missing ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {version.data ? (
        <VersionView
          key={version.data.id}
          version={version.data}
          editable={editor && version.data.status === 'draft'}
          onPublished={(v) => notice.show(t('publish.done', { number: v.number }))}
          showsCurrent={versionId === null}
        />
      ) : null}
      {versions.data ? <VersionHistory versions={versions.data} shownId={version.data?.id ?? null} /> : null}
    </>
  );
}

/** For the editors: a link to the open draft, or the button that starts one. */
function DraftEntry({ draftId, draftNumber, shownId, onCreated }: { draftId: string | null; draftNumber: number | null; shownId: string | null; onCreated: (v: CatalogVersion) => void }) {
  const { t } = useTranslation('catalog');
  const create = useApiForm('catalog-draft', [], {
    send: () => api('POST /api/catalog/versions', { body: {} }),
    invalidate: [CATALOG_KEY],
    onSuccess: onCreated,
  });
  if (draftId) {
    if (draftId === shownId) return null;
    return (
      <p className="kern-body">
        <Link className="kern-link" to={{ search: `?version=${draftId}` }}>
          {t('draft.open', { number: draftNumber })}
        </Link>
      </p>
    );
  }
  return (
    <div className="staff-section">
      {create.summary}
      <p className="kern-hint">{t('draft.createHint')}</p>
      <div className="staff-actions">
        <Button variant="secondary" disabled={create.busy} onClick={(e) => create.onSubmit(e)}>
          {t('draft.create')}
        </Button>
      </div>
    </div>
  );
}

function VersionView({ version, editable, showsCurrent, onPublished }: { version: CatalogVersion; editable: boolean; showsCurrent: boolean; onPublished: (v: CatalogVersion) => void }) {
  const { t, i18n } = useTranslation('catalog');
  const [editing, setEditing] = useState<CatalogService | null>(null);
  const upcoming = version.validFrom !== null && version.validFrom > todayInBerlin();
  return (
    <>
      <Section id="catalog-version-heading" heading={t('version.heading', { number: version.number, label: version.label })}>
        <p className="kern-body staff-actions">
          {version.status === 'draft' ? <Badge variant="warning">{t('version.draft')}</Badge> : <Badge variant="success">{t('version.published')}</Badge>}
          {version.current ? <Badge variant="success">{t('version.current')}</Badge> : null}
          {version.example ? <Badge variant="info">{t('version.example')}</Badge> : null}
          <span>
            {version.validFrom ? (upcoming ? t('version.notYetValid', { date: formatDate(version.validFrom, i18n.language) }) : t('version.validFrom', { date: formatDate(version.validFrom, i18n.language) })) : null}{' '}
            {t('version.services', { count: version.services.length })}
          </span>
        </p>
        {version.example ? <Alert variant="info" title={t('version.example')}>{t('version.exampleNote')}</Alert> : null}
        {version.status === 'draft' ? <p className="kern-body">{t('version.draftNote')}</p> : null}
        {!showsCurrent ? (
          <p className="kern-body">
            <Link className="kern-link" to={{ search: '' }}>
              {t('version.backToCurrent')}
            </Link>
          </p>
        ) : null}
        {editing && editable ? <ServiceForm key={editing.id} versionId={version.id} service={editing} onClose={() => setEditing(null)} /> : null}
        <ServiceTables version={version} onEdit={editable ? setEditing : undefined} />
      </Section>
      {editable ? <ServiceForm versionId={version.id} /> : null}
      {editable ? <PublishSection version={version} onPublished={onPublished} /> : null}
    </>
  );
}
