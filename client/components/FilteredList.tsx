import type { ReactNode } from 'react';
import { formatNumber } from '../lib/format';
import { DataTable, type DataTableProps } from './DataTable';
import { PagedList, type Page } from './PagedList';
import { ListEmptyState } from './States';
import type { QueryLike } from './QueryState';

interface FilteredListProps<T> {
  query: QueryLike<Page<T>> & { isPlaceholderData?: boolean };
  /** The list's state in the address (useListParams): its page, how to change it, whether a filter is on. */
  params: { page: number; set: (changes: { page: number }) => void; active: boolean };
  /** The empty state: `filteredTitle` when the filters hide every row (a list without filters needs none), else `title`, `description` and `action`. */
  empty: { title: string; filteredTitle?: string; description?: string; action?: ReactNode };
  /** The table's caption from the number of rows (`formatted` is that number written for the reader). */
  count: (total: { count: number; formatted: string }) => string;
  /** The table, given its caption and whether its rows are the previous page's (faded while the next loads). */
  children: (data: Page<T>, table: { caption: string; dimmed: boolean }) => ReactNode;
}

/** A server-paged list page's body, filtered or not (users, establishments, catalogue, sessions, outbox…): states, empty state, table caption, page links. */
export function FilteredList<T>({ query, params, empty, count, children }: FilteredListProps<T>) {
  return (
    <PagedList query={query} page={params.page} onPageChange={(page) => params.set({ page })} empty={<ListEmptyState filtered={params.active} {...empty} filteredTitle={empty.filteredTitle ?? empty.title} />}>
      {(data, dimmed) => children(data, { caption: count({ count: data.total, formatted: formatNumber(data.total) }), dimmed })}
    </PagedList>
  );
}

/** A server-paged list page's body as the shared table (cards on a phone): the list's states and caption around a `DataTable` of the page's rows. */
export function FilteredTable<T>({ minWidth, rowKey, columns, ...list }: Omit<FilteredListProps<T>, 'children'> & Pick<DataTableProps<T>, 'minWidth' | 'rowKey' | 'columns'>) {
  return <FilteredList {...list}>{(data, table) => <DataTable minWidth={minWidth} {...table} rows={data.items} rowKey={rowKey} columns={columns} />}</FilteredList>;
}
