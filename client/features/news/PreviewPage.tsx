import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton } from '../../components/States';
import { EstablishmentSelect } from '../accounts/pickers';
import { usePreview } from './api';
import { PostView } from './components';

/** « Aperçu comme partenaire »: the post as a partner (of a chosen establishment) would see it, whether or not it is published yet. */
export default function PreviewPage() {
  const { t } = useTranslation('news');
  const { id } = useParams();
  const [establishmentId, setEstablishmentId] = useState('');
  const preview = usePreview(id, establishmentId);
  return (
    <>
      <PageBreadcrumbs
        links={[
          { to: '/actualites/gestion', label: t('staff.title') },
          ...(preview.data ? [{ to: `/actualites/gestion/${id}`, label: preview.data.post.title }] : []),
        ]}
        current={t('preview.title')}
      />
      <PageHeader
        title={t('preview.title')}
        description={t('preview.description')}
        actions={
          <Button variant="default" component={Link} to={`/actualites/gestion/${id}`}>
            {t('preview.back')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <EstablishmentSelect
            label={t('preview.establishment')}
            description={t('preview.establishmentHelp')}
            clearable
            value={establishmentId}
            onChange={setEstablishmentId}
            w={380}
            maw="100%"
          />
        </Group>
        {preview.isPending ? (
          <PageSkeleton />
        ) : preview.isError ? (
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        ) : (
          <>
            <Alert color={preview.data.visible ? 'cevennes' : 'red'} variant="light" role="status">
              <Text size="sm" fw={600}>
                {establishmentId ? (preview.data.visible ? t('preview.visible') : t('preview.invisible')) : t('preview.anyPartner')}
              </Text>
              <Text size="sm">{t('preview.audienceSize', { count: preview.data.audienceSize })}</Text>
            </Alert>
            <Card withBorder radius="md" padding="lg" component="article" aria-labelledby="preview-post-title">
              <Title order={2} id="preview-post-title" mb="sm">
                {preview.data.post.title}
              </Title>
              <PostView post={preview.data.post} preview />
            </Card>
          </>
        )}
      </Stack>
    </>
  );
}
