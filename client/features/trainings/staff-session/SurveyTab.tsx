import { Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/States';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useSurveySummary } from '../api';
import { Stat } from './Stat';

/** Satisfaction survey results: response rate, average, distribution (bars with numbers) and comments. */
export function SurveyTab({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('trainings');
  const survey = useSurveySummary(sessionId);
  if (survey.isPending) return <PageSkeleton lines={5} />;
  if (survey.isError) return <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />;
  const s = survey.data;
  if (s.sent === 0) return <EmptyState title={t('surveyResults.notSent')} description={t('surveyResults.notSentHelp')} />;
  const max = Math.max(1, ...s.distribution);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Stat label={t('surveyResults.sent')}>{formatNumber(s.sent)}</Stat>
        <Stat label={t('surveyResults.responses')}>
          {formatNumber(s.responses)} ({formatNumber(s.sent > 0 ? s.responses / s.sent : 0, { style: 'percent' })})
        </Stat>
        <Stat label={t('surveyResults.average')}>
          {s.average !== null ? t('surveyResults.averageValue', { value: formatNumber(s.average, { maximumFractionDigits: 1 }) }) : '—'}
        </Stat>
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-labelledby="survey-distribution">
        <Title order={3} fz="h4" id="survey-distribution">
          {t('surveyResults.distribution')}
        </Title>
        <Table verticalSpacing={6} withRowBorders={false}>
          <Table.Tbody>
            {[5, 4, 3, 2, 1].map((rating) => {
              const count = s.distribution[rating - 1] ?? 0;
              return (
                <Table.Tr key={rating}>
                  <Table.Th scope="row" fw={500} w="40%">
                    {t(`survey.ratings.${rating}` as 'survey.ratings.5')}
                  </Table.Th>
                  <Table.Td>
                    <Progress value={(count / max) * 100} size="lg" color="cevennes" aria-hidden="true" />
                  </Table.Td>
                  <Table.Td w={60} ta="right">
                    {formatNumber(count)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="survey-comments">
        <Title order={3} fz="h4" id="survey-comments">
          {t('surveyResults.comments')} ({formatNumber(s.comments.length)})
        </Title>
        {s.comments.length === 0 ? <Text size="sm" c="dimmed">{t('surveyResults.noComments')}</Text> : null}
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {s.comments.map((c, i) => (
            <Paper key={i} withBorder radius="md" p="sm" component="li">
              <Text size="xs" c="dimmed">
                {t('surveyResults.commentRating', { rating: c.rating })} · {formatDateTime(c.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {c.comment}
              </Text>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}
