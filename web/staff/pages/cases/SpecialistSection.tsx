import { useTranslation } from 'react-i18next';
import type { SpecialistRequest, SpecialistRequestState } from '#contracts/specialist-requests.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge, type BadgeVariant } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { formatDate } from '#web/staff/format.ts';
import { usePanels } from '#web/staff/forms.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import { SpecialistForm } from './SpecialistForm.tsx';
import { formatHours, useSpecialistRequests } from './specialist-state.ts';

type Panel = { kind: 'apply'; extendsId: string | null };
export const SPECIALIST_STATE_BADGE: Record<SpecialistRequestState, BadgeVariant> = { draft: 'info', submitted: 'warning', approved: 'success', rejected: 'danger' };

// i18n-keys: cases:specialist.state.*, cases:specialist.kind.*
/**
 * Fachleistung: the household's applications to the city with their state, the approval's period
 * and the hours delivered against the hours approved (the household's service entries of the
 * Fachleistung block in that period). "Fachleistung beantragen" opens the application; an approval
 * can be extended. Buttons follow the list's permittedActions.
 */
export function SpecialistSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('cases');
  const readable = usePermissions().may('specialist-request.read');
  const query = useSpecialistRequests(householdId, readable);
  const { panel, open, close, saved, region } = usePanels<Panel>();
  if (!readable) return null;
  if (query.isError) return <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} />;
  if (!query.data) return null;
  const { requests, criteria, thresholdHours, permittedActions } = query.data;
  const hoursOf = (r: SpecialistRequest) =>
    r.state === 'approved' && r.approvedHours !== null ? t('specialist.list.deliveredOf', { delivered: formatHours(r.deliveredHours ?? 0, i18n.language), approved: formatHours(r.approvedHours, i18n.language) }) : t('specialist.list.forecast', { hours: formatHours(r.forecastHours, i18n.language) });
  return (
    <Section id="specialist" heading={t('specialist.heading')} lead={t('specialist.lead', { threshold: thresholdHours })}>
      {region}
      {permittedActions.includes('specialist-request.apply') ? (
        <div className="staff-actions">
          <Button variant="primary" onClick={() => open({ kind: 'apply', extendsId: null })}>
            {t('specialist.form.open')}
          </Button>
        </div>
      ) : null}
      {panel ? <SpecialistForm householdId={householdId} criteria={criteria} thresholdHours={thresholdHours} extendsId={panel.extendsId} onClose={close} onSaved={saved(t('specialist.form.saved'))} /> : null}
      <Table<SpecialistRequest>
        caption={t('specialist.list.caption')}
        rows={requests}
        rowKey={(r) => r.id}
        empty={t('specialist.list.none')}
        columns={[
          { key: 'state', header: t('specialist.list.state'), rowHeader: true, cell: (r) => <span id={`specialist-${r.id}`}><Badge variant={SPECIALIST_STATE_BADGE[r.state]}>{t(`specialist.state.${r.state}`)}</Badge>{r.kind === 'extension' ? <><br />{t('specialist.kind.extension')}</> : null}</span> },
          { key: 'criteria', header: t('specialist.list.criteria'), cell: (r) => r.criteria.map((c) => c.label).join('; ') },
          { key: 'period', header: t('specialist.list.period'), cell: (r) => (r.approvedFrom && r.approvedUntil ? t('specialist.list.fromUntil', { from: formatDate(r.approvedFrom, i18n.language), until: formatDate(r.approvedUntil, i18n.language) }) : r.decisionReason || '–') },
          { key: 'hours', header: t('specialist.list.hours'), cell: hoursOf },
          {
            key: 'actions',
            header: t('specialist.list.actions'),
            cell: (r) => (r.state === 'approved' && r.permittedActions.includes('specialist-request.apply') ? (
              <Button variant="tertiary" small onClick={() => open({ kind: 'apply', extendsId: r.id })}>
                {t('specialist.form.extend')}
              </Button>
            ) : '–'),
          },
        ]}
      />
    </Section>
  );
}
