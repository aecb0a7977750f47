import { Badge, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterPanel, FilterSearch, FilterSelect } from '../../components/FilterPanel';
import { PageHeader } from '../../components/PageHeader';
import { FilteredTable } from '../../components/FilteredList';
import { RowLink } from '../../components/RowLink';
import { useListFilters } from '../../components/useListFilters';
import { formatNumber } from '../../lib/format';
import { useEstablishments, useTerritory } from './api';
import { communeOptions } from './CommuneSelect';
import { useReferenceLabels } from './reference';

const PAGE_SIZE = 20;
const FILTERS = ['search', 'category', 'communeInsee', 'communauteId', 'label'] as const;

/** Staff and admins: every establishment of the network, searchable and filtered, 20 per page. */
export default function EstablishmentsPage() {
  const { t } = useTranslation('accounts');
  const filters = useListFilters(FILTERS, { search: 'search' });
  const { values, page } = filters;
  const territory = useTerritory();
  const list = useEstablishments({ ...values, page, pageSize: PAGE_SIZE });

  const tr = territory.data;
  const ref = useReferenceLabels();
  const categoryLabel = new Map(tr?.categories.map((c) => [c.id, ref.category(c.id, c.label)]) ?? []);
  const newButton = (
    <Button component={Link} to="/etablissements/nouveau">
      {t('establishments.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('establishments.title')} description={t('establishments.description')} actions={newButton} />
      <FilterPanel
        cols={{ base: 1, sm: 2, lg: 3 }}
        {...filters.panel}
      >
        <FilterSearch description={t('establishments.searchHelp')} {...filters.search} />
        <FilterSelect
          label={t('establishments.fields.category')}
          data={tr?.categories.map((c) => ({ value: c.id, label: ref.category(c.id, c.label) })) ?? []}
          {...filters.field('category')}
        />
        <FilterSelect
          label={t('establishments.fields.communaute')}
          data={tr?.communautes.map((c) => ({ value: c.id, label: c.name })) ?? []}
          {...filters.field('communauteId')}
        />
        <FilterSelect
          label={t('establishments.fields.commune')}
          data={tr ? communeOptions(tr) : []}
          {...filters.field('communeInsee')}
          searchable
        />
        <FilterSelect label={t('establishments.fields.label')} data={tr?.labels ?? []} {...filters.field('label')} searchable />
      </FilterPanel>

      <FilteredTable
        query={list}
        params={filters}
        empty={{ filteredTitle: t('establishments.emptyFiltered'), title: t('establishments.empty'), description: t('establishments.emptyHelp'), action: filters.active ? undefined : newButton }}
        count={(n) => t('establishments.count', n)}
        minWidth={820}
        rowKey={(e) => e.id}
        columns={[
          { label: t('establishments.fields.name'), card: 'title', cell: (e) => <RowLink to={`/etablissements/${e.id}`}>{e.name}</RowLink> },
          { label: t('establishments.fields.category'), cell: (e) => categoryLabel.get(e.category) ?? e.category },
          { label: t('establishments.fields.commune'), cell: (e) => e.communeName },
          {
            label: t('establishments.fields.labels'),
            cell: (e) => (
              <Group gap={4}>
                {e.labels.map((l) => (
                  <Badge key={l} variant="light" color="cevennes" size="sm" tt="none">
                    {l}
                  </Badge>
                ))}
              </Group>
            ),
          },
          { label: t('establishments.fields.membershipYearShort'), cell: (e) => e.membershipYear ?? '—' },
          { label: t('establishments.fields.users'), cell: (e) => formatNumber(e.userCount) },
          {
            label: t('establishments.fields.status'),
            card: 'status',
            cell: (e) => (
              <Badge color={e.status === 'active' ? 'cevennes' : 'gray'} variant="light">
                {t(`establishments.status.${e.status}`)}
              </Badge>
            ),
          },
        ]}
      />
    </>
  );
}
