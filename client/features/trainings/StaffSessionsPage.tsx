import { Button, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterPanel, FilterSelect } from '../../components/FilterPanel';
import { PageHeader } from '../../components/PageHeader';
import { FilteredList } from '../../components/FilteredList';
import { useListFilters } from '../../components/useListFilters';
import { useStaffSessions, useTrainings } from './api';
import { TrainingsNav } from './components';
import { StaffSessionsTable } from './StaffSessionsTable';
import { LIMITS, SESSION_STATUSES } from './types';

const FILTERS = ['status', 'trainingId', 'period'] as const;
const PERIODS = ['upcoming', 'past', 'all'] as const;

/** Staff: every session (drafts included) with fill rate, offers, waiting list and status. */
export default function StaffSessionsPage() {
  const { t } = useTranslation('trainings');
  const filters = useListFilters(FILTERS);
  const { values, page, set } = filters;
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
  const scheduleButton = (
    <Button component={Link} to="/formations/gestion/catalogue">
      {t('staff.scheduleFromCatalogue')}
    </Button>
  );

  return (
    <>
      <TrainingsNav />
      <PageHeader title={t('staff.title')} description={t('staff.description')} actions={scheduleButton} />
      <FilterPanel cols={{ base: 1, sm: 3 }} {...filters.panel}>
        <Select
          label={t('staff.period')}
          data={PERIODS.map((p) => ({ value: p, label: t(`staff.periods.${p}`) }))}
          value={period}
          allowDeselect={false}
          onChange={(v) => set({ period: v === 'upcoming' ? null : v })}
        />
        <FilterSelect
          label={t('staff.training')}
          data={(trainings.data?.items ?? []).map((tr) => ({ value: tr.id, label: tr.title }))}
          {...filters.field('trainingId')}
          searchable
        />
        <FilterSelect
          label={t('fields.status')}
          data={SESSION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          {...filters.field('status')}
        />
      </FilterPanel>
      <FilteredList
        query={list}
        params={filters}
        empty={{ filteredTitle: t('staff.emptyFiltered'), title: t('staff.empty'), description: t('staff.emptyHelp'), action: scheduleButton }}
        count={(n) => t('staff.count', n)}
      >
        {(data, table) => <StaffSessionsTable items={data.items} {...table} />}
      </FilteredList>
    </>
  );
}
