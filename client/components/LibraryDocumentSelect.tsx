import { Select, type SelectProps } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';

type LibraryDocumentSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  value: string | null;
  /** The chosen document's id and title. */
  onChange: (id: string | null, title: string | null) => void;
  /** Documents already chosen, left out of the list. */
  exclude?: readonly string[];
};

/**
 * A published document of the library, searched as the user types (training
 * attachments, news attachments). The library's own audience rules apply to
 * whoever later opens it.
 */
export function LibraryDocumentSelect({ value, onChange, exclude = [], ...props }: LibraryDocumentSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useQuery({
    queryKey: ['documents', 'attach-options', search],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; title: string }[] }>('/api/documents', { signal, query: { status: 'published', pageSize: 20, q: search || undefined } }),
    placeholderData: keepPreviousData,
  });
  const items = (options.data?.items ?? []).filter((d) => !exclude.includes(d.id));
  return (
    <Select
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('common.nothingFound')}
      data={items.map((d) => ({ value: d.id, label: d.title }))}
      value={value}
      onChange={(id) => onChange(id, items.find((d) => d.id === id)?.title ?? null)}
      {...props}
    />
  );
}
