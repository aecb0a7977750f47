import { Anchor, Badge, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RowLink } from '../../components/RowLink';
import { FilterCheckbox, FilterPanel, FilterSearch } from '../../components/FilterPanel';
import { PageHeader } from '../../components/PageHeader';
import { FilteredTable } from '../../components/FilteredList';
import { useListFilters } from '../../components/useListFilters';
import { formatNumber } from '../../lib/format';
import { useTrainings } from './api';
import { ThemeBadge, TrainingsNav } from './components';
import { formatDuration } from './format';
import { ThemeFilter } from './ThemeFilter';
import { LIMITS } from './types';

const FILTERS = ['search', 'theme', 'archived'] as const;

/** Staff: the catalogue of trainings, each with its upcoming sessions and a way to schedule another. */
export default function CataloguePage() {
  const { t } = useTranslation('trainings');
  const filters = useListFilters(FILTERS, { search: 'search' });
  const { values, page } = filters;
  const list = useTrainings({
    search: values.search || undefined,
    theme: values.theme || undefined,
    includeArchived: values.archived === '1',
    page,
    pageSize: LIMITS.pageSize,
  });
  const newButton = (
    <Button component={Link} to="/formations/gestion/catalogue/nouvelle">
      {t('catalogue.new')}
    </Button>
  );

  return (
    <>
      <TrainingsNav />
      <PageHeader title={t('catalogue.title')} description={t('catalogue.description')} actions={newButton} />
      <FilterPanel cols={{ base: 1, sm: 3 }} {...filters.panel}>
        <FilterSearch {...filters.search} />
        <ThemeFilter {...filters.field('theme')} />
        <FilterCheckbox label={t('catalogue.includeArchived')} {...filters.field('archived')} mt={{ base: 0, sm: 30 }} />
      </FilterPanel>
      <FilteredTable
        query={list}
        params={filters}
        empty={{ filteredTitle: t('catalogue.emptyFiltered'), title: t('catalogue.empty'), description: t('catalogue.emptyHelp'), action: newButton }}
        count={(n) => t('catalogue.count', n)}
        minWidth={720}
        rowKey={(training) => training.id}
        columns={[
          {
            label: t('fields.title'),
            card: 'title',
            cell: (training) => (
              <>
                <RowLink to={`/formations/gestion/catalogue/${training.id}`}>{training.title}</RowLink>
                {training.archived ? (
                  <Badge ml="xs" color="gray.7" variant="outline" tt="none" size="sm">
                    {t('catalogue.archived')}
                  </Badge>
                ) : null}
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {training.summary}
                </Text>
              </>
            ),
          },
          { label: t('fields.theme'), card: 'status', cell: (training) => <ThemeBadge theme={training.theme} /> },
          { label: t('fields.duration'), cell: (training) => formatDuration(t, training.durationMinutes) },
          {
            label: t('catalogue.upcomingSessions'),
            cell: (training) =>
              training.upcomingSessionCount > 0 ? (
                <Anchor component={Link} to={`/formations/gestion?trainingId=${training.id}&period=upcoming`}>
                  {formatNumber(training.upcomingSessionCount)}
                </Anchor>
              ) : (
                '0'
              ),
          },
          {
            label: t('common.actions'),
            card: 'actions',
            cell: (training) =>
              !training.archived ? (
                <Button
                  component={Link}
                  to={`/formations/gestion/catalogue/${training.id}/nouvelle-session`}
                  size="compact-sm"
                  variant="light"
                  aria-label={t('catalogue.newSessionFor', { title: training.title })}
                >
                  {t('catalogue.newSession')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
