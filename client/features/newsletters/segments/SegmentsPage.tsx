import { Anchor, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { PageBreadcrumbs } from '../../../components/PageBreadcrumbs';
import { PageHeader } from '../../../components/PageHeader';
import { QueryState } from '../../../components/QueryState';
import { EmptyState } from '../../../components/States';
import { formatDate, formatNumber } from '../../../lib/format';
import { useSegments } from './api';
import { useSegmentSummary } from './summary';

/** Admins: the saved segments, by name. */
export default function SegmentsPage() {
  const { t } = useTranslation('newsletters');
  const segments = useSegments();
  const summary = useSegmentSummary();
  return (
    <>
      <PageBreadcrumbs links={[{ to: '/lettres/campagnes', label: t('campaigns.title') }]} current={t('segments.title')} />
      <PageHeader title={t('segments.title')} description={t('segments.description')} actions={<Button component={Link} to="/lettres/segments/nouveau">{t('segments.new')}</Button>} />
      <QueryState query={segments} isEmpty={(items) => items.length === 0} empty={<EmptyState title={t('segments.empty')} description={t('segments.emptyHelp')} />}>
        {(items) => (
          <DataTable
            minWidth={640}
            caption={t('segments.count', { count: items.length, formatted: formatNumber(items.length) })}
            rows={items}
            rowKey={(s) => s.id}
            columns={[
              { label: t('segments.name'), card: 'title', cell: (s) => <Anchor component={Link} to={`/lettres/segments/${s.id}`} fw={600}>{s.name}</Anchor> },
              { label: t('segments.criteria'), cell: (s) => <Text size="sm">{summary(s.filter)}</Text> },
              { label: t('segments.createdBy'), cell: (s) => s.createdBy ?? '—' },
              { label: t('segments.updatedAt'), cell: (s) => formatDate(s.updatedAt) },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
