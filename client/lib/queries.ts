import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type QueryParams } from './api';

/**
 * What follows from a feature's one query-key root (DESIGN §4b.8): a hook that
 * refreshes every query under it, changes (POST, PATCH, DELETE…) that do so
 * when they succeed, and the two usual reads under it. The mutation settles
 * once the refreshed queries have been asked for again, so a page reading them
 * after `mutateAsync` sees the change.
 */
export function featureQueries(root: QueryKey) {
  function useInvalidate() {
    const queryClient = useQueryClient();
    return () => queryClient.invalidateQueries({ queryKey: root });
  }
  function useChange<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
    const invalidate = useInvalidate();
    return useMutation({ mutationFn, onSuccess: () => invalidate() });
  }
  /**
   * A hook reading one thing by its id (a detail, or what hangs under it), keyed
   * `[...root, name, id]`; it waits while the id is unknown or `enabled` is false
   * (a tab not opened yet).
   */
  function detailQuery<T>(name: string, path: (id: string) => string) {
    return function useDetail(id: string | undefined, enabled = true) {
      return useQuery({
        queryKey: [...root, name, id],
        queryFn: ({ signal }) => api<T>(path(id as string), { signal }),
        enabled: Boolean(id) && enabled,
      });
    };
  }
  /**
   * A hook reading a list with filters (its page among them), keyed
   * `[...root, name, filters]`: the filters go in the query string (through
   * `toQuery` when a value needs writing out), and the page shown stays on
   * screen, faded, while the next one loads.
   */
  function listQuery<T, Filters extends { [K in keyof Filters]?: QueryParams[string] }>(name: string, path: string, toQuery?: (filters: Filters) => QueryParams) {
    return function useList(filters: Filters) {
      return useQuery({
        queryKey: [...root, name, filters],
        queryFn: ({ signal }) => api<T>(path, { signal, query: toQuery ? toQuery(filters) : (filters as QueryParams) }),
        placeholderData: keepPreviousData,
      });
    };
  }
  return { useInvalidate, useChange, detailQuery, listQuery };
}
