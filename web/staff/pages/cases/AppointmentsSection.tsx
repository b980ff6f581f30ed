import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HouseholdAppointment } from '#contracts/appointments.ts';
import type { Household } from '#contracts/cases.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { SelectField } from '#web/ui/Field.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { timeInBerlin } from '#web/staff/format.ts';
import { householdAppointmentsKey, useOffices } from '#web/staff/queries.ts';

/** Where "Termin vereinbaren" leads: the office's calendar with its booking form for the household (and the person). */
function bookingPath(officeId: string, householdId: string, personId: string): string {
  const query = new URLSearchParams({ household: householdId, ...(personId ? { person: personId } : {}) });
  return `/offices/${officeId}/calendar?${query.toString()}`;
}

// i18n-keys: staff:calendar.status.*
/**
 * The appointments booked from the household's case file, upcoming ones first in the order they come,
 * then the past ones newest first, each with its office, type, counsellor and the member it is for.
 * "Termin vereinbaren" leads to the calendar of an office of the household's region that the user may
 * book at (the offices' permittedActions), for the household or one of its people; with several such
 * offices the user chooses.
 */
export function AppointmentsSection({ household }: { household: Household }) {
  const { t, i18n } = useTranslation('appointments');
  const readable = household.permittedActions.includes('case.read');
  const query = useQuery({ queryKey: householdAppointmentsKey(household.id), queryFn: () => api('GET /api/households/:id/appointments', { params: { id: household.id } }), enabled: readable, retry: false });
  const offices = useOffices(household.region.code);
  const bookable = (offices.data ?? []).filter((o) => o.region.code === household.region.code && o.permittedActions.includes('appointment.book-for-person') && o.permittedActions.includes('appointment.read-calendar'));
  const [officeId, setOfficeId] = useState('');
  const [personId, setPersonId] = useState('');
  if (!readable) return null;
  const office = bookable.find((o) => o.id === officeId) ?? bookable[0];
  const nameOf = (id: string | null) => {
    if (id === null) return t('household.wholeHousehold');
    const m = household.members.find((p) => p.id === id);
    return m ? `${m.givenNames} ${m.familyName}`.trim() : '–';
  };
  const now = Date.now();
  const day = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' });
  const all = query.data?.appointments ?? [];
  const upcoming = all.filter((a) => new Date(a.end).getTime() > now).reverse();
  const past = all.filter((a) => new Date(a.end).getTime() <= now);
  const columns = [
    { key: 'when', header: t('household.when'), rowHeader: true, cell: (a: HouseholdAppointment) => `${day.format(new Date(a.start))}, ${t('household.range', { start: timeInBerlin(a.start), end: timeInBerlin(a.end) })}` },
    { key: 'for', header: t('household.forWhom'), cell: (a: HouseholdAppointment) => nameOf(a.personId) },
    { key: 'office', header: t('household.office'), cell: (a: HouseholdAppointment) => a.office.name },
    { key: 'type', header: t('household.type'), cell: (a: HouseholdAppointment) => a.type.name },
    { key: 'counsellor', header: t('household.counsellor'), cell: (a: HouseholdAppointment) => a.counsellor },
    {
      key: 'status',
      header: t('household.status'),
      cell: (a: HouseholdAppointment) => <Badge variant={a.status === 'cancelled' || a.status === 'no_show' ? 'warning' : a.status === 'done' ? 'success' : 'info'}>{t(`staff:calendar.status.${a.status}`)}</Badge>,
    },
  ];

  return (
    <Section id="household-appointments" heading={t('household.heading')} lead={t('household.lead')}>
      {offices.data && !office ? <p className="kern-body">{t('household.noOffice', { region: household.region.name })}</p> : null}
      {office ? (
        <div className="staff-form staff-inline-form" role="group" aria-label={t('household.book')}>
          <SelectField
            id="household-appointments-person"
            label={t('household.bookFor')}
            value={personId}
            options={[{ value: '', label: t('household.wholeHousehold') }, ...household.members.map((m) => ({ value: m.id, label: `${m.givenNames} ${m.familyName}`.trim() }))]}
            onChange={(e) => setPersonId(e.target.value)}
          />
          {bookable.length > 1 ? (
            <SelectField id="household-appointments-office" label={t('household.bookOffice')} value={office.id} options={bookable.map((o) => ({ value: o.id, label: o.name }))} onChange={(e) => setOfficeId(e.target.value)} />
          ) : null}
          <p className="kern-body">
            <Link className="kern-link" to={bookingPath(office.id, household.id, personId)}>
              {bookable.length > 1 ? t('household.book') : `${t('household.book')} (${office.name})`}
            </Link>
          </p>
        </div>
      ) : null}
      {query.isError || offices.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {query.isPending ? <p className="kern-body">{t('staff:loading.title')}</p> : null}
      {query.data && all.length === 0 ? <p className="kern-body">{t('household.none')}</p> : null}
      {all.length > 0 ? <Table<HouseholdAppointment> caption={t('household.upcoming')} rows={upcoming} rowKey={(a) => a.id} empty={t('household.noneUpcoming')} columns={columns} /> : null}
      {past.length > 0 ? <Table<HouseholdAppointment> caption={t('household.past')} rows={past} rowKey={(a) => a.id} empty={t('household.none')} columns={columns} /> : null}
    </Section>
  );
}
