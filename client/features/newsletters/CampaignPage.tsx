import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { DescriptionHtml } from '../trainings/components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { useCampaign, useCampaignAction, useReach, type CampaignActionName } from './api';
import { CampaignProgress } from './CampaignProgress';
import { CampaignStatusBadge } from './StatusBadge';

/** Admins: one campaign — launch it, follow it live, pause, resume, cancel, re-send the « incertain » ones. */
export default function CampaignPage() {
  const { t } = useTranslation('newsletters');
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const c = campaign.data;
  const reach = useReach(id, c?.status === 'draft');
  const action = useCampaignAction(id);
  if (campaign.isPending) return <PageSkeleton />;
  if (campaign.isError || !c) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const run = (a: CampaignActionName) => action.mutate(a);
  const buttons: { action: CampaignActionName; show: boolean; color?: string; variant?: string }[] = [
    { action: 'launch', show: c.status === 'draft' || c.status === 'scheduled' },
    { action: 'pause', show: c.status === 'sending', variant: 'default' },
    { action: 'resume', show: c.status === 'paused' },
    { action: 'cancel', show: ['draft', 'scheduled', 'sending', 'paused'].includes(c.status), color: 'red.9', variant: 'outline' },
    { action: 'resend-uncertain', show: c.progress.uncertain > 0 && c.status !== 'cancelled', variant: 'default' },
  ];
  return (
    <>
      <PageBreadcrumbs links={[{ to: '/newsletters/campaigns', label: t('campaigns.title') }]} current={c.subject} />
      <PageHeader title={c.subject} description={c.preheader || undefined} actions={<CampaignStatusBadge status={c.status} />} />
      <Stack maw={900}>
        {c.status === 'draft' && (
          <Alert color="blue" title={t('campaign.reachTitle')}>
            {reach.data ? t('campaign.reach', { count: reach.data.count, formatted: formatNumber(reach.data.count) }) : t('campaign.reachLoading')}
          </Alert>
        )}
        {c.progress.uncertain > 0 && <Alert color="orange" title={t('campaign.uncertainTitle')}>{t('campaign.uncertainHelp', { count: c.progress.uncertain })}</Alert>}
        <Group>
          {buttons.filter((b) => b.show).map((b) => (
            <Button key={b.action} color={b.color} variant={b.variant ?? 'filled'} loading={action.isPending && action.variables === b.action} onClick={() => run(b.action)}>
              {t(`actions.${b.action}`)}
            </Button>
          ))}
        </Group>
        <FormError error={action.error} />
        {c.status !== 'draft' && <Card withBorder><CampaignProgress progress={c.progress} /></Card>}
        <Card withBorder>
          <Text size="sm" c="dimmed">{t('fields.sender')} : {c.sender}</Text>
          {/* Sanitised on the server before it was stored (the trainings' rich-text rule), shown as training descriptions are. */}
          <DescriptionHtml html={c.bodyHtml} />
        </Card>
      </Stack>
    </>
  );
}
