import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Territory } from './types';

/** Commune options grouped by communauté de communes: "Le Vigan (30120)". */
export function communeOptions(territory: Territory) {
  return territory.communautes.map((c) => ({
    group: c.name,
    items: territory.communes
      .filter((m) => m.communauteId === c.id)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      .map((m) => ({ value: m.inseeCode, label: m.postalCode ? `${m.name} (${m.postalCode})` : m.name })),
  }));
}

type CommuneSelectProps = Omit<SelectProps, 'data' | 'onChange'> & {
  territory: Territory;
  /** The commune's INSEE code, '' once cleared (the forms keep strings). */
  onChange: (inseeCode: string) => void;
};

/** A commune of the territory, searched by name (an establishment's, a session's address). */
export function CommuneSelect({ territory, onChange, ...props }: CommuneSelectProps) {
  const { t } = useTranslation();
  const data = useMemo(() => communeOptions(territory), [territory]);
  return <Select searchable data={data} nothingFoundMessage={t('common.nothingFound')} {...props} onChange={(value) => onChange(value ?? '')} />;
}
