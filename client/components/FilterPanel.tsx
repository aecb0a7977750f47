import { Button, Checkbox, Paper, Select, SimpleGrid, TextInput, type CheckboxProps, type SelectProps, type SimpleGridProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_MAX_LENGTH } from '../../common/limits';

interface FilterPanelProps {
  cols: SimpleGridProps['cols'];
  /** Whether any filter is set: only then is "Effacer les filtres" offered. */
  active: boolean;
  onReset: () => void;
  /** The filter fields, laid out in the grid. */
  children: ReactNode;
  /** Shown under the grid (e.g. a chip for a filter set from another page). */
  below?: ReactNode;
}

/** A list page's filters: one labelled search landmark, fields in a grid, and a reset once something is filtered. */
export function FilterPanel({ cols, active, onReset, children, below }: FilterPanelProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" mb="md" role="search" aria-label={t('common.filters')}>
      <SimpleGrid cols={cols} spacing="sm">
        {children}
      </SimpleGrid>
      {below}
      {active ? (
        <Button variant="subtle" size="compact-sm" mt="sm" onClick={onReset}>
          {t('common.resetFilters')}
        </Button>
      ) : null}
    </Paper>
  );
}

interface FilterSelectProps extends Omit<SelectProps, 'value' | 'onChange' | 'clearable'> {
  /** The filter as kept in the address bar: '' when unset. */
  value: string;
  onChange: (value: string | null) => void;
}

/** One filter of a list: clearable, "Tous" when unset, and "Aucun résultat" when a searchable one finds nothing. */
export function FilterSelect({ value, onChange, searchable, ...props }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      placeholder={t('common.all')}
      {...props}
      value={value || null}
      onChange={onChange}
      searchable={searchable}
      nothingFoundMessage={searchable ? t('common.nothingFound') : undefined}
      clearable
    />
  );
}

interface FilterCheckboxProps extends Omit<CheckboxProps, 'checked' | 'onChange'> {
  /** The filter as kept in the address bar: '1' when on, '' when unset. */
  value: string;
  /** '1' when ticked, null (removed from the address) when not. */
  onChange: (value: '1' | null) => void;
}

/** A yes-or-no filter of a list (seats left, archived too, unread only), kept in the address bar as `=1`. */
export function FilterCheckbox({ value, onChange, ...props }: FilterCheckboxProps) {
  return <Checkbox {...props} checked={value === '1'} onChange={(e) => onChange(e.currentTarget.checked ? '1' : null)} />;
}

/** The free-text filter of a list (the server accepts up to 100 characters). */
export function FilterSearch({ value, onChange, description }: { value: string; onChange: (text: string) => void; description?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('common.search')}
      description={description}
      type="search"
      value={value}
      maxLength={SEARCH_MAX_LENGTH}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
