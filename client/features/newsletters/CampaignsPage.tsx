import { Anchor, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilteredTable } from '../../components/FilteredList';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { formatDate, formatNumber } from '../../lib/format';
import { useCampaigns } from './api';
import { CampaignStatusBadge } from './StatusBadge';
import { CAMPAIGNS_PATH } from './paths';

/** Admins: the campaigns, newest first, with their progress (re-read while one sends). */
export default function CampaignsPage() {
  const { t } = useTranslation('newsletters');
  const listParams = useListParams([]);
  const list = useCampaigns(listParams.page);
  return (
    <>
      <PageHeader title={t('campaigns.title')} description={t('campaigns.description')} actions={<Button component={Link} to={`${CAMPAIGNS_PATH}/nouvelle`}>{t('campaigns.new')}</Button>} />
      <FilteredTable query={list} params={listParams} minWidth={640} rowKey={(c) => c.id}
        empty={{ title: t('campaigns.empty'), description: t('campaigns.emptyHelp') }} count={(n) => t('campaigns.count', n)}
        columns={[
          { label: t('fields.subject'), card: 'title', cell: (c) => <Anchor component={Link} to={`${CAMPAIGNS_PATH}/${c.id}`} fw={600}>{c.subject}</Anchor> },
          { label: t('fields.status'), card: 'status', cell: (c) => <CampaignStatusBadge status={c.status} /> },
          { label: t('fields.sent'), cell: (c) => <Text size="sm">{t('campaigns.sentOf', { sent: formatNumber(c.progress.sent), total: formatNumber(c.total) })}</Text> },
          { label: t('fields.createdAt'), cell: (c) => formatDate(c.createdAt) },
        ]} />
    </>
  );
}
