import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Says which fields are required (RGAA 11.10). Short forms where every field
 * is required say so once instead of showing asterisks.
 */
export function RequiredNote({ all = false }: { all?: boolean }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {all ? t('common.allRequired') : t('common.requiredLegend')}
    </Text>
  );
}
