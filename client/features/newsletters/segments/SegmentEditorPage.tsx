import { Badge, Button, Grid, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { PageBreadcrumbs } from '../../../components/PageBreadcrumbs';
import { PageHeader } from '../../../components/PageHeader';
import { QueryState } from '../../../components/QueryState';
import { FormError } from '../../../components/States';
import { saveForm } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { EMPTY_SEGMENT_FILTER, SEGMENT_LIMITS, SEGMENT_PREVIEW_DEBOUNCE_MS, type SegmentFilter } from '../../../../common/newsletter-segments';
import { useTopics } from '../api';
import { useDeleteSegment, useSaveSegment, useSegment, useSegmentPreview, type SegmentDto } from './api';
import { SegmentFilterFields } from './SegmentFilterFields';

/** Admins: a new segment, or an existing one (`/lettres/segments/:id`). */
export default function SegmentEditorPage() {
  const { id } = useParams();
  const segment = useSegment(id);
  if (!id) return <SegmentEditor />;
  return <QueryState query={segment}>{(s) => <SegmentEditor segment={s} />}</QueryState>;
}

interface Values { name: string; filter: SegmentFilter }

function SegmentEditor({ segment }: { segment?: SegmentDto }) {
  const { t, i18n } = useTranslation('newsletters');
  const navigate = useNavigate();
  const save = useSaveSegment(segment?.id);
  const topics = useTopics();
  const [topicId, setTopicId] = useState('lettre-du-reseau');
  const form = useForm<Values>({
    initialValues: { name: segment?.name ?? '', filter: segment?.filter ?? EMPTY_SEGMENT_FILTER },
    validate: { name: (v) => (v.trim() ? null : t('form.required')) },
  });
  // The live count follows the filter once editing pauses, not at each click.
  const [filter] = useDebouncedValue(form.values.filter, SEGMENT_PREVIEW_DEBOUNCE_MS);
  const preview = useSegmentPreview({ filter, topicId });
  const en = i18n.language.startsWith('en');
  const title = segment ? t('segments.edit') : t('segments.new');

  return (
    <>
      <PageBreadcrumbs links={[{ to: '/lettres/campagnes', label: t('campaigns.title') }, { to: '/lettres/segments', label: t('segments.title') }]} current={segment?.name ?? title} />
      <PageHeader title={title} actions={segment ? <DeleteSegment id={segment.id} /> : undefined} />
      <form noValidate onSubmit={form.onSubmit((values) => saveForm(form, async () => {
        await save.mutateAsync({ name: values.name.trim(), filter: values.filter });
        navigate('/lettres/segments');
      }))}>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack>
              <TextInput label={t('segments.name')} required maxLength={SEGMENT_LIMITS.name} {...form.getInputProps('name')} />
              <SegmentFilterFields value={form.values.filter} onChange={(f) => form.setFieldValue('filter', f)} />
              <FormError error={save.error} />
              <Group><Button type="submit" loading={save.isPending}>{t('segments.save')}</Button></Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="segment-count">
              <Stack gap="sm">
                <Select
                  label={t('segments.topic')} allowDeselect={false} value={topicId} onChange={(v) => v && setTopicId(v)}
                  data={(topics.data ?? []).map((x) => ({ value: x.id, label: en ? x.nameEn : x.nameFr }))}
                />
                <div>
                  <Title order={2} size="h4" id="segment-count">{t('segments.liveCount')}</Title>
                  {/* Announced politely when it changes: a screen-reader user hears the new count after each criterion. */}
                  <Group gap="xs" aria-live="polite" aria-atomic="true">
                    {preview.data ? (
                      <Text size="xl" fw={700} data-testid="segment-count">{t('segments.liveCountValue', { count: preview.data.count, formatted: formatNumber(preview.data.count) })}</Text>
                    ) : null}
                    {preview.isFetching ? <Loader size="xs" aria-label={t('segments.counting')} /> : null}
                  </Group>
                  <Text size="sm" c="dimmed">{t('segments.liveCountHelp')}</Text>
                </div>
                <FormError error={preview.error} />
                {preview.data ? <SampleTable sample={preview.data.sample} /> : null}
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}

function SampleTable({ sample }: { sample: NonNullable<ReturnType<typeof useSegmentPreview>['data']>['sample'] }) {
  const { t } = useTranslation('newsletters');
  if (!sample.length) return <Text size="sm">{t('segments.sampleEmpty')}</Text>;
  return (
    <>
      <Title order={3} size="h5">{t('segments.sample')}</Title>
      <DataTable
        dense
        minWidth={320}
        caption={t('segments.sampleCaption')}
        rows={sample}
        rowKey={(s) => `${s.maskedAddress}-${s.name}-${s.establishment ?? ''}`}
        columns={[
          // The establishment under the name: three columns fit the half page without a sideways scroll.
          {
            label: t('segments.sampleName'), card: 'title',
            cell: (s) => (
              <>
                {s.kind === 'contact' ? <Badge variant="light" color="gray">{t('segments.sampleKind.contact')}</Badge> : s.name}
                {s.establishment ? <Text size="xs" c="dimmed">{s.establishment}</Text> : null}
              </>
            ),
          },
          { label: t('segments.sampleCommune'), cell: (s) => s.commune ?? '—' },
          { label: t('segments.sampleAddress'), cell: (s) => s.maskedAddress },
        ]}
      />
    </>
  );
}

function DeleteSegment({ id }: { id: string }) {
  const { t } = useTranslation('newsletters');
  const navigate = useNavigate();
  const remove = useDeleteSegment(id);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpen(true)}>{t('segments.delete')}</Button>
      <ConfirmDialog
        opened={open} danger title={t('segments.deleteTitle')} confirmLabel={t('segments.delete')} loading={remove.isPending}
        message={<>{t('segments.deleteMessage')}<FormError error={remove.error} /></>}
        onCancel={() => setOpen(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/lettres/segments') })}
      />
    </>
  );
}
