import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate, isValidOn, todayInBerlin } from '#web/staff/format.ts';
import { useMenu, visibleMenu } from '#web/staff/navigation.ts';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import { useMe } from '#web/staff/session.tsx';
import { TodaySection } from './TodaySection.tsx';
import { WorklistSection } from './WorklistSection.tsx';
import { Section } from '#web/ui/Section.tsx';

/** The regions the staff member's provider serves today, from its service agreements. */
function MyRegions({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const today = todayInBerlin();
  const { data, isPending, isError } = useQuery({ queryKey: ['service-agreements'], queryFn: () => api('GET /api/service-agreements') });
  const mine = (data ?? []).filter((a) => a.provider.id === organisationId && isValidOn(a, today));
  return (
    <Section id="home-regions" heading={t('home.myRegions')}>
      {isPending ? (
        <p className="kern-body">{t('loading.title')}</p>
      ) : isError ? (
        <Alert variant="danger" title={t('errors.loadFailed')} />
      ) : mine.length === 0 ? (
        <p className="kern-body">{t('home.noRegions')}</p>
      ) : (
        <ul className="kern-list">
          {mine.map((agreement) => (
            <li key={agreement.id}>
              <strong>{agreement.region.name}</strong>{' '}
              {agreement.validTo
                ? t('home.agreementUntil', { from: formatDate(agreement.validFrom, i18n.language), to: formatDate(agreement.validTo, i18n.language) })
                : t('home.agreementSince', { from: formatDate(agreement.validFrom, i18n.language) })}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

// i18n-keys: staff:home.roleText.*, staff:roles.*
/** The start page: organisation, what the staff member does here, today's appointments, and where to go. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { may } = usePermissions();
  const menu = useMenu();
  useDocumentTitle(t('home.title'));
  const links = visibleMenu(menu, may).filter((item) => item.text);
  const isProvider = me.organisation.kind === 'provider';
  return (
    <>
      <PageHeader title={t('home.greeting', { name: me.displayName })} lead={t('home.organisation', { organisation: me.organisation.name, role: t(`roles.${me.role}`) })} />
      <Section id="home-role" heading={t('home.yourWork')}>
        <p className="kern-body">{t(`home.roleText.${me.role}`)}</p>
      </Section>
      {may('worklist.read') ? <WorklistSection /> : null}
      {may('appointment.book-for-person') ? <TodaySection /> : null}
      {isProvider && may('service-agreement.list') ? <MyRegions organisationId={me.organisation.id} /> : null}
      <Section id="home-links" heading={t('home.goTo')}>
        <ul className="staff-cards">
          {links.map((item) => (
            <li key={item.to} className="kern-card kern-card--small">
              <div className="kern-card__container">
                <div className="kern-card__header">
                  <Link className="kern-link kern-title" to={item.to}>
                    {t(item.label)}
                  </Link>
                </div>
                <div className="kern-card__body">
                  <p className="kern-body">{item.text ? t(item.text) : null}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
