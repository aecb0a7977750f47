import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignDto } from './api';

const colors: Record<CampaignDto['status'], string> = { draft: 'gray.7', scheduled: 'blue.8', sending: 'teal.8', paused: 'orange.9', cancelled: 'red.9', finished: 'green.9' };

export function CampaignStatusBadge({ status }: { status: CampaignDto['status'] }) {
  const { t } = useTranslation('newsletters');
  return <Badge color={colors[status]} variant="filled">{t(`status.${status}`)}</Badge>;
}
