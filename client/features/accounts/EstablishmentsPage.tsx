import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { ListPagination } from '../../components/ListPagination';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, TableSkeleton } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatNumber } from '../../lib/format';
import { useEstablishments, useTerritory } from './api';
import { communeOptions } from './EstablishmentForm';
import { LIMITS } from './types';

const PAGE_SIZE = 20;
const FILTERS = ['search', 'category', 'communeInsee', 'communauteId', 'label'] as const;

/** Staff and admins: every establishment of the network, searchable and filtered, 20 per page. */
export default function EstablishmentsPage() {
  const { t } = useTranslation();
  const { values, page, set, active } = useListParams(FILTERS);
  const territory = useTerritory();
  const list = useEstablishments({ ...values, page, pageSize: PAGE_SIZE });

  const [search, setSearch] = useState(values.search);
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => {
    if (debounced !== values.search) set({ search: debounced.trim() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the typed text settles
  }, [debounced]);

  const tr = territory.data;
  const categoryLabel = useMemo(() => new Map(tr?.categories.map((c) => [c.id, c.label]) ?? []), [tr]);
  const data = list.data;

  return (
    <>
      <PageHeader
        title={t('establishments.title')}
        description={t('establishments.description')}
        actions={
          <Button component={Link} to="/etablissements/nouveau">
            {t('establishments.new')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md" mb="md" role="search" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('common.search')}
            description={t('establishments.searchHelp')}
            type="search"
            value={search}
            maxLength={LIMITS.search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label={t('establishments.fields.category')}
            data={tr?.categories.map((c) => ({ value: c.id, label: c.label })) ?? []}
            value={values.category || null}
            onChange={(v) => set({ category: v })}
            clearable
            placeholder={t('common.all')}
          />
          <Select
            label={t('establishments.fields.communaute')}
            data={tr?.communautes.map((c) => ({ value: c.id, label: c.name })) ?? []}
            value={values.communauteId || null}
            onChange={(v) => set({ communauteId: v })}
            clearable
            placeholder={t('common.all')}
          />
          <Select
            label={t('establishments.fields.commune')}
            data={tr ? communeOptions(tr) : []}
            value={values.communeInsee || null}
            onChange={(v) => set({ communeInsee: v })}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            placeholder={t('common.all')}
          />
          <Select
            label={t('establishments.fields.label')}
            data={tr?.labels ?? []}
            value={values.label || null}
            onChange={(v) => set({ label: v })}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            placeholder={t('common.all')}
          />
        </SimpleGrid>
        {active ? (
          <Button
            variant="subtle"
            size="compact-sm"
            mt="sm"
            onClick={() => {
              setSearch('');
              set({ search: null, category: null, communeInsee: null, communauteId: null, label: null });
            }}
          >
            {t('common.resetFilters')}
          </Button>
        ) : null}
      </Paper>

      {list.isPending ? <TableSkeleton /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        active ? (
          <EmptyState title={t('establishments.emptyFiltered')} description={t('common.tryOtherFilters')} />
        ) : (
          <EmptyState
            title={t('establishments.empty')}
            description={t('establishments.emptyHelp')}
            action={
              <Button component={Link} to="/etablissements/nouveau">
                {t('establishments.new')}
              </Button>
            }
          />
        )
      ) : null}
      {data && data.items.length > 0 ? (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('establishments.count', { count: data.total, formatted: formatNumber(data.total) })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('establishments.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('establishments.fields.category')}</Table.Th>
                  <Table.Th scope="col">{t('establishments.fields.commune')}</Table.Th>
                  <Table.Th scope="col">{t('establishments.fields.labels')}</Table.Th>
                  <Table.Th scope="col">{t('establishments.fields.membershipYearShort')}</Table.Th>
                  <Table.Th scope="col">{t('establishments.fields.users')}</Table.Th>
                  <Table.Th scope="col">{t('establishments.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Th scope="row" fw={600}>
                      <Anchor component={Link} to={`/etablissements/${e.id}`}>
                        {e.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{categoryLabel.get(e.category) ?? e.category}</Table.Td>
                    <Table.Td>{e.communeName}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {e.labels.map((l) => (
                          <Badge key={l} variant="light" color="cevennes" size="sm" tt="none">
                            {l}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{e.membershipYear ?? '—'}</Table.Td>
                    <Table.Td>{formatNumber(e.userCount)}</Table.Td>
                    <Table.Td>
                      <Badge color={e.status === 'active' ? 'cevennes' : 'gray'} variant="light">
                        {t(`establishments.status.${e.status}`)}
                      </Badge>
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
