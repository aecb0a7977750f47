import type { SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { ServerSearchSelect, useServerSearch } from '../../../components/ServerSearchSelect';
import { useUsers } from '../../accounts/api';

type OwnerPickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  /** The owner's name as shown before any search (the document's current owner). */
  currentName?: string | null;
  onChange: (userId: string | null) => void;
};

/** A document's owner: an active member of the office (staff or admin), searched by name as one types. */
export function OwnerPicker({ value, currentName, onChange, ...props }: OwnerPickerProps) {
  const { search, setSearch, debounced } = useServerSearch();
  const query = debounced && debounced !== currentName ? debounced : undefined;
  const staff = useUsers({ search: query, role: 'staff', status: 'active', pageSize: 20 });
  const admins = useUsers({ search: query, role: 'admin', status: 'active', pageSize: 20 });
  const data = useMemo(() => {
    const options = [...(staff.data?.items ?? []), ...(admins.data?.items ?? [])].map((u) => ({ value: u.id, label: u.name }));
    if (value && currentName && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName });
    return options;
  }, [staff.data, admins.data, value, currentName]);
  return (
    <ServerSearchSelect data={data} value={value} onChange={onChange} searchValue={search} onSearchChange={setSearch} loading={staff.isFetching || admins.isFetching} {...props} />
  );
}
