import { Anchor, Button, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { EmptyState } from '../../components/States';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useUser } from '../accounts/signed-in';
import { applyFieldErrors } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { addMonths, currentMonth, FIGURES_LIMITS } from '../../../common/figures';
import { isStaff } from '../../../common/roles';
import { useEditions, usePreview, usePublish } from './api';
import { EditionTables } from './EditionTables';
import { monthLabel } from './format';

/** « Observatoire »: the published editions; staff publish the month's. */
export default function ObservatoirePage() {
  const { t } = useTranslation('figures');
  const user = useUser();
  const editions = useEditions();
  const staff = isStaff(user.role);
  return (
    <>
      <PageHeader title={t('observatoire.title')} description={t('observatoire.description')} />
      <Stack gap="lg">
        <QueryState query={editions} isEmpty={(d) => !d.items.length} empty={<EmptyState title={t('observatoire.empty')} />}>
          {(d) => (
            <DataTable
              minWidth={480}
              rows={d.items}
              rowKey={(e) => e.id}
              columns={[
                { label: t('fields.month'), card: 'title', cell: (e) => <Anchor component={Link} to={`/observatoire/${e.id}`} fw={600}>{t('observatoire.edition', { month: monthLabel(e.month) })}</Anchor> },
                { label: t('observatoire.comment'), cell: (e) => <Text size="sm" lineClamp={2}>{e.comment}</Text> },
                { label: t('observatoire.publishedOn', { date: '' }).trim(), cell: (e) => formatDate(e.publishedAt) },
              ]}
            />
          )}
        </QueryState>
        {staff ? <PublishForm taken={editions.data?.items.map((e) => e.month) ?? []} /> : null}
      </Stack>
    </>
  );
}

function PublishForm({ taken }: { taken: string[] }) {
  const { t } = useTranslation('figures');
  const navigate = useNavigate();
  const publish = usePublish();
  const months = Array.from({ length: 24 }, (_, i) => addMonths(currentMonth(), -i - 1)).filter((m) => !taken.includes(m));
  const form = useForm({ initialValues: { month: months[0] ?? '', comment: '' }, validate: { comment: (v) => (v.trim() ? null : t('observatoire.comment')) } });
  const preview = usePreview(form.values.month || null);
  const submit = useSaveHandler(
    (v: { month: string; comment: string }) => publish.mutateAsync(v),
    (edition) => {
      notifications.show({ color: 'cevennes', message: t('observatoire.published', { month: monthLabel(edition.month) }) });
      navigate(`/observatoire/${edition.id}`);
    },
  );
  if (!months.length) return null;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <form noValidate onSubmit={form.onSubmit((v) => submit(v).catch((e) => void applyFieldErrors(form, e)))}>
        <Stack gap="sm">
          <Title order={2} fz="h3">{t('observatoire.publish')}</Title>
          <Text size="sm" c="dimmed">{t('observatoire.publishHelp')}</Text>
          <Select label={t('fields.month')} data={months.map((m) => ({ value: m, label: monthLabel(m) }))} allowDeselect={false} {...form.getInputProps('month')} />
          <Textarea label={t('observatoire.comment')} required autosize minRows={3} maxLength={FIGURES_LIMITS.comment} {...form.getInputProps('comment')} />
          <Title order={3} fz="h4">{t('observatoire.preview')}</Title>
          <QueryState query={preview}>{(data) => <EditionTables data={data} />}</QueryState>
          <Button type="submit" loading={publish.isPending} style={{ alignSelf: 'flex-start' }}>{t('observatoire.publishButton')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
