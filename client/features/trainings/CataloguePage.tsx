import { Anchor, Badge, Button, Checkbox, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListPagination } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, TableSkeleton } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatNumber } from '../../lib/format';
import { useTrainings } from './api';
import { ThemeBadge, TrainingsNav } from './components';
import { formatDuration } from './format';
import { LIMITS, THEMES } from './types';

const FILTERS = ['search', 'theme', 'archived'] as const;

/** Staff: the catalogue of trainings, each with its upcoming sessions and a way to schedule another. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const { values, page, set, active } = useListParams(FILTERS);
  const list = useTrainings({
    search: values.search || undefined,
    theme: values.theme || undefined,
    includeArchived: values.archived === '1',
    page,
    pageSize: LIMITS.pageSize,
  });
  const [search, setSearch] = useState(values.search);
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => {
    if (debounced !== values.search) set({ search: debounced.trim() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the typed text settles
  }, [debounced]);
  const data = list.data;

  return (
    <>
      <TrainingsNav />
      <PageHeader
        title={t('trainings.catalogue.title')}
        description={t('trainings.catalogue.description')}
        actions={
          <Button component={Link} to="/formations/gestion/catalogue/nouvelle">
            {t('trainings.catalogue.new')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md" mb="md" role="search" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('common.search')} type="search" value={search} maxLength={100} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select
            label={t('trainings.fields.theme')}
            data={THEMES.map((theme) => ({ value: theme, label: t(`trainings.themes.${theme}`) }))}
            value={values.theme || null}
            onChange={(v) => set({ theme: v })}
            clearable
            placeholder={t('common.all')}
          />
          <Checkbox
            label={t('trainings.catalogue.includeArchived')}
            checked={values.archived === '1'}
            onChange={(e) => set({ archived: e.currentTarget.checked ? '1' : null })}
            mt={{ base: 0, sm: 30 }}
          />
        </SimpleGrid>
        {active ? (
          <Button
            variant="subtle"
            size="compact-sm"
            mt="sm"
            onClick={() => {
              setSearch('');
              set({ search: null, theme: null, archived: null });
            }}
          >
            {t('common.resetFilters')}
          </Button>
        ) : null}
      </Paper>
      {list.isPending ? <TableSkeleton /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <EmptyState
          title={active ? t('trainings.catalogue.emptyFiltered') : t('trainings.catalogue.empty')}
          description={active ? t('common.tryOtherFilters') : t('trainings.catalogue.emptyHelp')}
          action={
            <Button component={Link} to="/formations/gestion/catalogue/nouvelle">
              {t('trainings.catalogue.new')}
            </Button>
          }
        />
      ) : null}
      {data && data.items.length > 0 ? (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('trainings.catalogue.count', { count: data.total, formatted: formatNumber(data.total) })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('trainings.fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('trainings.fields.theme')}</Table.Th>
                  <Table.Th scope="col">{t('trainings.fields.duration')}</Table.Th>
                  <Table.Th scope="col">{t('trainings.catalogue.upcomingSessions')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((training) => (
                  <Table.Tr key={training.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/formations/gestion/catalogue/${training.id}`} fw={600}>
                        {training.title}
                      </Anchor>
                      {training.archived ? (
                        <Badge ml="xs" color="gray.7" variant="outline" tt="none" size="sm">
                          {t('trainings.catalogue.archived')}
                        </Badge>
                      ) : null}
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {training.summary}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <ThemeBadge theme={training.theme} />
                    </Table.Td>
                    <Table.Td>{formatDuration(t, training.durationMinutes)}</Table.Td>
                    <Table.Td>
                      {training.upcomingSessionCount > 0 ? (
                        <Anchor component={Link} to={`/formations/gestion?trainingId=${training.id}&period=upcoming`}>
                          {formatNumber(training.upcomingSessionCount)}
                        </Anchor>
                      ) : (
                        '0'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!training.archived ? (
                        <Button
                          component={Link}
                          to={`/formations/gestion/catalogue/${training.id}/nouvelle-session`}
                          size="compact-sm"
                          variant="light"
                          aria-label={t('trainings.catalogue.newSessionFor', { title: training.title })}
                        >
                          {t('trainings.catalogue.newSession')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListPagination total={data.total} pageSize={data.pageSize} page={page} onChange={(p) => set({ page: p })} />
        </Stack>
      ) : null}
    </>
  );
}
