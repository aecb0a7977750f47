import { Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { CampaignDto } from './api';

/** Live progress: bar (with its value for screen readers), counts, rate and time left. */
export function CampaignProgress({ progress }: { progress: CampaignDto['progress'] }) {
  const { t } = useTranslation('newsletters');
  const done = progress.sent + progress.failed + progress.skipped + progress.uncertain;
  const percent = progress.total ? Math.round((done / progress.total) * 100) : 0;
  const remaining = progress.queued + progress.sending;
  const minutes = progress.secondsLeft === null ? null : Math.ceil(progress.secondsLeft / 60);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} id="campaign-progress-label">{t('progress.label')}</Text>
        <Text size="sm">{t('progress.percent', { percent })}</Text>
      </Group>
      {/* The section carries role="progressbar" and aria-valuenow: its name and spoken value are set on it. */}
      <Progress.Root size="lg">
        <Progress.Section value={percent} color="teal.8" aria-labelledby="campaign-progress-label" aria-valuetext={t('progress.valueText', { done: formatNumber(done), total: formatNumber(progress.total) })} />
      </Progress.Root>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        <Count label={t('progress.sent')} value={progress.sent} />
        <Count label={t('progress.failed')} value={progress.failed} />
        <Count label={t('progress.remaining')} value={remaining} />
        <Count label={t('progress.skipped')} value={progress.skipped} />
        <Count label={t('progress.uncertain')} value={progress.uncertain} />
        <div>
          <Text size="sm" c="dimmed">{t('progress.rate')}</Text>
          <Text fw={600}>{t('progress.perMinute', { count: progress.ratePerMinute })}</Text>
          <Text size="sm">{remaining === 0 ? t('progress.done') : minutes === null ? t('progress.unknownTime') : t('progress.timeLeft', { count: minutes })}</Text>
        </div>
      </SimpleGrid>
    </Stack>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={600}>{formatNumber(value)}</Text>
    </div>
  );
}
