import { useTranslation } from 'react-i18next';
import type { Assessment } from '#contracts/assessments.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { formatDate } from '#web/staff/format.ts';
import { usePanels } from '#web/staff/forms.tsx';
import { useAssessments, useGlance } from './assessment-state.ts';
import { AssessmentForm } from './AssessmentForm.tsx';
import { NeedBadge } from './NeedBadge.tsx';

type Panel = { kind: 'add' } | { kind: 'edit'; id: string };

/**
 * Needs assessments of the household: the form to assess a person or the household in an area,
 * and the history per area (newest first), each entry correctable with the version read.
 */
export function AssessmentsSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('cases');
  const glance = useGlance(householdId);
  const query = useAssessments(householdId);
  const { panel, open, close, saved, region } = usePanels<Panel>();
  const g = glance.data;
  const may = (action: string) => g?.permittedActions.includes(action) ?? false;
  const people = (g?.rows ?? []).flatMap((r) => (r.personId ? [{ id: r.personId, name: r.name }] : []));
  const nameOf = (personId: string | null) => (personId ? (people.find((p) => p.id === personId)?.name ?? '–') : t('needs.householdRow'));
  const choices = { people, areas: g?.areas ?? [] };
  const all = query.data?.assessments ?? [];
  const areas = (g?.areas ?? []).filter((a) => all.some((x) => x.areaCode === a.code));
  return (
    <Section id="assessments" heading={t('needs.heading')} lead={t('needs.lead')}>
      {region}
      {query.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {query.isPending ? <p className="kern-body">{t('staff:loading.title')}</p> : null}
      {may('assessment.create') && g ? (
        <div className="staff-actions">
          <Button variant="secondary" onClick={() => open({ kind: 'add' })}>
            {t('needs.form.open')}
          </Button>
        </div>
      ) : null}
      {panel?.kind === 'add' && g ? <AssessmentForm householdId={householdId} choices={choices} onClose={close} onSaved={saved(t('needs.form.saved'))} /> : null}
      {query.data && all.length === 0 ? <p className="kern-body">{t('needs.none')}</p> : null}
      {areas.map((area) => (
        <div key={area.code}>
          <Table<Assessment>
            caption={t('needs.historyOf', { area: area.name })}
            rows={all.filter((x) => x.areaCode === area.code)}
            rowKey={(x) => x.id}
            empty={t('needs.none')}
            columns={[
              { key: 'on', header: t('needs.form.assessedOn'), rowHeader: true, cell: (x) => formatDate(x.assessedOn, i18n.language) },
              { key: 'who', header: t('needs.form.who'), cell: (x) => nameOf(x.personId) },
              { key: 'level', header: t('needs.form.level'), cell: (x) => <NeedBadge level={x.level} /> },
              { key: 'note', header: t('needs.form.note'), cell: (x) => <>{x.note || '–'} {x.sealed ? <Badge variant="info">{t('needs.sealed')}</Badge> : null}</> },
              { key: 'by', header: t('needs.assessedBy'), cell: (x) => x.assessedBy?.name ?? '–' },
              {
                key: 'actions',
                header: t('needs.actions'),
                cell: (x) =>
                  may('assessment.edit') ? (
                    <Button variant="tertiary" small onClick={() => open({ kind: 'edit', id: x.id })}>
                      {t('needs.form.edit', { area: area.name, date: formatDate(x.assessedOn, i18n.language), who: nameOf(x.personId) })}
                    </Button>
                  ) : null,
              },
            ]}
          />
          {all
            .filter((x) => x.areaCode === area.code && panel?.kind === 'edit' && panel.id === x.id)
            .map((x) => (
              <AssessmentForm key={x.id} householdId={householdId} choices={choices} assessment={x} onClose={close} onSaved={saved(t('needs.form.corrected'))} />
            ))}
        </div>
      ))}
    </Section>
  );
}
