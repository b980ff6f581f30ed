import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '#contracts/actions.ts';
import { Link, useParams } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { RadioGroup, SelectField, TextField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { addDays, formatDate, mondayOf, todayInBerlin } from '#web/staff/format.ts';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { officeScope, usePermissions } from '#web/staff/permissions.ts';
import { useCalendar, useOffice, useSetup } from '#web/staff/queries.ts';
import { CalendarDay } from './CalendarDay.tsx';
import { StaffBookingForm } from './StaffBookingForm.tsx';

type View = 'day' | 'week';

/** Day and week calendar of an office or one counsellor: a table per day, marks, and booking for a person. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const office = useOffice(id);
  const { mayOn } = usePermissions();
  const may = (action: Action) => office.data !== undefined && mayOn(action, officeScope(office.data), office.data);
  const changes = { mark: may('appointment.mark'), cancel: may('appointment.cancel'), move: may('appointment.move') };
  const title = t('calendar.titleOf', { office: office.data?.name ?? '' });
  useDocumentTitle(title);
  const [view, setView] = useState<View>('day');
  const [date, setDate] = useState(todayInBerlin());
  const [counsellor, setCounsellor] = useState('');
  const from = view === 'week' ? mondayOf(date) : date;
  const days = view === 'week' ? 7 : 1;
  const setup = useSetup(id);
  const calendar = useCalendar(id, from, days, counsellor);
  const names = new Map((calendar.data?.resources ?? []).map((r) => [r.id, r.displayName]));
  const counsellors = (calendar.data?.resources ?? []).filter((r) => r.kind === 'counsellor');
  const step = (direction: number) => setDate(addDays(date, direction * days));
  const range = view === 'week' ? t('calendar.weekRange', { from: formatDate(from, i18n.language), to: formatDate(addDays(from, 6), i18n.language) }) : formatDate(from, i18n.language);

  return (
    <>
      <PageHeader title={title} lead={t('calendar.lead')} />
      <p className="kern-body">
        <Link className="kern-link" to={`/offices/${id}`}>
          {t('calendar.backToOffice')}
        </Link>
      </p>
      <form className="staff-form staff-form--wide staff-inline-form" noValidate onSubmit={(event) => event.preventDefault()} aria-label={t('calendar.controls')}>
        <RadioGroup
          id="calendar-view"
          name="calendar-view"
          legend={t('calendar.view')}
          value={view}
          options={[
            { value: 'day', label: t('calendar.dayView') },
            { value: 'week', label: t('calendar.weekView') },
          ]}
          onChange={(v) => setView(v === 'week' ? 'week' : 'day')}
          horizontal
        />
        <TextField id="calendar-date" type="date" label={t('calendar.date')} value={date} onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && setDate(e.target.value)} />
        <SelectField
          id="calendar-counsellor"
          label={t('calendar.counsellorFilter')}
          value={counsellor}
          options={[{ value: '', label: t('calendar.allCounsellors') }, ...counsellors.map((c) => ({ value: c.id, label: c.displayName }))]}
          onChange={(e) => setCounsellor(e.target.value)}
        />
      </form>
      <div className="staff-actions" role="group" aria-label={t('calendar.navigate')}>
        <Button variant="secondary" small onClick={() => step(-1)}>
          {view === 'week' ? t('calendar.previousWeek') : t('calendar.previousDay')}
        </Button>
        <Button variant="secondary" small onClick={() => setDate(todayInBerlin())}>
          {t('calendar.today')}
        </Button>
        <Button variant="secondary" small onClick={() => step(1)}>
          {view === 'week' ? t('calendar.nextWeek') : t('calendar.nextDay')}
        </Button>
      </div>
      <p className="kern-body" aria-live="polite">
        {t('calendar.showing', { range })}
      </p>
      {calendar.isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {calendar.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {calendar.data?.days.map((day) => <CalendarDay key={day.date} officeId={id} day={day} setup={setup.data} names={names} changes={changes} />)}
      {setup.data && may('appointment.book-for-person') ? <StaffBookingForm key={date} officeId={id} setup={setup.data} date={date} /> : null}
    </>
  );
}
