import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { useCampaignCounts, type CampaignDto } from './api';

/**
 * A launched campaign's aggregate counts (CNIL: privacy by default): clicks
 * per link, the topic's unsubscriptions since launch, and the sentence that
 * says nothing is recorded per person.
 */
export function CampaignCounts({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation('newsletters');
  const counts = useCampaignCounts(campaign.id, true, campaign.status === 'sending');
  const links = counts.data?.links ?? [];
  const unsubscribed = counts.data?.unsubscribedSinceLaunch;
  return (
    <Stack gap="xs">
      <Text fw={600} component="h2" size="lg" id="campaign-clicks-title">{t('counts.title')}</Text>
      <Text size="sm">{t('counts.privacy')}</Text>
      <FormError error={counts.error} />
      {counts.data && (links.length === 0 ? <Text size="sm" c="dimmed">{t('counts.none')}</Text> : (
        <Table aria-labelledby="campaign-clicks-title" striped>
          <Table.Thead>
            <Table.Tr><Table.Th scope="col">{t('counts.link')}</Table.Th><Table.Th scope="col" ta="right" w="1%">{t('counts.clicks')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {links.map((l) => (
              <Table.Tr key={l.url}>
                <Table.Td style={{ wordBreak: 'break-all' }}><Anchor href={l.url} target="_blank" rel="noopener noreferrer">{l.url}</Anchor></Table.Td>
                <Table.Td ta="right">{formatNumber(l.clicks)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ))}
      {unsubscribed != null && (
        <>
          <Text fw={600}>{t('counts.unsubscribed', { count: unsubscribed, formatted: formatNumber(unsubscribed) })}</Text>
          <Text size="sm" c="dimmed">{t('counts.unsubscribedHelp')}</Text>
        </>
      )}
    </Stack>
  );
}
