import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../components/FilterPanel';
import { THEMES } from './types';

/** The "Thème" filter of the trainings lists; cleared, it means any theme. */
export function ThemeFilter({ value, onChange }: { value: string; onChange: (theme: string | null) => void }) {
  const { t } = useTranslation('trainings');
  return (
    <FilterSelect
      label={t('fields.theme')}
      data={THEMES.map((theme) => ({ value: theme, label: t(`themes.${theme}`) }))}
      value={value}
      onChange={onChange}
    />
  );
}
