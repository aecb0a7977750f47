import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters and page kept in the address bar, so that a filtered page
 * survives a reload and can be shared as a link.
 */
export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const set = useCallback(
    (changes: Partial<Record<K | 'page', string | number | null>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes) as [string, string | number | null][]) {
            if (value === null || value === '' || (key === 'page' && Number(value) === 1)) next.delete(key);
            else next.set(key, String(value));
          }
          // Changing a filter goes back to the first page.
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const active = keys.some((k) => values[k] !== '');
  return { values, page, set, active };
}
