import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Person } from '#contracts/cases.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import { languageList } from '#web/staff/labels.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import { NotFoundPage } from '#web/staff/pages/NotFoundPage.tsx';
import { AppointmentsSection } from './AppointmentsSection.tsx';
import { AssessmentsSection } from './AssessmentsSection.tsx';
import { CaseFileContents } from './CaseFileContents.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { GlanceSection } from './GlanceSection.tsx';
import { LettersSection } from './LettersSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import { PrivacySection } from './PrivacySection.tsx';
import { ReferralsSection } from './ReferralsSection.tsx';
import { ServiceEntriesSection } from './ServiceEntriesSection.tsx';
import { SpecialistSection } from './SpecialistSection.tsx';
import { TransferSection } from './TransferSection.tsx';

/** A date of birth as far as it is known: a year, a month, or the day. */
function birthLabel(value: string | null, language: string): string {
  if (!value) return '–';
  if (value.length === 4) return value;
  if (value.length === 7) return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${value}-01T00:00:00Z`));
  return formatDate(value, language);
}

/**
 * The household at a glance: its place and case file, one row per person with what matters for the
 * case — names in both scripts, birth, languages and the interpreter, residence status and its
 * expiry, the end of the Grundleistung year, integration course and school or Kita; then the needs per
 * integration area at a glance with the Grundleistung clock, the assessments, and the sections of
 * the other parts of the case file — one line each below.
 */
export function HouseholdPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('cases');
  const { may } = usePermissions();
  const household = useQuery({ queryKey: ['households', id], queryFn: () => api('GET /api/households/:id', { params: { id } }), retry: false });
  const h = household.data;
  const head = h?.members.find((m) => m.relationship === 'head') ?? h?.members[0];
  const title = head ? t('household.title', { name: `${head.givenNames} ${head.familyName}`.trim() }) : t('household.titlePlain');
  useDocumentTitle(title);
  if (household.error instanceof ProblemError && household.error.status === 404) return <NotFoundPage />;
  if (household.isError) return <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} />;
  if (!h) return <p className="kern-body">{t('staff:loading.title')}</p>;
  const place = [h.quarter ? `${h.quarter.code} ${h.quarter.name}` : null, h.member?.name ?? null, t('household.region', { name: h.region.name })].filter(Boolean).join(' · ');
  const address = h.accommodation === 'shared_accommodation' ? `${t('accommodation.shared_accommodation')}${h.accommodationName ? `: ${h.accommodationName}` : ''}` : [`${h.street} ${h.houseNumber}`.trim(), h.postcode].filter(Boolean).join(', ') || t('accommodation.own_flat');

  return (
    <>
      <PageHeader title={title} lead={`${address} — ${place}`} />
      {h.caseFile ? (
        <dl className="staff-facts" aria-label={t('household.caseFile')}>
          <dt>{t('household.status')}</dt>
          <dd>
            <Badge variant={h.caseFile.status === 'dormant' ? 'warning' : h.caseFile.status === 'closed' ? 'info' : 'success'}>{t(`status.${h.caseFile.status}`)}</Badge>
          </dd>
          <dt>{t('household.opened')}</dt>
          <dd>{formatDate(h.caseFile.openedAt.slice(0, 10), i18n.language)}</dd>
          {h.caseFile.closedAt ? (
            <>
              <dt>{t('household.closedAt')}</dt>
              <dd>{formatDate(h.caseFile.closedAt.slice(0, 10), i18n.language)}</dd>
              <dt>{t('household.closeReason')}</dt>
              <dd>{h.caseFile.closeReason === 'transferred' ? t('household.closedTransferred') : h.caseFile.closeReason || '–'}</dd>
            </>
          ) : null}
          <dt>{t('household.assignees')}</dt>
          <dd>{h.caseFile.assignees.map((a) => a.displayName).join(', ') || '–'}</dd>
        </dl>
      ) : null}
      {may('audit.read') ? (
        <p className="kern-body">
          <Link className="kern-link" to={`/audit?recordId=${h.id}`}>
            {t('household.accessLog')}
          </Link>
        </p>
      ) : null}
      <Table<Person>
        caption={t('household.glance')}
        rows={h.members}
        rowKey={(p) => p.id}
        empty={t('household.noMembers')}
        columns={[
          {
            key: 'name',
            header: t('person.name'),
            rowHeader: true,
            cell: (p) => (
              <>
                {`${p.givenNames} ${p.familyName}`.trim()}
                {p.givenNamesOriginal || p.familyNameOriginal ? (
                  <>
                    <br />
                    <span dir="auto" lang={undefined}>{`${p.givenNamesOriginal} ${p.familyNameOriginal}`.trim()}</span>
                  </>
                ) : null}
              </>
            ),
          },
          { key: 'relationship', header: t('person.relationship'), cell: (p) => t(`relationship.${p.relationship}`) },
          { key: 'birth', header: t('person.birthDate'), cell: (p) => birthLabel(p.birthDate, i18n.language) },
          { key: 'languages', header: t('person.languages'), cell: (p) => (p.languages.length ? languageList(p.languages, i18n.language) : '–') },
          { key: 'interpreter', header: t('person.interpreter'), cell: (p) => (p.interpreterNeeded ? <Badge variant="warning">{t('person.interpreterNeeded')}</Badge> : t('no')) },
          {
            key: 'residence',
            header: t('person.residence'),
            cell: (p) => (p.residence ? `${p.residence.name}${p.residence.paragraph ? ` (${p.residence.paragraph})` : ''}${p.residence.expiresOn ? ` — ${t('person.until', { date: formatDate(p.residence.expiresOn, i18n.language) })}` : ''}` : '–'),
          },
          { key: 'basic', header: t('person.basicServiceEnds'), cell: (p) => (p.basicServiceEndsOn ? formatDate(p.basicServiceEndsOn, i18n.language) : '–') },
          { key: 'course', header: t('person.integrationCourseOn'), cell: (p) => (p.integrationCourseOn ? formatDate(p.integrationCourseOn, i18n.language) : '–') },
          { key: 'school', header: t('person.schoolStartOn'), cell: (p) => (p.schoolStartOn ? formatDate(p.schoolStartOn, i18n.language) : '–') },
        ]}
      />
      <CaseFileContents household={h} />
      {/* The sections of the case file, one line each. */}
      <GlanceSection householdId={h.id} />
      <AssessmentsSection householdId={h.id} />
      <PlanSection householdId={h.id} />
      <ServiceEntriesSection householdId={h.id} members={h.members} />
      <ConsentsSection householdId={h.id} />
      <SpecialistSection householdId={h.id} />
      <ReferralsSection householdId={h.id} />
      <LettersSection householdId={h.id} />
      <AppointmentsSection household={h} />
      <TransferSection householdId={h.id} />
      <PrivacySection householdId={h.id} members={h.members} />
    </>
  );
}
