import type { ReactNode } from 'react';
import { ErrorState, TableSkeleton } from './States';

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
