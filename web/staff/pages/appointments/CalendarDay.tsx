import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDayLong, timeInBerlin } from '#web/staff/format.ts';
import type { AppointmentSetup, Calendar, CalendarEntry, MarkBody } from '#web/staff/types.ts';
import { interval, languageName } from '#web/staff/labels.tsx';
import { useNotice } from '#web/staff/forms.tsx';
import { ChangeAppointment } from './ChangeAppointment.tsx';

type Day = Calendar['days'][number];

// i18n-keys: staff:calendar.status.*, staff:calendar.channel.*, staff:setup.kind.*
/** One day of the calendar: walk-in hours as such, then a table of the bookings with their marks. */
/** Which changes the staff member may make to this office's bookings (from the action catalogue). */
export interface CalendarChanges {
  mark: boolean;
  cancel: boolean;
  move: boolean;
}

export function CalendarDay({ officeId, day, setup, names, changes }: { officeId: string; day: Day; setup: AppointmentSetup | undefined; names: Map<string, string>; changes: CalendarChanges }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [failed, setFailed] = useState<string | null>(null);
  const notice = useNotice();
  const typeName = (e: CalendarEntry) => setup?.types.find((ty) => ty.id === e.typeId)?.name ?? t(`setup.kind.${e.typeKind}`);
  const headingId = `day-${day.date}`;
  const title = formatDayLong(day.date, i18n.language);

  const mark = async (entry: CalendarEntry, status: MarkBody['status']) => {
    setFailed(null);
    try {
      await api('POST /api/offices/:id/appointments/:appointmentId/mark', { params: { id: officeId, appointmentId: entry.id }, body: { status } satisfies MarkBody });
      await client.invalidateQueries({ queryKey: ['calendar', officeId] });
    } catch {
      setFailed(entry.id);
    }
  };

  const who = (e: CalendarEntry) => [e.name, e.phone, e.email].filter(Boolean).join(' · ') || t('calendar.noName');
  const counts = day.counts;
  return (
    <section className="staff-section staff-day" aria-labelledby={headingId}>
      <h2 className="kern-heading-small" id={headingId}>
        {title}
      </h2>
      {day.walkIn.length > 0 ? (
        <p className="kern-body staff-walk-in">
          <span className="kern-icon kern-icon--info" aria-hidden="true" /> {t('calendar.walkIn', { times: day.walkIn.map((w) => interval(w.opens, w.closes)).join(', ') })}
        </p>
      ) : null}
      <p className="kern-body kern-body--small">{t('calendar.counts', { booked: counts.booked, done: counts.done, noShow: counts.no_show, cancelled: counts.cancelled })}</p>
      {notice.region}
      {failed ? <Alert variant="danger" role="alert" title={t('calendar.markFailed')} /> : null}
      <Table
        caption={t('calendar.dayCaption', { day: title })}
        rows={day.entries}
        rowKey={(e) => e.id}
        empty={t('calendar.noEntries')}
        columns={[
          { key: 'time', header: t('calendar.time'), rowHeader: true, cell: (e) => interval(timeInBerlin(e.start), timeInBerlin(e.end)) },
          { key: 'type', header: t('calendar.type'), cell: typeName },
          { key: 'person', header: t('calendar.person'), cell: (e) => (e.note ? `${who(e)} (${e.note})` : who(e)) },
          { key: 'language', header: t('calendar.language'), cell: (e) => languageName(e.language, i18n.language) },
          { key: 'interpreter', header: t('calendar.interpreter'), cell: (e) => (e.interpreterId ? (names.get(e.interpreterId) ?? t('calendar.yes')) : t('calendar.none')) },
          { key: 'counsellor', header: t('calendar.counsellor'), cell: (e) => names.get(e.counsellorId) ?? '' },
          { key: 'status', header: t('calendar.statusHeader'), cell: (e) => `${t(`calendar.status.${e.status}`)} · ${t(`calendar.channel.${e.channel}`)}${e.code ? ` · ${e.code}` : ''}` },
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (e) =>
              !changes.mark && !changes.cancel && !changes.move ? null : e.status === 'booked' ? (
                <div className="staff-actions staff-actions--tight">
                  {changes.mark ? (
                    <>
                      <Button small variant="secondary" onClick={() => void mark(e, 'done')} aria-label={t('calendar.markDoneNamed', { time: timeInBerlin(e.start), name: e.name ?? '' })}>
                        {t('calendar.markDone')}
                      </Button>
                      <Button small variant="tertiary" onClick={() => void mark(e, 'no_show')} aria-label={t('calendar.markNoShowNamed', { time: timeInBerlin(e.start), name: e.name ?? '' })}>
                        {t('calendar.markNoShow')}
                      </Button>
                    </>
                  ) : null}
                  <ChangeAppointment officeId={officeId} date={day.date} entry={e} mayCancel={changes.cancel} mayMove={changes.move} onDone={notice.show} />
                </div>
              ) : changes.mark && (e.status === 'done' || e.status === 'no_show') ? (
                <Button small variant="tertiary" onClick={() => void mark(e, 'booked')} aria-label={t('calendar.undoNamed', { time: timeInBerlin(e.start), name: e.name ?? '' })}>
                  {t('calendar.undo')}
                </Button>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
