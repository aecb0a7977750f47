import { Alert, Button, Card, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useCampaign, useCampaignAction, useChecks, useDuplicate, useReach, useSchedule, useSendTest, useSetArchived, type CampaignActionName, type CampaignDto } from './api';
import { CampaignChecks } from './CampaignChecks';
import { CampaignCounts } from './CampaignCounts';
import { CampaignPreview } from './CampaignPreview';
import { CampaignProgress } from './CampaignProgress';
import { CampaignRecipients } from './CampaignRecipients';
import { CAMPAIGNS_PATH } from './paths';
import { CampaignStatusBadge } from './StatusBadge';

/**
 * Admins: one campaign — its checks and previews while a draft, a test
 * send, schedule or launch it (the api refuses while a blocking check
 * fails), follow it live, pause, resume, cancel, re-send the « incertain »
 * ones, duplicate it, show it in the partners' archive once finished.
 * Its topic and its segment or audience are shown above the actions.
 */
export default function CampaignPage() {
  const { t } = useTranslation('newsletters');
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const c = campaign.data;
  const editable = c?.status === 'draft' || c?.status === 'scheduled';
  const reach = useReach(id, c?.status === 'draft');
  const checks = useChecks(id, editable);
  const action = useCampaignAction(id);
  if (campaign.isPending) return <PageSkeleton />;
  if (campaign.isError || !c) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const blocked = (checks.data ?? []).some((x) => x.blocking && !x.ok);
  const run = (a: CampaignActionName) => action.mutate(a);
  const buttons: { action: CampaignActionName; show: boolean; color?: string; variant?: string; disabled?: boolean }[] = [
    { action: 'launch', show: editable && !c.missedAt, disabled: blocked || !checks.data },
    { action: 'pause', show: c.status === 'sending', variant: 'default' },
    { action: 'resume', show: c.status === 'paused' },
    { action: 'cancel', show: ['draft', 'scheduled', 'sending', 'paused'].includes(c.status), color: 'red.9', variant: 'outline' },
    { action: 'resend-uncertain', show: c.progress.uncertain > 0 && c.status !== 'cancelled', variant: 'default' },
  ];
  return (
    <>
      <PageBreadcrumbs links={[{ to: CAMPAIGNS_PATH, label: t('campaigns.title') }]} current={c.subject} />
      <PageHeader title={c.subject} description={c.preheader || undefined} actions={<CampaignStatusBadge status={c.status} />} />
      <Stack maw={900}>
        {c.missedAt && c.status === 'scheduled' && <MissedDecision campaign={c} onSendNow={() => run('launch')} sending={action.isPending} blocked={blocked} />}
        {c.status === 'scheduled' && !c.missedAt && c.scheduledAt && (
          <Alert color="blue" title={t('schedule.scheduledTitle')}>{t('schedule.scheduledAt', { date: formatDateTime(c.scheduledAt) })}</Alert>
        )}
        {c.status === 'draft' && (
          <Alert color="blue" title={t('campaign.reachTitle')}>
            {reach.data ? t('campaign.reach', { count: reach.data.count, formatted: formatNumber(reach.data.count) }) : t('campaign.reachLoading')}
          </Alert>
        )}
        <CampaignRecipients campaign={c} />
        {c.progress.uncertain > 0 && <Alert color="orange" title={t('campaign.uncertainTitle')}>{t('campaign.uncertainHelp', { count: c.progress.uncertain })}</Alert>}
        <Group>
          {c.status === 'draft' && <Button component={Link} to={`${CAMPAIGNS_PATH}/${c.id}/modifier`} variant="default">{t('actions.edit')}</Button>}
          {buttons.filter((b) => b.show).map((b) => (
            <Button key={b.action} color={b.color} variant={b.variant ?? 'filled'} disabled={b.disabled} loading={action.isPending && action.variables === b.action} onClick={() => run(b.action)}>
              {t(`actions.${b.action}`)}
            </Button>
          ))}
          <DuplicateButton id={c.id} />
        </Group>
        {editable && blocked && <Text size="sm" c="red.9">{t('checks.launchBlocked')}</Text>}
        <FormError error={action.error} />
        {c.status !== 'draft' && c.status !== 'scheduled' && <Card withBorder><CampaignProgress progress={c.progress} /></Card>}
        {c.launchedAt && <Card withBorder><CampaignCounts campaign={c} /></Card>}
        {c.status === 'finished' && <ArchiveSwitch campaign={c} />}
        {editable && checks.data && <CampaignChecks checks={checks.data} />}
        {editable && <TestAndSchedule campaign={c} blocked={blocked} />}
        <CampaignPreview id={c.id} />
        <Text size="sm" c="dimmed">{t('common.labelled', { label: t('fields.sender'), value: c.sender })}</Text>
      </Stack>
    </>
  );
}

