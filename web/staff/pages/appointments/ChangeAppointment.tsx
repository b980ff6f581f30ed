import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { berlinInstant, formatDate, timeInBerlin } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import type { CalendarEntry, StaffMoveBody } from '#web/staff/types.ts';

const FIELDS = ['date', 'time', 'start', 'counsellorId'] as const;

/** "Absagen" (with a confirm step) and "Verschieben" (day and time) for a booked entry of the calendar. */
export function ChangeAppointment({ officeId, date, entry, mayCancel, mayMove, onDone }: { officeId: string; date: string; entry: CalendarEntry; mayCancel: boolean; mayMove: boolean; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [mode, setMode] = useState<'none' | 'cancel' | 'move'>('none');
  const [cancelFailed, setCancelFailed] = useState(false);
  const [form, setForm] = useState({ date, time: timeInBerlin(entry.start) });
  const names = { time: timeInBerlin(entry.start), name: entry.name ?? '' };
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['calendar', officeId] }), client.invalidateQueries({ queryKey: ['slots', officeId] })]);

  const cancel = async () => {
    setCancelFailed(false);
    try {
      await api('POST /api/offices/:id/appointments/:appointmentId/cancel', { params: { id: officeId, appointmentId: entry.id } });
      await refresh();
      onDone(t('calendar.cancelled', names));
    } catch {
      setCancelFailed(true);
    }
  };
  const move = useApiForm(`move-${entry.id}`, FIELDS, {
    send: () => api('POST /api/offices/:id/appointments/:appointmentId/move', { params: { id: officeId, appointmentId: entry.id }, body: { start: berlinInstant(form.date, form.time) ?? '' } satisfies StaffMoveBody }),
    invalidate: [
      ['calendar', officeId],
      ['slots', officeId],
    ],
    onSuccess: (moved) => {
      setMode('none');
      onDone(t('calendar.moved', { ...names, to: `${formatDate(form.date, i18n.language)} ${timeInBerlin(moved.start)}` }));
    },
  });

  if (mode === 'cancel') {
    return (
      <div className="staff-actions staff-actions--tight" role="group" aria-label={t('calendar.cancelNamed', names)}>
        <p className="kern-body kern-body--small">{t('calendar.cancelConfirm', names)}</p>
        {cancelFailed ? <Alert variant="danger" role="alert" title={t('calendar.changeFailed')} /> : null}
        <Button small variant="secondary" onClick={() => void cancel()}>
          {t('calendar.cancelYes')}
        </Button>
        <Button small variant="tertiary" onClick={() => setMode('none')}>
          {t('calendar.keep')}
        </Button>
      </div>
    );
  }
  if (mode === 'move') {
    return (
      <form className="staff-form" noValidate onSubmit={move.onSubmit} aria-label={t('calendar.moveNamed', names)}>
        {move.summary}
        <TextField id={move.id('date')} type="date" label={t('calendar.moveDate')} value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} error={move.field('date')} />
        <TextField id={move.id('start')} type="time" label={t('calendar.moveTime')} hint={t('calendar.moveHint')} value={form.time} onChange={(e) => setForm({ ...form, time: e.target.value })} error={move.field('start')} />
        <FormActions submit={t('calendar.moveSubmit')} disabled={move.busy} cancel={t('calendar.keep')} onCancel={() => setMode('none')} />
      </form>
    );
  }
  return (
    <>
      {mayMove ? (
        <Button small variant="tertiary" onClick={() => setMode('move')} aria-label={t('calendar.moveNamed', names)}>
          {t('calendar.move')}
        </Button>
      ) : null}
      {mayCancel ? (
        <Button small variant="tertiary" onClick={() => setMode('cancel')} aria-label={t('calendar.cancelNamed', names)}>
          {t('calendar.cancel')}
        </Button>
      ) : null}
    </>
  );
}
