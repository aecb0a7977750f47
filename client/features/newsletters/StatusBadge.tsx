import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignDto } from './api';

const colors: Record<CampaignDto['status'], string> = { draft: 'gray.7', scheduled: 'indigo.9', sending: 'blue.9', paused: 'grape.9', cancelled: 'red.9', finished: 'teal.9' }; // white text at least 4.5:1 on each

export function CampaignStatusBadge({ status }: { status: CampaignDto['status'] }) {
  const { t } = useTranslation('newsletters');
  return <Badge color={colors[status]} variant="filled">{t(`status.${status}`)}</Badge>;
}
