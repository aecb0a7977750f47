import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEstablishment, useEstablishments, useTerritory } from './api';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
};

/** Establishment chooser searching the server as the user types (the network has hundreds of them). */
export function EstablishmentSelect({ value, onChange, ...props }: PickerProps) {
  const { t } = useTranslation('accounts');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const selected = useEstablishment(value || undefined);
  const selectedName = selected.data?.name;
  // While the box shows the chosen name, list the first establishments rather than searching for that name.
  const query = debounced && debounced !== selectedName ? debounced : '';
  const results = useEstablishments({ search: query, pageSize: 20, status: 'active' });

  const data = useMemo(() => {
    const options = (results.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} — ${e.communeName}` }));
    if (value && selected.data && !options.some((o) => o.value === value)) {
      options.unshift({ value, label: selected.data.name });
    }
    return options;
  }, [results.data, selected.data, value]);

  return (
    <Select
      searchable
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.nothingFound')}
      {...props}
    />
  );
}

/** Information office chooser (staff members belong to one). */
export function OfficeSelect({ value, onChange, ...props }: PickerProps) {
  const territory = useTerritory();
  const data = (territory.data?.offices ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }));
  return <Select data={data} value={value || null} onChange={(v) => onChange(v ?? '')} {...props} />;
}
