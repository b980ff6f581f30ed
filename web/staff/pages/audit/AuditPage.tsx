import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle } from '../../page.tsx';
import { useMe } from '../../session.tsx';
import type { AuditEntry, AuditPage as AuditPageData } from '../../types.ts';
import { PagedLog } from './PagedLog.tsx';
import { SecurityLog } from './SecurityLog.tsx';

/** Protokoll: two views by link, the changes (audit log) and the security log (`?log=security`). */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const security = params.get('log') === 'security';
  const isCity = me.role === 'city_admin';
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

/** The audit log, newest first, ids and action names only; "load more" pages back. */
function ChangesLog() {
  const { t, i18n } = useTranslation();
  const actionLabel = (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
  const recordLabel = (type: string) => t(`audit.recordTypes.${type}`, { defaultValue: type });
  return (
    <PagedLog<AuditEntry, AuditPageData>
      queryKey="audit"
      url="/api/audit"
      rowsOf={(page) => page.entries}
      caption={(count) => t('audit.caption', { count })}
      empty={t('audit.empty')}
      columns={[
        { key: 'at', header: t('audit.at'), rowHeader: true, cell: (e) => formatDateTime(e.at, i18n.language) },
        { key: 'action', header: t('audit.action'), cell: (e) => <span title={e.action}>{actionLabel(e.action)}</span> },
        { key: 'record', header: t('audit.record'), cell: (e) => <span className="staff-ids">{`${recordLabel(e.recordType)}: ${e.recordIds.join(', ')}`}</span> },
        { key: 'actor', header: t('audit.actor'), cell: (e) => <span className="staff-ids">{e.actorAccountId ?? t('audit.system')}</span> },
        { key: 'seq', header: t('audit.seq'), numeric: true, cell: (e) => e.seq },
      ]}
    />
  );
}
