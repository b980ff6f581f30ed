import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { SelectField, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { api, withQuery } from '../../api.ts';
import { berlinInstant, formatDate, timeInBerlin } from '../../format.ts';
import { useFormErrors } from '../../forms.tsx';
import type { AppointmentSetup, SlotsResponse, StaffBooking, StaffBookingResponse } from '../../types.ts';
import { languageName } from '../offices/labels.tsx';

const FIELDS = ['typeId', 'date', 'time', 'start', 'name', 'phone', 'email', 'language', 'counsellorId', 'note'] as const;

/** Staff book for a person (a free name and reference until case files exist): type, day, time, language, counsellor. */
export function StaffBookingForm({ officeId, setup, date: initialDate }: { officeId: string; setup: AppointmentSetup; date: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const types = setup.types.filter((ty) => ty.active && !ty.walkIn);
  const counsellors = setup.resources.filter((r) => r.kind === 'counsellor' && r.active);
  const [form, setForm] = useState({ typeId: types[0]?.id ?? '', date: initialDate, time: '', name: '', phone: '', email: '', language: 'de', counsellorId: '', note: '' });
  const [booked, setBooked] = useState<StaffBookingResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('staff-booking', FIELDS);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const slots = useQuery({
    queryKey: ['slots', officeId, form.typeId, form.date, form.language],
    queryFn: () => api<SlotsResponse>('GET', withQuery(`/api/offices/${officeId}/slots`, { type: form.typeId, from: form.date, days: 1, language: form.language })),
    enabled: Boolean(form.typeId) && /^\d{4}-\d{2}-\d{2}$/.test(form.date),
  });
  const free = slots.data?.days.flatMap((d) => d.slots).map((s) => timeInBerlin(s.start)) ?? [];
  const languages = [...new Set(['de', ...counsellors.flatMap((c) => c.languages), ...setup.resources.filter((r) => r.kind === 'interpreter').flatMap((r) => r.languages)])];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setBooked(null);
    const body: StaffBooking = {
      typeId: form.typeId,
      start: berlinInstant(form.date, form.time) ?? '',
      name: form.name,
      ...(form.phone ? { phone: form.phone } : {}),
      ...(form.email ? { email: form.email } : {}),
      language: form.language,
      ...(form.counsellorId ? { counsellorId: form.counsellorId } : {}),
      note: form.note,
    };
    try {
      const result = await api<StaffBookingResponse>('POST', `/api/offices/${officeId}/appointments`, body);
      errors.clear();
      setBooked(result);
      setForm({ ...form, time: '', name: '', phone: '', email: '', note: '' });
      await Promise.all([client.invalidateQueries({ queryKey: ['calendar', officeId] }), client.invalidateQueries({ queryKey: ['slots', officeId] })]);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-section staff-panel" aria-labelledby="staff-booking-heading">
      <h2 className="kern-heading-medium" id="staff-booking-heading">
        {t('staffBooking.heading')}
      </h2>
      <p className="kern-body">{t('staffBooking.lead')}</p>
      {booked ? <Alert variant="success" role="status" title={t('staffBooking.booked', { code: booked.code, date: formatDate(form.date, i18n.language), time: timeInBerlin(booked.start) })} /> : null}
      {errors.summary}
      {types.length === 0 ? (
        <p className="kern-body">{t('staffBooking.noTypes')}</p>
      ) : (
        <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
          <SelectField id={errors.id('typeId')} label={t('staffBooking.type')} value={form.typeId} options={types.map((ty) => ({ value: ty.id, label: ty.name }))} onChange={set('typeId')} error={errors.field('typeId')} />
          <SelectField id={errors.id('language')} label={t('staffBooking.language')} value={form.language} options={languages.map((code) => ({ value: code, label: languageName(code, i18n.language) }))} onChange={set('language')} error={errors.field('language')} />
          <TextField id={errors.id('date')} type="date" label={t('staffBooking.date')} value={form.date} onChange={set('date')} error={errors.field('date')} />
          <TextField
            id={errors.id('start')}
            type="time"
            label={t('staffBooking.time')}
            hint={slots.data ? (free.length > 0 ? t('staffBooking.freeTimes', { times: free.join(', ') }) : t('staffBooking.noFreeTimes')) : undefined}
            value={form.time}
            onChange={set('time')}
            error={errors.field('start')}
          />
          <SelectField
            id={errors.id('counsellorId')}
            label={t('staffBooking.counsellor')}
            value={form.counsellorId}
            options={[{ value: '', label: t('staffBooking.anyCounsellor') }, ...counsellors.map((c) => ({ value: c.id, label: c.displayName }))]}
            onChange={set('counsellorId')}
            error={errors.field('counsellorId')}
          />
          <TextField id={errors.id('name')} label={t('staffBooking.name')} autoComplete="off" value={form.name} onChange={set('name')} error={errors.field('name')} />
          <TextField id={errors.id('phone')} type="tel" label={t('staffBooking.phone')} optional={t('common.optional')} autoComplete="off" value={form.phone} onChange={set('phone')} error={errors.field('phone')} />
          <TextField id={errors.id('email')} type="email" label={t('staffBooking.email')} optional={t('common.optional')} autoComplete="off" value={form.email} onChange={set('email')} error={errors.field('email')} />
          <TextAreaField id={errors.id('note')} label={t('staffBooking.note')} hint={t('staffBooking.noteHint')} optional={t('common.optional')} rows={2} value={form.note} onChange={set('note')} error={errors.field('note')} />
          <div className="staff-actions">
            <Button type="submit" disabled={busy}>
              {t('staffBooking.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
