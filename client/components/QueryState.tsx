import type { ReactNode } from 'react';
import { ErrorState, PageSkeleton, TableSkeleton } from './States';

/** The part of a TanStack query result these states read (useQuery and useInfiniteQuery both fit). */
export interface QueryLike<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** What shows while loading (a table's placeholder rows by default). */
  skeleton?: ReactNode;
  /** When the loaded data counts as empty, `empty` shows instead of `children`. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading placeholder, error with "Réessayer", empty state or the data: the same four states on every page. */
export function QueryState<T>({ query, skeleton = <TableSkeleton />, isEmpty, empty, children }: QueryStateProps<T>) {
  const { data } = query;
  return (
    <>
      {query.isPending ? skeleton : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data !== undefined ? (isEmpty?.(data) ? empty : children(data)) : null}
    </>
  );
}

interface QueriesStateProps {
  /** Set by the page: a query that waits for an id it has not got yet is pending without loading. */
  loading: boolean;
  lines: number;
  queries: QueryLike<unknown>[];
}

/** A page that needs several queries before it shows anything (an edit form and its reference data): placeholder lines, then each failure with "Réessayer". */
export function QueriesState({ loading, lines, queries }: QueriesStateProps) {
  return (
    <>
      {loading ? <PageSkeleton lines={lines} /> : null}
      {queries.map((query, index) => (query.isError ? <ErrorState key={index} error={query.error} onRetry={() => void query.refetch()} /> : null))}
    </>
  );
}
