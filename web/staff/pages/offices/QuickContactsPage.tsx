import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '#contracts/actions.ts';
import type { QuickContact } from '#contracts/case-work.ts';
import { Link, useParams } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table, type Column } from '#web/ui/Table.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { formatDate, timeInBerlin, todayInBerlin } from '#web/staff/format.ts';
import { languageName } from '#web/staff/labels.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { officeScope, usePermissions } from '#web/staff/permissions.ts';
import { useOffice } from '#web/staff/queries.ts';
import type { OfficeDetail } from '#web/staff/types.ts';
import { LoadingPage } from '#web/staff/pages/LoadingPage.tsx';
import { NotFoundPage } from '#web/staff/pages/NotFoundPage.tsx';
import { QuickContactForm, quickContactsKey } from './QuickContactForm.tsx';
import { useCatalog } from './ServicesSection.tsx';

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The office's quick contacts of one day as a table, with the day's totals and a field for another day. */
function DaySection({ officeId, day, onDay, areas }: { officeId: string; day: string; onDay: (day: string) => void; areas: readonly { code: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: [...quickContactsKey(officeId), day], queryFn: () => api('GET /api/offices/:id/quick-contacts', { params: { id: officeId }, query: { date: day } }) });
  const nameOf = (code: string) => areas.find((a) => a.code === code)?.name ?? code;
  const shown = formatDate(day, i18n.language);
  const contacts = list.data?.contacts ?? [];
  const columns: Column<QuickContact>[] = [
    { key: 'time', header: t('quickContacts.time'), cell: (c) => timeInBerlin(c.createdAt), rowHeader: true },
    { key: 'areas', header: t('quickContacts.areasColumn'), cell: (c) => c.areaCodes.map(nameOf).join(', ') },
    { key: 'language', header: t('quickContacts.languageColumn'), cell: (c) => languageName(c.language, i18n.language) },
    { key: 'interpreter', header: t('quickContacts.interpreterColumn'), cell: (c) => (c.interpreter ? t('common.yes') : t('common.no')) },
    { key: 'persons', header: t('quickContacts.personsColumn'), cell: (c) => c.countedPersons, numeric: true },
    { key: 'minutes', header: t('quickContacts.minutesColumn'), cell: (c) => c.minutes, numeric: true },
  ];
  return (
    <Section id="quick-contacts-day" heading={t('quickContacts.dayHeading')}>
      <form className="staff-form staff-inline-form" noValidate onSubmit={(event) => event.preventDefault()} aria-label={t('quickContacts.dayControls')}>
        <TextField id="quick-contacts-day-date" type="date" label={t('quickContacts.day')} value={day} onChange={(e) => isDay(e.target.value) && onDay(e.target.value)} />
      </form>
      {list.isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {list.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {list.data ? (
        <>
          <Table caption={t('quickContacts.caption', { day: shown })} columns={columns} rows={contacts} rowKey={(c) => c.id} empty={t('quickContacts.none')} />
          <h3 className="kern-heading-small" id="quick-contacts-totals">
            {t('quickContacts.totalsHeading', { day: shown })}
          </h3>
          <dl className="staff-facts" aria-labelledby="quick-contacts-totals">
            <dt>{t('quickContacts.totalContacts')}</dt>
            <dd>{list.data.totals.contacts}</dd>
            <dt>{t('quickContacts.totalPersons')}</dt>
            <dd>{list.data.totals.persons}</dd>
            <dt>{t('quickContacts.totalMinutes')}</dt>
            <dd>{contacts.reduce((n, c) => n + c.minutes, 0)}</dd>
            <dt>{t('quickContacts.totalInterpreter')}</dt>
            <dd>{contacts.filter((c) => c.interpreter).length}</dd>
          </dl>
        </>
      ) : null}
    </Section>
  );
}

function QuickContactsView({ office }: { office: OfficeDetail }) {
  const { t } = useTranslation();
  const { mayOn } = usePermissions();
  const may = (action: Action) => mayOn(action, officeScope(office), office);
  const title = t('quickContacts.titleOf', { office: office.name });
  useDocumentTitle(title);
  const catalog = useCatalog();
  const today = todayInBerlin();
  const [day, setDay] = useState(today);
  return (
    <>
      <PageHeader title={title} lead={t('quickContacts.lead')} />
      <p className="kern-body">
        <Link className="kern-link" to={`/offices/${office.id}`}>
          {t('quickContacts.backToOffice')}
        </Link>
      </p>
      <Alert variant="info" title={t('quickContacts.anonymousTitle')}>
        <p className="kern-body">{t('quickContacts.anonymousText')}</p>
      </Alert>
      {may('quick-contact.create') ? (
        <Section id="quick-contact-heading" heading={t('quickContacts.formHeading')}>
          {catalog.loaded ? <QuickContactForm officeId={office.id} areas={catalog.areas} today={today} onCounted={(contact) => setDay(contact.occurredOn)} /> : <p className="kern-body">{t('loading.title')}</p>}
        </Section>
      ) : null}
      {may('quick-contact.read') ? <DaySection officeId={office.id} day={day} onDay={setDay} areas={catalog.areas} /> : null}
    </>
  );
}

/**
 * Quick contacts at the office's counter (open consultation, no case file): count a visitor by area
 * and language without a name, and see a day's contacts with its totals.
 */
export function QuickContactsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const office = useOffice(id);
  if (office.error instanceof ProblemError && (office.error.status === 404 || office.error.status === 400)) return <NotFoundPage />;
  if (office.isError) {
    return (
      <>
        <PageHeader title={t('quickContacts.title')} />
        <Alert variant="danger" role="alert" title={t('errors.loadFailed')} />
      </>
    );
  }
  if (!office.data) return <LoadingPage />;
  return <QuickContactsView key={office.data.id} office={office.data} />;
}
