import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { Table } from '#web/ui/Table.tsx';
import { timeInBerlin, todayInBerlin } from '#web/staff/format.ts';
import { interval, languageName } from '#web/staff/labels.tsx';
import { officeScope, usePermissions } from '#web/staff/permissions.ts';
import { useCalendar, useOffices } from '#web/staff/queries.ts';
import type { OfficeSummary } from '#web/staff/types.ts';
import { Section } from '#web/ui/Section.tsx';

// i18n-keys: staff:calendar.status.*
/** One office's appointments of today: a table named by the office (under "Termine heute"), its walk-in hours, the link to its calendar. */
function OfficeToday({ office }: { office: OfficeSummary }) {
  const { t, i18n } = useTranslation();
  const calendar = useCalendar(office.id, todayInBerlin(), 1);
  const day = calendar.data?.days[0];
  const entries = (day?.entries ?? []).filter((e) => e.status !== 'cancelled' && e.status !== 'held');
  return (
    <div className="staff-subform">
      {calendar.isError ? <Alert variant="danger" title={t('errors.loadFailed')} /> : null}
      {calendar.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {day ? (
        <Table
          caption={office.name}
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
      {day && day.walkIn.length > 0 ? <p className="kern-body">{t('calendar.walkIn', { times: day.walkIn.map((w) => interval(w.opens, w.closes)).join(', ') })}</p> : null}
      <p className="kern-body">
        <Link className="kern-link" to={`/offices/${office.id}/calendar`}>
          {t('home.openCalendar', { office: office.name })}
        </Link>
      </p>
    </div>
  );
}

/** Today's appointments of the offices where the staff member books for people. */
export function TodaySection() {
  const { t } = useTranslation();
  const { mayOn } = usePermissions();
  const offices = useOffices();
  const mine = (offices.data ?? []).filter((o) => mayOn('appointment.book-for-person', officeScope(o), o) && mayOn('appointment.read-calendar', officeScope(o), o));
  return (
    <Section id="home-today" heading={t('home.today')}>
      {offices.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {offices.data && mine.length === 0 ? <p className="kern-body">{t('home.noOffice')}</p> : null}
      {mine.map((office) => (
        <OfficeToday key={office.id} office={office} />
      ))}
    </Section>
  );
}
