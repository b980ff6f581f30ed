import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { useMe } from '#web/staff/session.tsx';
import { ChangesLog } from './ChangesLog.tsx';
import { SecurityLog } from './SecurityLog.tsx';

/** Protokoll: two views by link, the changes (audit log) and the security log (`?log=security`). */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const security = params.get('log') === 'security';
  // Only administrators open this page: the city's sees every organisation's log (and addresses).
  const isCity = me.organisation.kind === 'city';
  useDocumentTitle(security ? t('audit.security.title') : t('audit.title'));
  const lead = security
    ? isCity ? t('audit.security.leadCity') : t('audit.security.leadProvider', { organisation: me.organisation.name })
    : isCity ? t('audit.leadCity') : t('audit.leadProvider', { organisation: me.organisation.name });

  return (
    <>
      <PageHeader title={t('audit.title')} lead={lead} />
      <nav aria-label={t('audit.views')} className="staff-section">
        <ul className="staff-nav__list">
          <li>
            <Link className="staff-nav__link" to="/audit" aria-current={security ? undefined : 'page'}>
              {t('audit.changes')}
            </Link>
          </li>
          <li>
            <Link className="staff-nav__link" to="/audit?log=security" aria-current={security ? 'page' : undefined}>
              {t('audit.security.tab')}
            </Link>
          </li>
        </ul>
      </nav>
      {security ? <SecurityLog showIp={isCity} /> : <ChangesLog />}
    </>
  );
}
