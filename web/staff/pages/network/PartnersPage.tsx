import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '#contracts/network.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table, type Column } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, usePanels } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { useSession } from '#web/staff/session.tsx';
import { PartnerForm, partnersKey } from './PartnerForm.tsx';

type Panel = { kind: 'add' } | { kind: 'edit'; id: string };

// i18n-keys: network:kind.*
/**
 * The provider's partners per region (language courses, Jobcenter, health, Kita/school,
 * counselling): what referrals go to, named as consents name them. Its staff read the list of the
 * regions they work in; the team lead (partner.manage) adds, changes, archives and restores.
 */
export function PartnersPage() {
  const { t } = useTranslation('network');
  useDocumentTitle(t('title'));
  const session = useSession();
  const [archived, setArchived] = useState(false);
  const { panel, open, close, saved, region } = usePanels<Panel>();
  const partners = useQuery({ queryKey: [...partnersKey, archived], queryFn: () => api('GET /api/partners', { query: { includeArchived: archived ? 'true' : 'false' } }) });
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => api('GET /api/regions') });
  // The partner whose archive button was pressed (read when the request is sent).
  const toggling = useRef<Partner | null>(null);
  const archive = useApiForm('partner-archive', [], {
    send: () => api('PATCH /api/partners/:id', { params: { id: toggling.current?.id ?? '' }, body: { version: toggling.current?.version ?? 1, archived: !toggling.current?.archived } }),
    invalidate: [partnersKey],
    onSuccess: (p) => {
      toggling.current = null;
      saved(p.archived ? t('archive.done', { name: p.name }) : t('archive.restored', { name: p.name }))();
    },
  });
  const manage = partners.data?.permittedActions.includes('partner.manage') ?? false;
  const reach = session.data?.me.regionCodes ?? null;
  const regionList = (regions.data ?? []).filter((r) => reach === null || reach.includes(r.code));
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const editing = panel?.kind === 'edit' ? partners.data?.partners.find((p) => p.id === panel.id) : undefined;
  const columns: Column<Partner>[] = [
    { key: 'name', header: t('list.name'), rowHeader: true, cell: (p) => <>{p.name}{p.archived ? <> <Badge variant="warning">{t('list.archived')}</Badge></> : null}</> },
    { key: 'kind', header: t('list.kind'), cell: (p) => t(`kind.${p.kind}`) },
    { key: 'region', header: t('list.region'), cell: (p) => regionName(p.regionCode) },
    { key: 'contact', header: t('list.contact'), cell: (p) => p.contact || '–' },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      header: t('list.actions'),
      cell: (p) => (
        <>
          <Button variant="tertiary" small onClick={() => open({ kind: 'edit', id: p.id })}>
            {t('list.edit', { name: p.name })}
          </Button>
          <br />
          <Button variant="tertiary" small disabled={archive.busy} onClick={(e) => { toggling.current = p; archive.onSubmit(e); }}>
            {p.archived ? t('archive.restore', { name: p.name }) : t('archive.archive', { name: p.name })}
          </Button>
        </>
      ),
    });
  }
  return (
    <>
      <PageHeader title={t('title')} lead={manage ? t('leadManage') : t('lead')} />
      {region}
      {archive.summary}
      {partners.isError || regions.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {manage ? (
        <div className="staff-actions">
          <Button variant="primary" onClick={() => open({ kind: 'add' })} disabled={!regions.data}>
            {t('form.open')}
          </Button>
        </div>
      ) : null}
      {panel?.kind === 'add' ? <PartnerForm regions={regionList} partner={null} onClose={close} onSaved={(p) => saved(t('form.saved', { name: p.name }))()} /> : null}
      {editing ? <PartnerForm key={editing.id} regions={regionList} partner={editing} onClose={close} onSaved={(p) => saved(t('form.saved', { name: p.name }))()} /> : null}
      <CheckboxField id="partners-archived" label={t('list.showArchived')} checked={archived} onChange={(e) => setArchived(e.target.checked)} />
      {partners.data ? <Table caption={t('list.caption')} rows={partners.data.partners} rowKey={(p) => p.id} empty={t('list.none')} columns={columns} /> : null}
    </>
  );
}
