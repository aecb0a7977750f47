import type { SelectProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ServerSearchSelect, useServerSearch } from '../../components/ServerSearchSelect';
import { useUsers } from '../accounts/api';

type UserPickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (userId: string | null, label: string | null) => void;
};

/** Staff: any active account, searched on the server by name or e-mail as one types. */
export function UserPicker({ value, onChange, ...props }: UserPickerProps) {
  const { search, setSearch, debounced } = useServerSearch();
  const [selected, setSelected] = useState<{ value: string; label: string } | null>(null);
  // While the box shows the chosen person, do not search for their label.
  const query = selected && debounced === selected.label ? '' : debounced;
  const results = useUsers({ search: query || undefined, status: 'active', pageSize: 20 });

  const data = useMemo(() => {
    const options = (results.data?.items ?? []).map((u) => ({
      value: u.id,
      label: `${u.name} — ${u.establishment?.name ?? u.office?.name ?? u.email}`,
    }));
    if (value && selected?.value === value && !options.some((o) => o.value === value)) options.unshift(selected);
    return options;
  }, [results.data, selected, value]);

  return (
    <ServerSearchSelect
      data={data}
      value={value}
      onChange={(v, option) => {
        setSelected(v && option ? { value: v, label: option.label } : null);
        onChange(v, option?.label ?? null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      loading={results.isFetching}
      {...props}
    />
  );
}
