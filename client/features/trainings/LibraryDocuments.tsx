import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import { LibraryDocumentSelect } from '../../components/LibraryDocumentSelect';
import { useErrorMessage } from '../../components/States';
import { api } from '../../lib/api';
import type { AttachedDocumentList } from '../../../server/schemas/document-contributions';

type Attached = Static<typeof AttachedDocumentList>;
const KEY = 'training-documents';

/**
 * Library documents on a training (staff: attach and remove) or a session
 * page (participants: download). Only what the reader's audience allows is
 * listed, and the library's download route checks it again.
 */
export function LibraryDocuments(props: { trainingId: string; manage: true } | { sessionId: string; manage?: false }) {
  const { t } = useTranslation('contributions');
  const url = 'sessionId' in props ? `/api/trainings/sessions/${props.sessionId}/documents` : `/api/trainings/${props.trainingId}/documents`;
  const list = useQuery({ queryKey: [KEY, url], queryFn: ({ signal }) => api<Attached>(url, { signal }) });
  const items = list.data?.items ?? [];
  if (!props.manage && items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="library-documents" mt="xl">
      <Title order={2} size="h3" id="library-documents">
        {t('training.title')}
      </Title>
      {items.length ? (
        <List spacing={4}>
          {items.map((d) => (
            <List.Item key={d.id}>
              <Group gap="sm" wrap="wrap">
                <Anchor href={`/api/documents/${d.documentId}/download`}>{d.title}</Anchor>
                {d.credit ? <Text size="sm" c="dimmed">{d.credit}</Text> : null}
                {props.manage ? <Detach trainingId={props.trainingId} attachmentId={d.id} listKey={url} title={d.title} /> : null}
              </Group>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{t('training.none')}</Text>
      )}
      {props.manage ? <Attach trainingId={props.trainingId} listKey={url} /> : null}
    </Stack>
  );
}

function Detach({ trainingId, attachmentId, listKey, title }: { trainingId: string; attachmentId: string; listKey: string; title: string }) {
  const { t } = useTranslation('contributions');
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api(`/api/trainings/${trainingId}/documents/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY, listKey] }),
  });
  return (
    <Button size="compact-sm" variant="subtle" color="red.9" loading={remove.isPending} onClick={() => remove.mutate()} aria-label={t('training.removeNamed', { title })}>
      {t('training.remove')}
    </Button>
  );
}

function Attach({ trainingId, listKey }: { trainingId: string; listKey: string }) {
  const { t } = useTranslation('contributions');
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const [documentId, setDocumentId] = useState<string | null>(null);
  const attach = useMutation({
    mutationFn: (id: string) => api(`/api/trainings/${trainingId}/documents`, { method: 'POST', body: { documentId: id } }),
    onSuccess: () => {
      setDocumentId(null);
      return client.invalidateQueries({ queryKey: [KEY, listKey] });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <Group align="end" wrap="wrap">
      <LibraryDocumentSelect label={t('training.pick')} value={documentId} onChange={(id) => setDocumentId(id)} w={320} />
      <Button disabled={!documentId} loading={attach.isPending} onClick={() => documentId && attach.mutate(documentId)}>
        {t('training.attach')}
      </Button>
    </Group>
  );
}
