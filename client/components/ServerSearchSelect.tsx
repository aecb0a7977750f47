import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The text typed in a ServerSearchSelect, and that text trimmed and debounced (what to send to the server). */
export function useServerSearch() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  return { search, setSearch, debounced };
}

/** A Select whose options the server found for the typed text: shown as they come (no filtering in the browser), « loading » while the search runs. */
export function ServerSearchSelect({ loading, ...props }: SelectProps & { loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Select searchable clearable filter={({ options }) => options} nothingFoundMessage={loading ? t('common.loading') : t('common.nothingFound')} {...props} />
  );
}
