import { useTranslation } from 'react-i18next';
import type { GlanceRow, HouseholdGlance } from '#contracts/assessments.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { formatDate } from '#web/staff/format.ts';
import { useGlance } from './assessment-state.ts';
import { NeedBadge } from './NeedBadge.tsx';

/** The Grundleistung clock: assignment, end, days left, and the Fachleistung prompt when high needs remain in its last months. */
function BasicServiceClock({ glance }: { glance: HouseholdGlance }) {
  const { t, i18n } = useTranslation('cases');
  const c = glance.basicService;
  const area = new Map(glance.areas.map((a) => [a.code, a.name]));
  return (
    <>
      <dl className="staff-facts" aria-label={t('needs.clock.heading')}>
        <dt>{t('needs.clock.assignedOn')}</dt>
        <dd>{c.assignedOn ? formatDate(c.assignedOn, i18n.language) : '–'}</dd>
        <dt>{t('needs.clock.endsOn')}</dt>
        <dd>
          {c.endsOn ? formatDate(c.endsOn, i18n.language) : '–'} <Badge variant={c.status === 'closing' ? 'warning' : 'info'}>{t(`needs.clock.status.${c.status}`, { count: Math.abs(c.daysLeft ?? 0) })}</Badge>
        </dd>
      </dl>
      {c.fachleistungPrompt ? (
        <Alert variant="warning" title={t('needs.clock.promptTitle')}>
          <p className="kern-body">{t('needs.clock.prompt', { date: c.endsOn ? formatDate(c.endsOn, i18n.language) : '', areas: c.promptAreas.map((a) => area.get(a) ?? a).join(', ') })}</p>
        </Alert>
      ) : null}
    </>
  );
}

/**
 * The household at a glance: one row for the household as a whole and one per person, one column
 * per integration area with the current need (latest assessment) and the open goals of the plan in
 * that area; the Grundleistung clock above. The data is composed by GET /api/households/:id/glance.
 */
export function GlanceSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('cases');
  const query = useGlance(householdId);
  const g = query.data;
  return (
    <Section id="glance" heading={t('needs.glanceHeading')} lead={t('needs.glanceLead')}>
      {query.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {query.isPending ? <p className="kern-body">{t('staff:loading.title')}</p> : null}
      {g ? (
        <>
          <BasicServiceClock glance={g} />
          <Table<GlanceRow>
            caption={t('needs.tableCaption')}
            rows={g.rows}
            rowKey={(r) => r.personId ?? 'household'}
            empty={t('household.noMembers')}
            columns={[
              { key: 'name', header: t('person.name'), rowHeader: true, cell: (r) => (r.kind === 'household' ? t('needs.householdRow') : r.name) },
              ...g.areas.map((a) => ({
                key: a.code,
                header: a.name,
                cell: (r: GlanceRow) => {
                  const need = r.needs[a.code];
                  const goals = r.kind === 'household' ? (g.goals[a.code] ?? []) : [];
                  return (
                    <>
                      {need ? <NeedBadge level={need.level} /> : <span>{t('needs.notAssessed')}</span>}
                      {need ? <span> {formatDate(need.assessedOn, i18n.language)}</span> : null}
                      {goals.length ? <span> · {t('needs.openGoals', { count: goals.length })}</span> : null}
                    </>
                  );
                },
              })),
              { key: 'dates', header: t('needs.dates'), cell: (r) => <RowDates row={r} /> },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}

/** A person's dates that matter: permit expiry, integration course, school or Kita start. */
function RowDates({ row }: { row: GlanceRow }) {
  const { t, i18n } = useTranslation('cases');
  const items = [
    row.residenceExpiresOn ? t('needs.residenceExpires', { date: formatDate(row.residenceExpiresOn, i18n.language) }) : null,
    row.integrationCourseOn ? t('needs.integrationCourse', { date: formatDate(row.integrationCourseOn, i18n.language) }) : null,
    row.schoolStartOn ? t('needs.schoolStart', { date: formatDate(row.schoolStartOn, i18n.language) }) : null,
  ].filter((x): x is string => x !== null);
  if (!items.length) return <>–</>;
  return (
    <ul className="kern-list">
      {items.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}
