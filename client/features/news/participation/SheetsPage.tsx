import { Anchor, Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NewsSheetStatus } from '../../../../common/news';
import { PageHeader } from '../../../components/PageHeader';
import { QueryState } from '../../../components/QueryState';
import { formatDate } from '../../../lib/format';
import { useUser } from '../../accounts/signed-in';
import { useSheets } from './api';

type View = 'published' | 'mine' | 'review';

/** « Retours d'expérience »: the published sheets with their establishment; partners' own sheets; staff's sheets to review. */
export default function SheetsPage() {
  const { t } = useTranslation('news');
  const me = useUser();
  const partner = me.role === 'partner';
  const [view, setView] = useState<View>('published');
  const filters: { status?: NewsSheetStatus; mine?: boolean; page: number } =
    view === 'mine' ? { mine: true, page: 1 } : view === 'review' ? { status: 'submitted', page: 1 } : { status: 'published', page: 1 };
  const query = useSheets(filters);

  return (
    <>
      <PageHeader
        title={t('participation.sheets.title')}
        description={t('participation.sheets.description')}
        actions={partner ? <Button component={Link} to="/retours-experience/proposer">{t('participation.sheets.submit')}</Button> : null}
      />
      <SegmentedControl
        mb="md"
        value={view}
        onChange={(v) => setView(v as View)}
        data={[
          { value: 'published', label: t('participation.sheets.status.published') },
          partner ? { value: 'mine', label: t('participation.sheets.mine') } : { value: 'review', label: t('participation.sheets.toReview') },
        ]}
        aria-label={t('participation.sheets.title')}
      />
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={<Text c="dimmed">{t('participation.sheets.empty')}</Text>}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.items.map((s) => (
              <Card component="li" key={s.id} withBorder radius="md" padding="md">
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Title order={2} fz="h4" style={{ overflowWrap: 'anywhere' }}>
                      <Anchor component={Link} to={`/retours-experience/${s.id}`} inherit>{s.title}</Anchor>
                    </Title>
                    {s.status !== 'published' ? <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>{t(`participation.sheets.status.${s.status}`)}</Badge> : null}
                  </Group>
                  <Text size="sm" fw={500}>
                    {s.establishment.name}{s.establishment.communeName ? ` · ${s.establishment.communeName}` : ''}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {s.publishedAt ? t('participation.sheets.publishedOn', { date: formatDate(s.publishedAt) }) : formatDate(s.updatedAt)}
                    {' · '}{t('participation.sheets.comments', { count: s.commentCount })}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </>
  );
}
