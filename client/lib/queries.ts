import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * What follows from a feature's one query-key root (DESIGN §4b.8): a hook that
 * refreshes every query under it, and changes (POST, PATCH, DELETE…) that do
 * so when they succeed. The mutation settles once the refreshed queries have
 * been asked for again, so a page reading them after `mutateAsync` sees the change.
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
  return { useInvalidate, useChange };
}
