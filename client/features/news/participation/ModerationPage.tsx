import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NewsReportStatus } from '../../../../common/news';
import { NEWS_LIMITS } from '../../../../common/news';
import type { NewsComment, NewsReport } from '../../../../server/schemas/news';
import { PageHeader } from '../../../components/PageHeader';
import { QueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { useHandleReport, useHiddenComments, useHideComment, useReports } from './api';
import { LinkifiedText } from './LinkifiedText';

const targetPath = (c: NewsComment) => (c.postId ? `/actualites/${c.postId}` : `/retours-experience/${c.sheetId}`);

/** Staff's moderation queue: partners' reports (hide with a reason, or dismiss) and the hidden comments (restore). */
export default function ModerationPage() {
  const { t } = useTranslation('news');
  const [status, setStatus] = useState<NewsReportStatus>('open');
  const reports = useReports(status, 1);
  const hidden = useHiddenComments(1);
  return (
    <>
      <PageHeader title={t('participation.moderation.title')} description={t('participation.moderation.description')} />
      <Tabs defaultValue="reports" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="reports">{t('participation.moderation.reports')}</Tabs.Tab>
          <Tabs.Tab value="hidden">{t('participation.moderation.hiddenTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reports">
          <SegmentedControl
            mb="md" value={status} onChange={(v) => setStatus(v as NewsReportStatus)} aria-label={t('participation.moderation.reports')}
            data={(['open', 'upheld', 'dismissed'] as const).map((s) => ({ value: s, label: t(`participation.moderation.${s}`) }))}
          />
          <QueryState query={reports} isEmpty={(d) => d.items.length === 0} empty={<Text c="dimmed">{t('participation.moderation.empty')}</Text>}>
            {(data) => <Stack gap="sm">{data.items.map((r) => <ReportCard key={r.id} report={r} />)}</Stack>}
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="hidden">
          <QueryState query={hidden} isEmpty={(d) => d.items.length === 0} empty={<Text c="dimmed">{t('participation.moderation.emptyHidden')}</Text>}>
            {(data) => <Stack gap="sm">{data.items.map((c) => <HiddenCard key={c.id} comment={c} />)}</Stack>}
          </QueryState>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function CommentBody({ comment }: { comment: NewsComment }) {
  const { t } = useTranslation('news');
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      <strong>{comment.author?.name ?? '—'}</strong>{t('participation.colon')}<LinkifiedText text={comment.body} />
    </Text>
  );
}

function ReportCard({ report: r }: { report: NewsReport }) {
  const { t } = useTranslation('news');
  const handle = useHandleReport();
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Anchor component={Link} to={targetPath(r.comment)} size="sm">{t('participation.moderation.on', { title: r.targetTitle })}</Anchor>
        <CommentBody comment={r.comment} />
        <Text size="xs" c="dimmed">{t('participation.moderation.reportedBy', { name: r.reporter?.name ?? '—', date: formatDateTime(r.createdAt), reason: r.reason })}</Text>
        {r.status === 'open' ? (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput style={{ flex: '1 1 14rem' }} size="sm" label={t('participation.comments.hideReason')} maxLength={NEWS_LIMITS.hideReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button size="sm" color="red" disabled={!reason.trim()} loading={handle.isPending} onClick={() => handle.mutate({ id: r.id, body: { decision: 'upheld', reason } })}>{t('participation.moderation.uphold')}</Button>
            <Button size="sm" variant="default" loading={handle.isPending} onClick={() => handle.mutate({ id: r.id, body: { decision: 'dismissed' } })}>{t('participation.moderation.dismiss')}</Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function HiddenCard({ comment: c }: { comment: NewsComment }) {
  const { t } = useTranslation('news');
  const hide = useHideComment();
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Anchor component={Link} to={targetPath(c)} size="sm">{formatDateTime(c.createdAt)}</Anchor>
        <CommentBody comment={c} />
        {c.hiddenReason ? <Text size="xs" c="dimmed">{t('participation.comments.hiddenReason', { reason: c.hiddenReason })}</Text> : null}
        <Group><Button size="compact-sm" variant="default" loading={hide.isPending} onClick={() => hide.mutate({ id: c.id, reason: null })}>{t('participation.comments.unhide')}</Button></Group>
      </Stack>
    </Paper>
  );
}
