import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { SelectField, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { berlinInstant, formatDate, timeInBerlin } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import type { AppointmentSetup, StaffBooking } from '#web/staff/types.ts';
import { languageName } from '#web/staff/labels.tsx';
import { Section } from '#web/ui/Section.tsx';

const FIELDS = ['typeId', 'date', 'time', 'start', 'name', 'phone', 'email', 'language', 'counsellorId', 'note'] as const;

/** Staff book for a person: type, day, time, language, counsellor (the API also takes the household and person of a case file). */
export function StaffBookingForm({ officeId, setup, date: initialDate }: { officeId: string; setup: AppointmentSetup; date: string }) {
  const { t, i18n } = useTranslation();
  const types = setup.types.filter((ty) => ty.active && !ty.walkIn);
  const counsellors = setup.resources.filter((r) => r.kind === 'counsellor' && r.active);
  const [form, setForm] = useState({ typeId: types[0]?.id ?? '', date: initialDate, time: '', name: '', phone: '', email: '', language: 'de', counsellorId: '', note: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const slots = useQuery({
    queryKey: ['slots', officeId, form.typeId, form.date, form.language],
    queryFn: () => api('GET /api/offices/:id/slots', { params: { id: officeId }, query: { type: form.typeId, from: form.date, days: 1, language: form.language } }),
    enabled: Boolean(form.typeId) && /^\d{4}-\d{2}-\d{2}$/.test(form.date),
  });
  const free = slots.data?.days.flatMap((d) => d.slots).map((s) => timeInBerlin(s.start)) ?? [];
  const languages = [...new Set(['de', ...counsellors.flatMap((c) => c.languages), ...setup.resources.filter((r) => r.kind === 'interpreter').flatMap((r) => r.languages)])];

  const apiForm = useApiForm('staff-booking', FIELDS, {
    send: () => {
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
      return api('POST /api/offices/:id/appointments', { params: { id: officeId }, body });
    },
    invalidate: [
      ['calendar', officeId],
      ['slots', officeId],
    ],
    onSuccess: () => setForm({ ...form, time: '', name: '', phone: '', email: '', note: '' }),
  });
  const booked = apiForm.done;

  return (
    <Section id="staff-booking-heading" heading={t('staffBooking.heading')} lead={t('staffBooking.lead')} panel>
      {booked ? <Alert variant="success" role="status" title={t('staffBooking.booked', { code: booked.code, date: formatDate(form.date, i18n.language), time: timeInBerlin(booked.start) })} /> : null}
      {apiForm.summary}
      {types.length === 0 ? (
        <p className="kern-body">{t('staffBooking.noTypes')}</p>
      ) : (
        <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
          <SelectField id={apiForm.id('typeId')} label={t('staffBooking.type')} value={form.typeId} options={types.map((ty) => ({ value: ty.id, label: ty.name }))} onChange={set('typeId')} error={apiForm.field('typeId')} />
          <SelectField id={apiForm.id('language')} label={t('staffBooking.language')} value={form.language} options={languages.map((code) => ({ value: code, label: languageName(code, i18n.language) }))} onChange={set('language')} error={apiForm.field('language')} />
          <TextField id={apiForm.id('date')} type="date" label={t('staffBooking.date')} value={form.date} onChange={set('date')} error={apiForm.field('date')} />
          <TextField
            id={apiForm.id('start')}
            type="time"
            label={t('staffBooking.time')}
            hint={slots.data ? (free.length > 0 ? t('staffBooking.freeTimes', { times: free.join(', ') }) : t('staffBooking.noFreeTimes')) : undefined}
            value={form.time}
            onChange={set('time')}
            error={apiForm.field('start')}
          />
          <SelectField
            id={apiForm.id('counsellorId')}
            label={t('staffBooking.counsellor')}
            value={form.counsellorId}
            options={[{ value: '', label: t('staffBooking.anyCounsellor') }, ...counsellors.map((c) => ({ value: c.id, label: c.displayName }))]}
            onChange={set('counsellorId')}
            error={apiForm.field('counsellorId')}
          />
          <TextField id={apiForm.id('name')} label={t('staffBooking.name')} autoComplete="off" value={form.name} onChange={set('name')} error={apiForm.field('name')} />
          <TextField id={apiForm.id('phone')} type="tel" label={t('staffBooking.phone')} optional={t('common.optional')} autoComplete="off" value={form.phone} onChange={set('phone')} error={apiForm.field('phone')} />
          <TextField id={apiForm.id('email')} type="email" label={t('staffBooking.email')} optional={t('common.optional')} autoComplete="off" value={form.email} onChange={set('email')} error={apiForm.field('email')} />
          <TextAreaField id={apiForm.id('note')} label={t('staffBooking.note')} hint={t('staffBooking.noteHint')} optional={t('common.optional')} rows={2} value={form.note} onChange={set('note')} error={apiForm.field('note')} />
          <FormActions submit={t('staffBooking.submit')} disabled={apiForm.busy} />
        </form>
      )}
    </Section>
  );
}
