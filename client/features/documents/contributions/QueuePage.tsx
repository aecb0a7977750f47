import { Anchor, Button, Card, Group, Image, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { PagedList } from '../../../components/PagedList';
import { EmptyState, useErrorMessage } from '../../../components/States';
import { useListParams } from '../../../components/useListParams';
import { formatDate } from '../../../lib/format';
import { useFolders } from '../api';
import { contributionFileUrl, useContributions, useDecide, type Contribution } from './api';

/** Staff: the queue of pending proposals, oldest first; each is approved into a folder or declined with a message. */
export default function QueuePage() {
  const { t } = useTranslation('contributions');
  const { page, set } = useListParams([]);
  const list = useContributions({ page, status: 'pending' });
  return (
    <>
      <PageHeader title={t('queue.title')} description={t('queue.description')} />
      <PagedList query={list} page={page} onPageChange={(p) => set({ page: p })} empty={<EmptyState title={t('queue.empty')} />}>
        {(data) => (
          <Stack gap="md">
            {data.items.map((c) => (
              <ProposalCard key={c.id} contribution={c} />
            ))}
          </Stack>
        )}
      </PagedList>
    </>
  );
}

function ProposalCard({ contribution: c }: { contribution: Contribution }) {
  const { t } = useTranslation('contributions');
  const folders = useFolders();
  const decide = useDecide();
  const errorMessage = useErrorMessage();
  const [folderId, setFolderId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  // mutateAsync, not mutate's callbacks: the decided proposal leaves the refetched queue (this card unmounts)
  // before they would run, and React Query drops them then: the confirmation was sometimes never shown.
  const run = (vars: Parameters<typeof decide.mutateAsync>[0], key: 'approved' | 'declined') =>
    decide.mutateAsync(vars).then(
      () => notifications.show({ color: 'cevennes', message: t(`queue.${key}`) }),
      (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) }),
    );
  return (
    <Card withBorder component="article" aria-labelledby={`proposal-${c.id}`}>
      <Stack gap="sm">
        <Text component="h2" fw={700} size="lg" id={`proposal-${c.id}`}>
          {c.title}
        </Text>
        <Text size="sm">
          {t('queue.by', { name: c.proposerName ?? '—', establishment: c.establishment?.name ?? '—' })} · {formatDate(c.createdAt)}
        </Text>
        <Text size="sm">
          {t('fields.creditLine', { credit: c.credit })}
        </Text>
        {c.description ? <Text size="sm">{c.description}</Text> : null}
        {/* A proposed photo is judged by looking at it: shown here rather than only behind a link. */}
        {c.mediaType.startsWith('image/') ? <Image src={contributionFileUrl(c.id)} alt={t('queue.photoAlt', { title: c.title })} maw={360} mah={240} fit="contain" w="auto" radius="sm" /> : null}
        <Anchor href={contributionFileUrl(c.id)} target="_blank" rel="noopener">
          {t('queue.open')} ({c.originalName})
        </Anchor>
        <Group align="end" wrap="wrap">
          <Select
            label={t('queue.folder')}
            data={(folders.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
            value={folderId}
            onChange={setFolderId}
            searchable
            w={{ base: '100%', xs: 280 }}
          />
          <Button disabled={!folderId} loading={decide.isPending} onClick={() => folderId && run({ id: c.id, approve: { folderId } }, 'approved')}>
            {t('queue.approve')}
          </Button>
        </Group>
        <Group align="end" wrap="wrap">
          <Textarea label={t('queue.message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} maxLength={2000} autosize minRows={1} w={{ base: '100%', xs: 360 }} />
          <Button variant="outline" color="red.9" loading={decide.isPending} onClick={() => run({ id: c.id, decline: message }, 'declined')}>
            {t('queue.confirmDecline')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
