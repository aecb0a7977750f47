import { Button, Paper, Select, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListPagination } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, TableSkeleton } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatNumber } from '../../lib/format';
import { useStaffSessions, useTrainings } from './api';
import { TrainingsNav } from './components';
import { StaffSessionsTable } from './StaffSessionsTable';
import { LIMITS, SESSION_STATUSES } from './types';

const FILTERS = ['status', 'trainingId', 'period'] as const;
const PERIODS = ['upcoming', 'past', 'all'] as const;

/** Staff: every session (drafts included) with fill rate, offers, waiting list and status. */
export default function StaffSessionsPage() {
  const { t } = useTranslation();
  const { values, page, set, active } = useListParams(FILTERS);
  // One "now" per visit: a new instant on every render would make a new query each time.
  const [now] = useState(() => new Date().toISOString());
  const period = (PERIODS as readonly string[]).includes(values.period) ? values.period : 'upcoming';
  const list = useStaffSessions({
    status: values.status || undefined,
    trainingId: values.trainingId || undefined,
    from: period === 'upcoming' ? now : undefined,
    to: period === 'past' ? now : undefined,
    page,
    pageSize: LIMITS.pageSize,
  });
  const trainings = useTrainings({ includeArchived: true, pageSize: 100 });
  const data = list.data;

  return (
    <>
      <TrainingsNav />
      <PageHeader
        title={t('trainings.staff.title')}
        description={t('trainings.staff.description')}
        actions={
          <Button component={Link} to="/formations/gestion/catalogue">
            {t('trainings.staff.scheduleFromCatalogue')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md" mb="md" role="search" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('trainings.staff.period')}
            data={PERIODS.map((p) => ({ value: p, label: t(`trainings.staff.periods.${p}`) }))}
            value={period}
            allowDeselect={false}
            onChange={(v) => set({ period: v === 'upcoming' ? null : v })}
          />
          <Select
            label={t('trainings.staff.training')}
            data={(trainings.data?.items ?? []).map((tr) => ({ value: tr.id, label: tr.title }))}
            value={values.trainingId || null}
            onChange={(v) => set({ trainingId: v })}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            placeholder={t('common.all')}
          />
          <Select
            label={t('fields.status')}
            data={SESSION_STATUSES.map((s) => ({ value: s, label: t(`trainings.status.${s}`) }))}
            value={values.status || null}
            onChange={(v) => set({ status: v })}
            clearable
            placeholder={t('common.all')}
          />
        </SimpleGrid>
        {active ? (
          <Button variant="subtle" size="compact-sm" mt="sm" onClick={() => set({ status: null, trainingId: null, period: null })}>
            {t('common.resetFilters')}
          </Button>
        ) : null}
      </Paper>
      {list.isPending ? <TableSkeleton /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState
          title={active ? t('trainings.staff.emptyFiltered') : t('trainings.staff.empty')}
          description={active ? t('common.tryOtherFilters') : t('trainings.staff.emptyHelp')}
          action={
            <Button component={Link} to="/formations/gestion/catalogue">
              {t('trainings.staff.scheduleFromCatalogue')}
            </Button>
          }
        />
      ) : null}
      {data && data.items.length > 0 ? (
        <Stack gap="md">
          <StaffSessionsTable
            items={data.items}
            dimmed={list.isPlaceholderData}
            caption={t('trainings.staff.count', { count: data.total, formatted: formatNumber(data.total) })}
          />
          <ListPagination total={data.total} pageSize={data.pageSize} page={page} onChange={(p) => set({ page: p })} />
        </Stack>
      ) : null}
    </>
  );
}
