import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { BarChart } from '#web/ui/BarChart.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { Section } from '#web/ui/Section.tsx';

export const WEEKS = 12;

export function useLeadTimes(officeId: string, enabled = true) {
  return useQuery({ queryKey: ['lead-times', officeId, WEEKS], queryFn: () => api('GET /api/offices/:id/lead-times', { params: { id: officeId }, query: { weeks: WEEKS } }), enabled });
}

/** "2026-W14" → "KW 14/2026" in the UI language. */
export function useWeekLabel() {
  const { t } = useTranslation();
  return (week: string) => {
    const [year, w] = week.split('-W');
    return t('leadTimes.week', { week: Number(w), year });
  };
}

/**
 * The lead-time KPI of one office per week: days from the booking request to the appointment and to
 * the next free slot (median and 90th percentile), as a table and a small bar chart of the medians.
 */
export function LeadTimesSection({ officeId }: { officeId: string }) {
  const { t, i18n } = useTranslation();
  const data = useLeadTimes(officeId);
  const weekLabel = useWeekLabel();
  const days = (v: number | null) => (v === null ? t('leadTimes.none') : t('leadTimes.days', { days: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(v) }));
  const weeks = data.data?.weeks ?? [];
  return (
    <Section id="lead-times-heading" heading={t('leadTimes.heading')}>
      <p className="kern-body">{t('leadTimes.lead', { weeks: WEEKS })}</p>
      {data.isError ? <Alert variant="danger" title={t('errors.loadFailed')} /> : null}
      {data.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {data.data ? (
        <>
          {weeks.length > 0 ? (
            <figure className="staff-figure">
              <BarChart
                title={t('leadTimes.chartTitle')}
                unit={t('leadTimes.dayUnit')}
                bars={weeks.map((w) => ({ key: w.week, label: w.week.slice(-3), value: w.leadDays.median, mark: w.leadDays.p90 }))}
              />
              <figcaption className="kern-body kern-body--small">{t('leadTimes.chartCaption')}</figcaption>
            </figure>
          ) : null}
          <Table
            caption={t('leadTimes.caption')}
            rows={weeks}
            rowKey={(w) => w.week}
            empty={t('leadTimes.empty')}
            columns={[
              { key: 'week', header: t('leadTimes.weekHeader'), rowHeader: true, cell: (w) => weekLabel(w.week) },
              { key: 'bookings', header: t('leadTimes.bookings'), numeric: true, cell: (w) => w.bookings },
              { key: 'median', header: t('leadTimes.leadMedian'), numeric: true, cell: (w) => days(w.leadDays.median) },
              { key: 'p90', header: t('leadTimes.leadP90'), numeric: true, cell: (w) => days(w.leadDays.p90) },
              { key: 'nextMedian', header: t('leadTimes.nextMedian'), numeric: true, cell: (w) => days(w.nextFreeDays.median) },
              { key: 'nextP90', header: t('leadTimes.nextP90'), numeric: true, cell: (w) => days(w.nextFreeDays.p90) },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}
