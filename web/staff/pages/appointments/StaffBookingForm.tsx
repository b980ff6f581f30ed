import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Household, Person } from '#contracts/cases.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { SelectField, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { berlinInstant, formatDate, timeInBerlin } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import type { AppointmentSetup, StaffBooking } from '#web/staff/types.ts';
import { languageName } from '#web/staff/labels.tsx';
import { Section } from '#web/ui/Section.tsx';
import { householdAppointmentsKey } from '#web/staff/queries.ts';

const FIELDS = ['typeId', 'date', 'time', 'start', 'name', 'phone', 'email', 'language', 'counsellorId', 'note'] as const;

type Props = { officeId: string; setup: AppointmentSetup; date: string };
/** Booked from a case file: the household, and the person of it when one was chosen. */
type CaseLink = { household: Household; person: Person | undefined };

const fullName = (p: Pick<Person, 'givenNames' | 'familyName'>) => `${p.givenNames} ${p.familyName}`.trim();
const headOf = (h: Household) => h.members.find((m) => m.relationship === 'head') ?? h.members[0];

/**
 * Staff book for a person: type, day, time, language, counsellor. Reached from a household's case
 * file (`?household=<id>&person=<id>`), it says whom the appointment is for, takes the name and the
 * language from the person (or the head of the household), books it for the case file and leads back.
 */
export function StaffBookingForm(props: Props) {
  const { t } = useTranslation('appointments');
  const [params] = useSearchParams();
  const householdId = params.get('household') ?? '';
  const personId = params.get('person') ?? '';
  const household = useQuery({ queryKey: ['households', householdId], queryFn: () => api('GET /api/households/:id', { params: { id: householdId } }), enabled: householdId !== '', retry: false });
  const link: CaseLink | null = household.data ? { household: household.data, person: household.data.members.find((m) => m.id === personId) } : null;
  const gone = householdId !== '' && (household.isError || (link !== null && personId !== '' && !link.person));
  const linked = link !== null;
  useEffect(() => {
    if (linked) document.getElementById('staff-booking-heading')?.scrollIntoView({ block: 'start' });
  }, [linked]);
  if (householdId !== '' && household.isPending) return <p className="kern-body">{t('staff:loading.title')}</p>;
  return <BookingForm {...props} link={gone ? null : link} gone={gone} />;
}

function BookingForm({ officeId, setup, date: initialDate, link, gone }: Props & { link: CaseLink | null; gone: boolean }) {
  const { t, i18n } = useTranslation();
  const types = setup.types.filter((ty) => ty.active && !ty.walkIn);
  const counsellors = setup.resources.filter((r) => r.kind === 'counsellor' && r.active);
  const languages = [...new Set(['de', ...counsellors.flatMap((c) => c.languages), ...setup.resources.filter((r) => r.kind === 'interpreter').flatMap((r) => r.languages)])];
  const who = link ? (link.person ?? headOf(link.household)) : undefined;
  const householdName = link ? fullName(headOf(link.household) ?? { givenNames: '', familyName: '' }) : '';
  const initial = { name: who ? fullName(who) : '', language: who?.languages.find((l) => languages.includes(l)) ?? 'de' };
  const [form, setForm] = useState({ typeId: types[0]?.id ?? '', date: initialDate, time: '', name: initial.name, phone: '', email: '', language: initial.language, counsellorId: '', note: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const slots = useQuery({
    queryKey: ['slots', officeId, form.typeId, form.date, form.language],
    queryFn: () => api('GET /api/offices/:id/slots', { params: { id: officeId }, query: { type: form.typeId, from: form.date, days: 1, language: form.language } }),
    enabled: Boolean(form.typeId) && /^\d{4}-\d{2}-\d{2}$/.test(form.date),
  });
  const free = slots.data?.days.flatMap((d) => d.slots).map((s) => timeInBerlin(s.start)) ?? [];

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
        ...(link ? { householdId: link.household.id, ...(link.person ? { personId: link.person.id } : {}) } : {}),
      };
      return api('POST /api/offices/:id/appointments', { params: { id: officeId }, body });
    },
    invalidate: [
      ['calendar', officeId],
      ['slots', officeId],
      ...(link ? [householdAppointmentsKey(link.household.id)] : []),
    ],
    onSuccess: () => setForm({ ...form, time: '', name: initial.name, phone: '', email: '', note: '' }),
  });
  const booked = apiForm.done;

  return (
    <Section id="staff-booking-heading" heading={t('staffBooking.heading')} lead={t('staffBooking.lead')} panel>
      {link ? (
        <p className="kern-body">
          <strong>{link.person ? t('appointments:booking.forPerson', { name: fullName(link.person), household: householdName }) : t('appointments:booking.forHousehold', { name: householdName })}</strong>{' '}
          <Link className="kern-link" to={`/households/${link.household.id}`}>
            {t('appointments:booking.toHousehold')}
          </Link>
        </p>
      ) : null}
      {gone ? <Alert variant="warning" title={t('appointments:booking.householdGone')} /> : null}
      {booked ? (
        <Alert variant="success" role="status" title={t('staffBooking.booked', { code: booked.code, date: formatDate(form.date, i18n.language), time: timeInBerlin(booked.start) })}>
          {link ? (
            <p className="kern-body">
              <Link className="kern-link" to={`/households/${link.household.id}`}>
                {t('appointments:booking.backToHousehold', { name: householdName })}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
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
