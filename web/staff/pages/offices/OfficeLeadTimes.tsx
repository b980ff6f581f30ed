import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BarChart } from '#web/ui/BarChart.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import type { OfficeSummary } from '#web/staff/types.ts';
import { useWeekLabel, WEEKS } from './LeadTimesSection.tsx';
import { Section } from '#web/ui/Section.tsx';

/** For the city: the lead-time KPI per office (the latest week with bookings, and the bookings of the period). */
export function OfficeLeadTimes({ offices }: { offices: OfficeSummary[] }) {
  const { t, i18n } = useTranslation();
  const weekLabel = useWeekLabel();
  const results = useQueries({
    queries: offices.map((o) => ({ queryKey: ['lead-times', o.id, WEEKS], queryFn: () => api('GET /api/offices/:id/lead-times', { params: { id: o.id }, query: { weeks: WEEKS } }) })),
  });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const days = (v: number | null | undefined) => (v === null || v === undefined ? t('leadTimes.none') : t('leadTimes.days', { days: number.format(v) }));
  const rows = offices.map((office, i) => {
    const weeks = results[i]?.data?.weeks ?? [];
    const latest = [...weeks].reverse().find((w) => w.bookings > 0);
    return { office, latest, bookings: weeks.reduce((sum, w) => sum + w.bookings, 0) };
  });
  return (
    <Section id="offices-kpi" heading={t('leadTimes.perOfficeHeading')}>
      <p className="kern-body">{t('leadTimes.perOfficeLead', { weeks: WEEKS })}</p>
      {rows.some((r) => r.latest) ? (
        <figure className="staff-figure">
          <BarChart title={t('leadTimes.perOfficeChart')} unit={t('leadTimes.dayUnit')} bars={rows.map((r) => ({ key: r.office.id, label: r.office.name.split(' ').pop() ?? r.office.name, value: r.latest?.leadDays.median ?? null, mark: r.latest?.leadDays.p90 ?? null }))} />
          <figcaption className="kern-body kern-body--small">{t('leadTimes.chartCaption')}</figcaption>
        </figure>
      ) : null}
      <Table
        caption={t('leadTimes.perOfficeCaption')}
        rows={rows}
        rowKey={(r) => r.office.id}
        empty={t('offices.empty')}
        columns={[
          { key: 'office', header: t('offices.name'), rowHeader: true, cell: (r) => r.office.name },
          { key: 'bookings', header: t('leadTimes.bookingsPeriod', { weeks: WEEKS }), numeric: true, cell: (r) => r.bookings },
          { key: 'week', header: t('leadTimes.latestWeek'), cell: (r) => (r.latest ? weekLabel(r.latest.week) : t('leadTimes.none')) },
          { key: 'median', header: t('leadTimes.leadMedian'), numeric: true, cell: (r) => days(r.latest?.leadDays.median) },
          { key: 'p90', header: t('leadTimes.leadP90'), numeric: true, cell: (r) => days(r.latest?.leadDays.p90) },
        ]}
      />
    </Section>
  );
}
