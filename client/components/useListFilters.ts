import { useDebouncedSearch } from './useDebouncedSearch';
import { useListParams } from './useListParams';

/**
 * A filtered list page's filters, kept in the address bar by useListParams, with what its
 * FilterPanel needs: each field bound to its key (`field('theme')` gives `value` and `onChange`,
 * as Mantine's getInputProps does for a form field), the search box's text saved once typing
 * pauses (useDebouncedSearch, when the list has a `search` key), and "Effacer les filtres",
 * which clears every key the list was given, so that a new filter cannot be left out of it.
 */
export function useListFilters<K extends string>(keys: readonly K[], options: { search?: K } = {}) {
  const listParams = useListParams(keys);
  const { values, set } = listParams;
  type Changes = Parameters<typeof set>[0];
  const searchKey = options.search;
  const [search, setSearch] = useDebouncedSearch(searchKey ? values[searchKey] : '', (text) => {
    if (searchKey) set({ [searchKey]: text } as Changes);
  });
  const field = (key: K) => ({ value: values[key], onChange: (value: string | null) => set({ [key]: value } as Changes) });
  const reset = () => {
    setSearch('');
    set(Object.fromEntries(keys.map((key) => [key, null])) as Changes);
  };
  return {
    ...listParams,
    field,
    /** The search box's props (FilterSearch). */
    search: { value: search, onChange: setSearch },
    /** The FilterPanel's props: whether a filter is on, and the reset. */
    panel: { active: listParams.active, onReset: reset },
  };
}
