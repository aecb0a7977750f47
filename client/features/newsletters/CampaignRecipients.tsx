import { Anchor, Card, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAudienceSummary } from '../../components/AudiencePicker';
import { Fact } from '../../components/Fact';
import { useTopics, type CampaignDto } from './api';
import { useSegments } from './segments/api';
import { useSegmentSummary } from './segments/summary';

/**
 * To whom a campaign goes: its topic's subscribers, narrowed by a saved segment
 * (which replaces the audience at launch) or else by its audience. Admins
 * read it before « Lancer l’envoi », next to the reach count.
 */
export function CampaignRecipients({ campaign }: { campaign: CampaignDto }) {
  const { t, i18n } = useTranslation('newsletters');
  const topics = useTopics();
  const segments = useSegments();
  const audienceSummary = useAudienceSummary();
  const segmentSummary = useSegmentSummary();
  const topic = topics.data?.find((x) => x.id === campaign.topicId);
  const segment = campaign.segmentId ? segments.data?.find((s) => s.id === campaign.segmentId) : undefined;
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Fact label={t('fields.topic')}>{topic ? (i18n.language === 'en' ? topic.nameEn : topic.nameFr) : campaign.topicId}</Fact>
        {campaign.segmentId ? (
          <Fact label={t('fields.segment')}>
            {segment ? (
              <>
                <Anchor component={Link} to={`/lettres/segments/${segment.id}`}>{segment.name}</Anchor>
                {' — '}
                {segmentSummary(segment.filter)}
              </>
            ) : segments.isPending ? '…' : t('campaign.segmentGone')}
          </Fact>
        ) : (
          <Fact label={t('fields.audience')}>{audienceSummary(campaign.audience)}</Fact>
        )}
      </SimpleGrid>
    </Card>
  );
}