/** A scheduled campaign found too late (the system was down at its time): not sent until an admin decides. */
function MissedDecision({ campaign, onSendNow, sending, blocked }: { campaign: CampaignDto; onSendNow: () => void; sending: boolean; blocked: boolean }) {
  const { t } = useTranslation('newsletters');
  return (
    <Alert color="orange" title={t('schedule.missedTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('schedule.missed', { date: formatDateTime(campaign.scheduledAt!) })}</Text>
        <Group>
          <Button onClick={onSendNow} loading={sending} disabled={blocked}>{t('schedule.sendNow')}</Button>
          <Button variant="default" component="a" href="#programmer">{t('schedule.reschedule')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function DuplicateButton({ id }: { id: string }) {
  const { t } = useTranslation('newsletters');
  const navigate = useNavigate();
  const duplicate = useDuplicate(id);
  return (
    <Button variant="default" loading={duplicate.isPending} onClick={() => duplicate.mutate(undefined, { onSuccess: (copy) => navigate(`${CAMPAIGNS_PATH}/${copy.id}`) })}>
      {t('actions.duplicate')}
    </Button>
  );
}

/** `datetime-local` (the browser's time zone, the office's for its users) to an ISO instant. */
const toIso = (local: string) => new Date(local).toISOString();

function TestAndSchedule({ campaign, blocked }: { campaign: CampaignDto; blocked: boolean }) {
  const { t } = useTranslation('newsletters');
  const test = useSendTest(campaign.id);
  const schedule = useSchedule(campaign.id);
  const [at, setAt] = useState('');
  return (
    <Card withBorder>
      <Stack>
        <Text fw={600} component="h2" size="lg">{t('test.title')}</Text>
        <Group>
          <Button variant="default" loading={test.isPending} onClick={() => test.mutate()}>{t('test.send')}</Button>
          {test.isSuccess && <Text size="sm" role="status">{t('test.sent', { to: test.data.to })}</Text>}
        </Group>
        <FormError error={test.error} />
        <Text fw={600} component="h2" size="lg" id="programmer">{t('schedule.title')}</Text>
        <Group align="end">
          <TextInput type="datetime-local" label={t('schedule.at')} value={at} onChange={(e) => setAt(e.currentTarget.value)} />
          <Button disabled={!at || blocked} loading={schedule.isPending && schedule.variables !== null} onClick={() => schedule.mutate(toIso(at))}>
            {campaign.status === 'scheduled' ? t('schedule.move') : t('schedule.submit')}
          </Button>
          {campaign.status === 'scheduled' && (
            <Button variant="default" loading={schedule.isPending && schedule.variables === null} onClick={() => schedule.mutate(null)}>{t('schedule.unschedule')}</Button>
          )}
        </Group>
        <FormError error={schedule.error} />
      </Stack>
    </Card>
  );
}

function ArchiveSwitch({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation('newsletters');
  const set = useSetArchived(campaign.id);
  return (
    <Card withBorder>
      <Switch label={t('archive.switch')} description={t('archive.switchHelp')} checked={campaign.archived} disabled={set.isPending}
        onChange={(e) => set.mutate(e.currentTarget.checked)} />
      <FormError error={set.error} />
    </Card>
  );
}
