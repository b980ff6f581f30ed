import { useTranslation } from 'react-i18next';
import { api } from '#web/staff/api.ts';
import { formatDateTime } from '#web/staff/format.ts';
import type { SecurityEvent, SecurityEventPage } from '#web/staff/types.ts';
import { PAGE_SIZE, PagedLog } from './PagedLog.tsx';

/**
 * The security log (refused attempts), newest first; "load more" pages back. The address column
 * only for the city admin: the server sends no addresses to a provider admin.
 */
export function SecurityLog({ showIp }: { showIp: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <PagedLog<SecurityEvent, SecurityEventPage>
      queryKey="security-events"
      fetchPage={(before) => api('GET /api/security-events', { query: { before, limit: PAGE_SIZE } })}
      rowsOf={(page) => page.events}
      caption={(count) => t('audit.security.caption', { count })}
      empty={t('audit.security.empty')}
      columns={[
        { key: 'at', header: t('audit.at'), rowHeader: true, cell: (e) => formatDateTime(e.at, i18n.language) },
        { key: 'kind', header: t('audit.security.kind'), cell: (e) => <span title={e.kind}>{t(`audit.security.kinds.${e.kind}`, { defaultValue: e.kind })}</span> },
        { key: 'account', header: t('audit.actor'), cell: (e) => <span className="staff-ids">{e.accountId ?? t('audit.security.unknownAccount')}</span> },
        { key: 'route', header: t('audit.security.route'), cell: (e) => <span className="staff-ids">{e.route ? `${e.method ?? ''} ${e.route}`.trim() : '–'}</span> },
        ...(showIp ? [{ key: 'ip', header: t('audit.security.ip'), cell: (e: SecurityEvent) => <span className="staff-ids">{e.ip ?? '–'}</span> }] : []),
      ]}
    />
  );
}
