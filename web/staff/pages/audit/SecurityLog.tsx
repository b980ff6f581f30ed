import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api, withQuery } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type { SecurityEvent, SecurityEventPage } from '../../types.ts';

const PAGE_SIZE = 50;

/**
 * The security log (refused attempts), newest first; "load more" pages back. The address column
 * only for the city admin: the server sends no addresses to a provider admin.
 */
export function SecurityLog({ showIp }: { showIp: boolean }) {
  const { t, i18n } = useTranslation();
  const log = useInfiniteQuery({
    queryKey: ['security-events'],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => api<SecurityEventPage>('GET', withQuery('/api/security-events', { before: pageParam, limit: PAGE_SIZE })),
    getNextPageParam: (page) => page.nextBefore,
  });
  const events = log.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <>
      {log.isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {log.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {log.data ? (
        <Table<SecurityEvent>
          caption={t('audit.security.caption', { count: events.length })}
          rows={events}
          rowKey={(e) => String(e.id)}
          empty={t('audit.security.empty')}
          columns={[
            { key: 'at', header: t('audit.at'), rowHeader: true, cell: (e) => formatDateTime(e.at, i18n.language) },
            { key: 'kind', header: t('audit.security.kind'), cell: (e) => <span title={e.kind}>{t(`audit.security.kinds.${e.kind}`, { defaultValue: e.kind })}</span> },
            { key: 'account', header: t('audit.actor'), cell: (e) => <span className="staff-ids">{e.accountId ?? t('audit.security.unknownAccount')}</span> },
            { key: 'route', header: t('audit.security.route'), cell: (e) => <span className="staff-ids">{e.route ? `${e.method ?? ''} ${e.route}`.trim() : '–'}</span> },
            ...(showIp ? [{ key: 'ip', header: t('audit.security.ip'), cell: (e: SecurityEvent) => <span className="staff-ids">{e.ip ?? '–'}</span> }] : []),
          ]}
        />
      ) : null}
      {log.hasNextPage ? (
        <div className="staff-actions">
          <Button variant="secondary" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        </div>
      ) : null}
      <p className="kern-body" role="status">
        {log.isFetchingNextPage ? t('loading.title') : ''}
      </p>
    </>
  );
}
