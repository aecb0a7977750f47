import { ActionIcon, Anchor, Badge, Button, Card, CopyButton, Group, Stack, Tabs, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isStaff } from '../../../common/roles';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSkeleton, useErrorNotice } from '../../components/States';
import { useDownload } from '../../components/useDownload';
import { useUser } from '../accounts/signed-in';
import { files, useCalendarFeed, useCalendarFeedMutation, useMyRegistrations } from './api';
import { MyRegistrationBadge, PlaceText, TrainingsNav } from './components';
import { formatDeadline, formatWhen } from './format';
import { RegistrationActions } from './RegistrationActions';
import { IcsButton } from './SessionPage';
import type { MyItem } from './types';

type Tab = 'upcoming' | 'waiting' | 'past';
const TABS: Tab[] = ['upcoming', 'waiting', 'past'];

function CertificateButton({ item }: { item: MyItem }) {
  const { t } = useTranslation('trainings');
  const download = useDownload();
  return (
    <Button
      size="sm"
      loading={download.busy !== null}
      onClick={() => void download.run(files.certificate(item.registration.id), 'attestation-de-presence.pdf')}
    >
      {t('mine.certificate')}
    </Button>
  );
}

function MyItemCard({ item, tab }: { item: MyItem; tab: Tab }) {
  const { t } = useTranslation('trainings');
  const user = useUser();
  const { session, registration } = item;
  return (
    <Card withBorder radius="md" padding="md" component="li">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Title order={2} fz="h4">
            <Anchor component={Link} to={`/formations/sessions/${session.id}`} c="inherit" underline="hover">
              {session.title}
            </Anchor>
          </Title>
          <MyRegistrationBadge registration={registration} />
        </Group>
        <Text fw={600} size="sm">
          {formatWhen(session.startsAt, session.endsAt)}
        </Text>
        <Text size="sm" component="div">
          <PlaceText place={session.place} withLinks={tab === 'upcoming'} />
        </Text>
        {session.status === 'cancelled' ? (
          <Badge color="red.9" variant="outline" tt="none">
            {t('status.cancelled')}
          </Badge>
        ) : null}
        {registration.status === 'offered' && registration.offerExpiresAt ? (
          <Text size="sm">{t('session.my.offered', { date: formatDeadline(t, registration.offerExpiresAt) })}</Text>
        ) : null}
        {tab === 'past' ? (
          <Text size="sm" c="dimmed">
            {registration.attendance === 'present'
              ? t('mine.attended')
              : registration.attendance === 'absent'
                ? t('mine.absent')
                : t('mine.attendanceUnknown')}
          </Text>
        ) : null}
        <Group gap="xs">
          {tab !== 'past' && session.status !== 'cancelled' ? (
            <RegistrationActions session={session} registration={registration} staff={isStaff(user)} />
          ) : null}
          {tab === 'upcoming' && session.status !== 'cancelled' && registration.status === 'confirmed' ? <IcsButton session={session} /> : null}
          {tab === 'past' && item.certificateAvailable ? <CertificateButton item={item} /> : null}
        </Group>
      </Stack>
    </Card>
  );
}

// Drawn rather than typed: not every system font has a "copy" glyph.
const CopyIcon = () => (
  <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <rect x="9" y="9" width="13" height="13" rx="2" />
    <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
  </svg>
);
const CheckIcon = () => (
  <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
    <path d="M20 6 9 17l-5-5" />
  </svg>
);

/** The private calendar address: create, copy, replace (the old one stops working) or revoke. */
function CalendarFeedCard() {
  const { t } = useTranslation('trainings');
  const feed = useCalendarFeed();
  const change = useCalendarFeedMutation();
  const notifyError = useErrorNotice();
  const [confirm, setConfirm] = useState<'regenerate' | 'revoke' | null>(null);
  const url = feed.data?.url ?? null;

  const run = (action: 'create' | 'revoke', done: string) =>
    change.mutate(action, {
      onSuccess: () => {
        setConfirm(null);
        notifications.show({ color: 'cevennes', message: done });
      },
      onError: (error) => {
        setConfirm(null);
        notifyError(error);
      },
    });

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="feed-title" mt="xl">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="feed-title">
          {t('feed.title')}
        </Title>
        <Text size="sm">{t('feed.description')}</Text>
        {feed.isPending ? <PageSkeleton lines={1} /> : null}
        {feed.isError ? <ErrorState error={feed.error} onRetry={() => void feed.refetch()} /> : null}
        {feed.data && url ? (
          <>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label={t('feed.url')} value={url} readOnly style={{ flex: 1, minWidth: 0 }} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('feed.copied') : t('feed.copy')} withArrow>
                    <ActionIcon
                      size={36}
                      variant={copied ? 'filled' : 'default'}
                      onClick={() => {
                        copy();
                        notifications.show({ color: 'cevennes', message: t('feed.copied') });
                      }}
                      aria-label={t('feed.copy')}
                    >
                      {copied ? <CheckIcon /> : <CopyIcon />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('feed.secret')}
            </Text>
            <Anchor href={url.replace(/^https?:/, 'webcal:')} size="sm">
              {t('feed.subscribe')}
            </Anchor>
            <Group gap="xs">
              <Button variant="default" size="sm" onClick={() => setConfirm('regenerate')}>
                {t('feed.regenerate')}
              </Button>
              <Button variant="default" color="red.8" size="sm" onClick={() => setConfirm('revoke')}>
                {t('feed.revoke')}
              </Button>
            </Group>
          </>
        ) : null}
        {feed.data && !url ? (
          <Group>
            <Button size="sm" loading={change.isPending} onClick={() => run('create', t('feed.created'))}>
              {t('feed.create')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm === 'revoke' ? t('feed.revokeTitle') : t('feed.regenerateTitle')}
        message={confirm === 'revoke' ? t('feed.revokeMessage') : t('feed.regenerateMessage')}
        confirmLabel={confirm === 'revoke' ? t('feed.revoke') : t('feed.regenerate')}
        danger
        loading={change.isPending}
        onConfirm={() =>
          confirm === 'revoke' ? run('revoke', t('feed.revoked')) : run('create', t('feed.regenerated'))
        }
        onCancel={() => setConfirm(null)}
      />
    </Card>
  );
}

/** "Mes formations": upcoming seats, waiting lists and offers, past sessions with certificates; the calendar feed. */
export default function MyTrainingsPage() {
  const { t } = useTranslation('trainings');
  const [params, setParams] = useSearchParams();
  const requested = params.get('onglet') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'upcoming';
  const mine = useMyRegistrations();
  const data = mine.data;

  return (
    <>
      <TrainingsNav />
      <PageHeader title={t('mine.title')} description={t('mine.description')} />
      {mine.isPending ? <PageSkeleton lines={6} /> : null}
      {mine.isError ? <ErrorState error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {data ? (
        <Tabs
          value={tab}
          onChange={(v) => setParams(v && v !== 'upcoming' ? { onglet: v } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            {TABS.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`mine.tabs.${key}`)} ({data[key].length})
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {TABS.map((key) => (
            <Tabs.Panel key={key} value={key} pt="md">
              {data[key].length === 0 ? (
                <EmptyState
                  title={t(`mine.empty.${key}`)}
                  action={
                    key !== 'past' ? (
                      <Button component={Link} to="/formations">
                        {t('mine.browse')}
                      </Button>
                    ) : undefined
                  }
                />
              ) : (
                <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                  {data[key].map((item) => (
                    <MyItemCard key={item.registration.id} item={item} tab={key} />
                  ))}
                </Stack>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      ) : null}
      <CalendarFeedCard />
    </>
  );
}
