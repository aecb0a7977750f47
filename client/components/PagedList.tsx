import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ListPagination } from './ListPagination';
import { QueryState, type QueryLike } from './QueryState';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface PagedListProps<T> {
  query: QueryLike<Page<T>> & { isPlaceholderData?: boolean };
  page: number;
  onPageChange: (page: number) => void;
  /** Shown when the page has no rows. */
  empty: ReactNode;
  /** The rows of the current page, and whether they are the previous page's (faded while the next loads). */
  children: (data: Page<T>, dimmed: boolean) => ReactNode;
}

/** A server-paged list (users, establishments, catalogue…): its loading/error/empty states, then rows and page links. */
export function PagedList<T>({ query, page, onPageChange, empty, children }: PagedListProps<T>) {
  return (
    <QueryState query={query} isEmpty={(data) => data.items.length === 0} empty={empty}>
      {(data) => (
        <Stack gap="md">
          {children(data, query.isPlaceholderData ?? false)}
          <ListPagination total={data.total} pageSize={data.pageSize} page={page} onChange={onPageChange} />
        </Stack>
      )}
    </QueryState>
  );
}
