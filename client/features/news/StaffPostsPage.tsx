import { Anchor, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ListPagination } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { ListEmptyState, ErrorState, TableSkeleton } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useUser } from '../accounts/signed-in';
import { useCategories, useStaffPosts } from './api';
import { CategoryFilter } from './components';
import { categoryLabel, STATE_COLORS } from './format';
import { NEWS_POST_STATES, type NewsPostListItem, type NewsPostState } from './types';

/** Staff: every post with its state (draft, scheduled, live, expired) and the share of its audience that read it. */
export default function StaffPostsPage() {
  const { t } = useTranslation('news');
  const user = useUser();
  const { values, page, set, active } = useListParams(['state', 'category'] as const);
  const categories = useCategories();
  const state = (NEWS_POST_STATES as readonly string[]).includes(values.state) ? (values.state as NewsPostState) : undefined;
  const posts = useStaffPosts({ state, categoryId: values.category || undefined, page, pageSize: 20 });

  const columns: DataColumn<NewsPostListItem>[] = [
    {
      label: t('staff.columns.title'),
      card: 'title',
      miw: 240,
      cell: (p) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/actualites/gestion/${p.id}`} fw={600}>
            {p.title}
          </Anchor>
          <Group gap={4}>
            {p.pinned ? <Badge size="xs" variant="light">{t('feed.pinned')}</Badge> : null}
            {p.important ? <Badge size="xs" variant="filled" color="red.9">{t('feed.important')}</Badge> : null}
            {p.event ? <Badge size="xs" variant="light" color="stone">{t('staff.hasEvent')}</Badge> : null}
          </Group>
        </Stack>
      ),
    },
    { label: t('staff.columns.state'), card: 'status', cell: (p) => <Badge color={STATE_COLORS[p.state]} variant="light">{t(`states.${p.state}`)}</Badge> },
    { label: t('staff.columns.category'), cell: (p) => categoryLabel(categories.data?.items, p.categoryId) },
    { label: t('staff.columns.publishAt'), miw: 140, cell: (p) => (p.publishAt ? formatDateTime(p.publishAt) : '—') },
    {
      label: t('staff.columns.readShare'),
      miw: 140,
      cell: (p) =>
        p.readShare ? (
          <Text size="sm">
            {t('staff.readShare', {
              share: formatNumber(p.readShare.share, { style: 'percent', maximumFractionDigits: 0 }),
              readers: p.readShare.readers,
              size: p.readShare.audienceSize,
            })}
          </Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        actions={
          <>
            <Button component={Link} to="/actualites/gestion/nouvelle">
              {t('staff.new')}
            </Button>
            {user.role === 'admin' ? (
              <Button variant="default" component={Link} to="/actualites/gestion/categories">
                {t('categories.title')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <Select
            label={t('staff.columns.state')}
            placeholder={t('staff.allStates')}
            clearable
            data={NEWS_POST_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
            value={state ?? null}
            onChange={(v) => set({ state: v })}
            w={200}
          />
          <CategoryFilter value={values.category} onChange={(v) => set({ category: v })} w={260} />
        </Group>
        {posts.isPending ? (
          <TableSkeleton />
        ) : posts.isError ? (
          <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />
        ) : posts.data.items.length === 0 ? (
          <ListEmptyState filtered={active} filteredTitle={t('feed.emptyFiltered')} title={t('staff.empty')} />
        ) : (
          <>
            <DataTable
              columns={columns}
              rows={posts.data.items}
              rowKey={(p) => p.id}
              minWidth={760}
              caption={t('feed.count', { count: posts.data.total })}
              dimmed={posts.isPlaceholderData}
            />
            <ListPagination total={posts.data.total} pageSize={posts.data.pageSize} page={page} onChange={(p) => set({ page: p })} />
          </>
        )}
      </Stack>
    </>
  );
}
