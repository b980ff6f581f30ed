import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { timeInBerlin, todayInBerlin } from '#web/staff/format.ts';
import type { OfficeSummary } from '#web/staff/types.ts';
import { useCalendar } from '#web/staff/pages/appointments/CalendarPage.tsx';
import { interval, languageName } from '#web/staff/pages/offices/labels.tsx';

function OfficeToday({ office }: { office: OfficeSummary }) {
  const { t, i18n } = useTranslation();
  const calendar = useCalendar(office.id, todayInBerlin(), 1);
  const day = calendar.data?.days[0];
  const entries = (day?.entries ?? []).filter((e) => e.status !== 'cancelled' && e.status !== 'held');
  return (
    <div className="staff-subform">
      <h3 className="kern-heading-small">{office.name}</h3>
      {calendar.isError ? <Alert variant="danger" title={t('errors.loadFailed')} /> : null}
      {day && day.walkIn.length > 0 ? <p className="kern-body">{t('calendar.walkIn', { times: day.walkIn.map((w) => interval(w.opens, w.closes)).join(', ') })}</p> : null}
      {day ? (
        <Table
          caption={t('home.todayCaption', { office: office.name })}
          rows={entries}
          rowKey={(e) => e.id}
          empty={t('calendar.noEntries')}
          columns={[
            { key: 'time', header: t('calendar.time'), rowHeader: true, cell: (e) => interval(timeInBerlin(e.start), timeInBerlin(e.end)) },
            { key: 'person', header: t('calendar.person'), cell: (e) => e.name ?? t('calendar.noName') },
            { key: 'language', header: t('calendar.language'), cell: (e) => languageName(e.language, i18n.language) },
            { key: 'status', header: t('calendar.statusHeader'), cell: (e) => t(`calendar.status.${e.status}`) },
          ]}
        />
      ) : null}
      <p className="kern-body">
        <Link className="kern-link" to={`/offices/${office.id}/calendar`}>
          {t('home.openCalendar', { office: office.name })}
        </Link>
      </p>
    </div>
  );
}

/** Today's appointments of the offices of the signed-in staff member's provider. */
export function TodaySection({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const offices = useQuery({ queryKey: ['offices', ''], queryFn: () => api('GET /api/offices') });
  const mine = (offices.data ?? []).filter((o) => o.provider.id === organisationId);
  return (
    <section className="staff-section" aria-labelledby="home-today">
      <h2 className="kern-heading-medium" id="home-today">
        {t('home.today')}
      </h2>
      {offices.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {offices.data && mine.length === 0 ? <p className="kern-body">{t('home.noOffice')}</p> : null}
      {mine.map((office) => (
        <OfficeToday key={office.id} office={office} />
      ))}
    </section>
  );
}
