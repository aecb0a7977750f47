import type { TFunction } from 'i18next';
import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isStaff } from '../../../common/roles';
import { FilterCheckbox, FilterPanel, FilterSelect } from '../../components/FilterPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ListEmptyState, PageSkeleton } from '../../components/States';
import { useListFilters } from '../../components/useListFilters';
import { useTerritory } from '../accounts/api';
import type { Territory } from '../accounts/types';
import { useUser } from '../accounts/signed-in';
import { useUpcomingSessions, type SessionFilters } from './api';
import { TrainingsNav } from './components';
import { upcomingMonths } from './format';
import { SessionCard } from './SessionCard';
import { ThemeFilter } from './ThemeFilter';

const FILTERS = ['theme', 'month', 'place', 'seatsLeft'] as const;

/** Offices first, then the communes by communauté: one "where" filter. Values: "office:<id>" / "commune:<insee>". */
function placeFilterOptions(t: TFunction<'trainings'>, territory: Territory) {
  return [
    {
      group: t('filters.offices'),
      items: territory.offices.filter((o) => o.active).map((o) => ({ value: `office:${o.id}`, label: o.name })),
    },
    ...territory.communautes.map((c) => ({
      group: c.name,
      items: territory.communes
        .filter((m) => m.communauteId === c.id)
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
        .map((m) => ({ value: `commune:${m.inseeCode}`, label: m.name })),
    })),
  ];
}

function toFilters(values: Record<(typeof FILTERS)[number], string>): SessionFilters {
  const [kind, id] = values.place.split(':');
  return {
    theme: values.theme || undefined,
    month: values.month || undefined,
    officeId: kind === 'office' ? id : undefined,
    communeInsee: kind === 'commune' ? id : undefined,
    seatsLeft: values.seatsLeft === '1' || undefined,
  };
}

/** "Formations": upcoming sessions, filtered in the address bar, 20 more at a time. */
export default function TrainingsPage() {
  const { t } = useTranslation('trainings');
  const user = useUser();
  const listFilters = useListFilters(FILTERS);
  const { values } = listFilters;
  const territory = useTerritory();
  const filters = toFilters(values);
  const list = useUpcomingSessions(filters);
  const months = useMemo(() => upcomingMonths(), []);
  const placeOptions = useMemo(() => (territory.data ? placeFilterOptions(t, territory.data) : []), [t, territory.data]);
  const sessions = list.data?.pages.flatMap((p) => p.items) ?? [];
  // After "Afficher plus", keyboard and screen-reader users continue from the first new session, not from the button.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    const link = document.querySelector<HTMLElement>(`#session-${focusId} a`);
    if (link) {
      link.focus();
      setFocusId(null);
    }
  }, [focusId, sessions.length]);

  return (
    <>
      <TrainingsNav />
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          isStaff(user) ? (
            <Button component={Link} to="/formations/gestion/catalogue/nouvelle">
              {t('catalogue.new')}
            </Button>
          ) : undefined
        }
      />
      <FilterPanel cols={{ base: 1, sm: 2, lg: 4 }} {...listFilters.panel}>
        <ThemeFilter {...listFilters.field('theme')} />
        <FilterSelect
          label={t('filters.month')}
          data={months}
          {...listFilters.field('month')}
          placeholder={t('filters.anyMonth')}
        />
        <FilterSelect
          label={t('filters.place')}
          data={placeOptions}
          {...listFilters.field('place')}
          searchable
          placeholder={t('filters.anyPlace')}
        />
        <FilterCheckbox label={t('filters.seatsLeft')} {...listFilters.field('seatsLeft')} mt={{ base: 0, lg: 30 }} />
      </FilterPanel>

      <QueryState
        query={list}
        skeleton={<PageSkeleton lines={6} />}
        isEmpty={() => sessions.length === 0}
        empty={
          <ListEmptyState
            filtered={listFilters.active}
            filteredTitle={t('list.emptyFiltered')}
            title={t('list.empty')}
            description={t('list.emptyHelp')}
          />
        }
      >
        {() => (
          <Stack gap="md">
            <Text size="sm" c="dimmed" role="status">
              {list.hasNextPage
                ? t('list.shownMore', { count: sessions.length })
                : t('list.shown', { count: sessions.length })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              {sessions.map((s) => (
                <SessionCard key={s.id} session={s} />
              ))}
            </SimpleGrid>
            {list.hasNextPage ? (
              <Group justify="center">
                <Button
                  variant="default"
                  loading={list.isFetchingNextPage}
                  onClick={async () => {
                    const shown = sessions.length;
                    const result = await list.fetchNextPage();
                    setFocusId(result.data?.pages.flatMap((p) => p.items)[shown]?.id ?? null);
                  }}
                >
                  {t('list.loadMore')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
