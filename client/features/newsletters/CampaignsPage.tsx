import { Anchor, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { PagedList } from '../../components/PagedList';
import { EmptyState } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatDate, formatNumber } from '../../lib/format';
import { useCampaigns } from './api';
import { CampaignStatusBadge } from './StatusBadge';
import { CAMPAIGNS_PATH } from './paths';

/** Admins: the campaigns, newest first, with their progress (re-read while one sends). */
export default function CampaignsPage() {
  const { t } = useTranslation('newsletters');
  const { page, set } = useListParams([]);
  const list = useCampaigns(page);
  return (
    <>
      <PageHeader title={t('campaigns.title')} description={t('campaigns.description')} actions={<Button component={Link} to={`${CAMPAIGNS_PATH}/nouvelle`}>{t('campaigns.new')}</Button>} />
      <PagedList query={list} page={page} onPageChange={(p) => set({ page: p })} empty={<EmptyState title={t('campaigns.empty')} description={t('campaigns.emptyHelp')} />}>
        {(data, dimmed) => (
          <DataTable
            minWidth={640}
            dimmed={dimmed}
            caption={t('campaigns.count', { count: data.total, formatted: formatNumber(data.total) })}
            rows={data.items}
            rowKey={(c) => c.id}
            columns={[
              { label: t('fields.subject'), card: 'title', cell: (c) => <Anchor component={Link} to={`${CAMPAIGNS_PATH}/${c.id}`} fw={600}>{c.subject}</Anchor> },
              { label: t('fields.status'), card: 'status', cell: (c) => <CampaignStatusBadge status={c.status} /> },
              { label: t('fields.sent'), cell: (c) => <Text size="sm">{t('campaigns.sentOf', { sent: formatNumber(c.progress.sent), total: formatNumber(c.total) })}</Text> },
              { label: t('fields.createdAt'), cell: (c) => formatDate(c.createdAt) },
            ]}
          />
        )}
      </PagedList>
    </>
  );
}
