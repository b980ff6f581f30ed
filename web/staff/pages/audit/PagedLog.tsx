import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { Table, type Column } from '#web/ui/Table.tsx';
import { ProblemError } from '#web/staff/api.ts';

export const PAGE_SIZE = 50;

/**
 * A log read newest first from an endpoint that pages back with `before` and answers `nextBefore`:
 * `fetchPage(before)` calls it; `key` names the log and its filter (a new filter starts again).
 */
export function usePagedLog<Page extends { nextBefore: number | null }>(key: readonly unknown[], fetchPage: (before: number | null) => Promise<Page>) {
  return useInfiniteQuery({
    queryKey: key,
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (page) => page.nextBefore,
    // A refused filter (400) is the user's to correct, not to retry.
    retry: (count, error) => !(error instanceof ProblemError && error.status >= 400 && error.status < 500) && count < 3,
  });
}

/** The table of a paged log and its "load more" button; `failed` replaces the generic error alert. */
export function PagedLogTable<Row extends { id: number }, Page extends { nextBefore: number | null }>(props: {
  log: ReturnType<typeof usePagedLog<Page>>;
  rowsOf: (page: Page) => Row[];
  caption: (count: number) => string;
  empty: string;
  columns: Column<Row>[];
  failed?: ReactNode;
}) {
  const { t } = useTranslation();
  const { log } = props;
  const rows = log.data?.pages.flatMap(props.rowsOf) ?? [];
  return (
    <>
      {log.isError ? (props.failed ?? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} />) : null}
      {log.isPending && !log.isError ? <p className="kern-body">{t('loading.title')}</p> : null}
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

/** A paged log without filters (the security log; the changes log adds its filter form). */
export function PagedLog<Row extends { id: number }, Page extends { nextBefore: number | null }>(props: {
  queryKey: string;
  fetchPage: (before: number | null) => Promise<Page>;
  rowsOf: (page: Page) => Row[];
  caption: (count: number) => string;
  empty: string;
  columns: Column<Row>[];
}) {
  const log = usePagedLog<Page>([props.queryKey], props.fetchPage);
  return <PagedLogTable<Row, Page> log={log} rowsOf={props.rowsOf} caption={props.caption} empty={props.empty} columns={props.columns} />;
}
