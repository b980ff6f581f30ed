import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { Table, type Column } from '#web/ui/Table.tsx';
import { api, withQuery } from '../../api.ts';

const PAGE_SIZE = 50;

/**
 * A log read newest first from an endpoint that pages back with `before` and answers
 * `nextBefore`; "load more" fetches the next page. Shared by the changes and the security log.
 */
export function PagedLog<Row extends { id: number }, Page extends { nextBefore: number | null }>(props: {
  queryKey: string;
  url: string;
  rowsOf: (page: Page) => Row[];
  caption: (count: number) => string;
  empty: string;
  columns: Column<Row>[];
}) {
  const { t } = useTranslation();
  const log = useInfiniteQuery({
    queryKey: [props.queryKey],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => api<Page>('GET', withQuery(props.url, { before: pageParam, limit: PAGE_SIZE })),
    getNextPageParam: (page) => page.nextBefore,
  });
  const rows = log.data?.pages.flatMap(props.rowsOf) ?? [];

  return (
    <>
      {log.isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {log.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {log.data ? <Table<Row> caption={props.caption(rows.length)} rows={rows} rowKey={(r) => String(r.id)} empty={props.empty} columns={props.columns} /> : null}
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
