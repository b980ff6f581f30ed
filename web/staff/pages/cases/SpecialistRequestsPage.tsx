import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CityRequest } from '#contracts/specialist-requests.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import { usePanels } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { SPECIALIST_STATE_BADGE } from './SpecialistSection.tsx';
import { formatHours } from './specialist-state.ts';
import { DecisionForm } from './DecisionForm.tsx';

type Panel = { id: string };

// i18n-keys: cases:specialist.state.*
/**
 * The city's coordinators: the Fachleistung requests of their regions (all when unassigned) —
 * pseudonym, provider, region, criteria, hours, state — and the decision on those submitted.
 * Nothing of the case file; each view is recorded in the provider's audit log, too.
 */
export function SpecialistRequestsPage() {
  const { t, i18n } = useTranslation('cases');
  useDocumentTitle(t('specialist.city.title'));
  const { panel, open, close, saved, region } = usePanels<Panel>();
  const query = useQuery({ queryKey: ['city-specialist-requests'], queryFn: () => api('GET /api/specialist-requests') });
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => api('GET /api/regions') });
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const deciding = panel ? query.data?.requests.find((r) => r.id === panel.id) : undefined;
  const hours = (r: CityRequest) =>
    r.state === 'approved' && r.approvedHours !== null
      ? t('specialist.list.deliveredOf', { delivered: formatHours(r.deliveredHours ?? 0, i18n.language), approved: formatHours(r.approvedHours, i18n.language) })
      : t('specialist.list.forecast', { hours: formatHours(r.forecastHours, i18n.language) });
  return (
    <>
      <PageHeader title={t('specialist.city.title')} lead={t('specialist.city.lead', { threshold: query.data?.thresholdHours ?? 35 })} />
      {region}
      {query.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {deciding ? <DecisionForm key={deciding.id} request={deciding} onClose={close} onSaved={(r) => saved(r.state === 'approved' ? t('specialist.city.approved', { pseudonym: r.pseudonym }) : t('specialist.city.rejected', { pseudonym: r.pseudonym }))()} /> : null}
      {query.data ? (
        <Table<CityRequest>
          caption={t('specialist.city.caption')}
          rows={query.data.requests}
          rowKey={(r) => r.id}
          empty={t('specialist.city.none')}
          columns={[
            { key: 'pseudonym', header: t('specialist.city.pseudonym'), rowHeader: true, cell: (r) => <>{r.pseudonym}{r.kind === 'extension' ? <><br />{t('specialist.kind.extension')}</> : null}</> },
            { key: 'provider', header: t('specialist.city.provider'), cell: (r) => <>{r.provider.name}<br />{regionName(r.regionCode)}</> },
            { key: 'criteria', header: t('specialist.list.criteria'), cell: (r) => r.criteria.map((c) => c.label).join('; ') },
            { key: 'hours', header: t('specialist.list.hours'), cell: hours },
            {
              key: 'state',
              header: t('specialist.list.state'),
              cell: (r) => (
                <>
                  <Badge variant={SPECIALIST_STATE_BADGE[r.state]}>{t(`specialist.state.${r.state}`)}</Badge>
                  {r.approvedFrom && r.approvedUntil ? <><br />{t('specialist.list.fromUntil', { from: formatDate(r.approvedFrom, i18n.language), until: formatDate(r.approvedUntil, i18n.language) })}</> : null}
                  {r.state === 'rejected' ? <><br />{r.decisionReason}</> : null}
                </>
              ),
            },
            {
              key: 'actions',
              header: t('specialist.list.actions'),
              cell: (r) => (r.permittedActions.includes('specialist-request.decide') ? (
                <Button variant="secondary" small onClick={() => open({ id: r.id })}>
                  {t('specialist.city.decide', { pseudonym: r.pseudonym })}
                </Button>
              ) : '–'),
            },
          ]}
        />
      ) : null}
    </>
  );
}
