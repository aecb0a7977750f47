import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterCheckbox } from '../../components/FilterPanel';
import { ListPagination } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSkeleton, useErrorMessage } from '../../components/States';
import { useDebouncedSearch } from '../../components/useDebouncedSearch';
import { useListParams } from '../../components/useListParams';
import { formatDate } from '../../lib/format';
import { useCategories, useFeed, useReadAll, useSearch } from './api';
import { CategoryFilter, PostCard, Snippet } from './components';
import { categoryLabel } from './format';
import { NEWS_LIMITS, type NewsSearchHit } from './types';

/** « Actualités »: the reader's feed (pinned first, unread marked), filtered by category, or a full-text search. */
export default function FeedPage() {
  const { t } = useTranslation('news');
  const { values, page, set } = useListParams(['q', 'category', 'unread'] as const);
  const [text, setText] = useDebouncedSearch(values.q, (q) => set({ q }));
  const searching = values.q.trim() !== '';
  const feed = useFeed({ categoryId: values.category || undefined, unreadOnly: values.unread === '1', page, pageSize: NEWS_LIMITS.pageSize });
  const readAll = useReadAll();
  const errorMessage = useErrorMessage();
  const unreadCount = feed.data?.unreadCount ?? 0;

  const markAll = () =>
    readAll.mutate(values.category || undefined, {
      onSuccess: ({ marked }) => notifications.show({ color: 'cevennes', message: t('feed.markedRead', { count: marked }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });

  return (
    <>
      <PageHeader
        title={t('feed.title')}
        description={feed.data ? t('feed.unreadCount', { count: unreadCount }) : undefined}
        actions={
          <>
            <Button variant="default" onClick={markAll} loading={readAll.isPending} disabled={unreadCount === 0}>
              {t('feed.markAllRead')}
            </Button>
            <Button variant="subtle" component={Link} to="/agenda">
              {t('agenda.title')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('feed.filters')}>
          <TextInput
            type="search"
            label={t('feed.search')}
            description={t('feed.searchHelp')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: '2 1 16rem' }}
          />
          {!searching ? (
            <>
              <CategoryFilter value={values.category} onChange={(v) => set({ category: v })} style={{ flex: '1 1 12rem' }} />
              <FilterCheckbox label={t('feed.unreadOnly')} value={values.unread} onChange={(v) => set({ unread: v })} mb={8} />
            </>
          ) : null}
        </Group>
        {searching ? (
          <SearchResults q={values.q} page={page} onPage={(p) => set({ page: p })} />
        ) : feed.isPending ? (
          <PageSkeleton />
        ) : feed.isError ? (
          <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
        ) : feed.data.items.length === 0 ? (
          <EmptyState title={values.category || values.unread ? t('feed.emptyFiltered') : t('feed.empty')} />
        ) : (
          <>
            <Text size="sm" role="status">
              {t('feed.count', { count: feed.data.total })}
            </Text>
            <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none', opacity: feed.isPlaceholderData ? 0.6 : 1 }}>
              {feed.data.items.map((post) => (
                <li key={post.id}>
                  <PostCard post={post} />
                </li>
              ))}
            </Stack>
            <ListPagination total={feed.data.total} pageSize={feed.data.pageSize} page={page} onChange={(p) => set({ page: p })} />
          </>
        )}
      </Stack>
    </>
  );
}

function SearchResults({ q, page, onPage }: { q: string; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation('news');
  const search = useSearch(q, page);
  if (search.isPending) return <PageSkeleton />;
  if (search.isError) return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  const { items, total, pageSize, accentInsensitiveSearch } = search.data;
  return (
    <Stack gap="sm">
      {!accentInsensitiveSearch ? (
        <Alert color="ochre" variant="light">
          {t('search.accentSensitive')}
        </Alert>
      ) : null}
      <Text size="sm" role="status">
        {t('search.count', { count: total, q })}
      </Text>
      {items.length === 0 ? <EmptyState title={t('search.empty')} description={t('search.emptyHelp')} /> : null}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((hit) => (
          <li key={`${hit.kind}-${hit.id}`}>
            <SearchHit hit={hit} />
          </li>
        ))}
      </Stack>
      <ListPagination total={total} pageSize={pageSize} page={page} onChange={onPage} />
    </Stack>
  );
}

function SearchHit({ hit }: { hit: NewsSearchHit }) {
  const { t } = useTranslation('news');
  const categories = useCategories();
  // Experience sheets are the participation feature's pages (news-participation).
  const to = hit.kind === 'post' ? `/actualites/${hit.id}` : `/retours-experience/${hit.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="article">
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {hit.kind === 'post' ? categoryLabel(categories.data?.items, hit.categoryId) : t('search.sheet', { name: hit.establishmentName ?? '' })}
          {hit.publishedAt ? ` · ${formatDate(hit.publishedAt)}` : ''}
        </Text>
        <Title order={2} fz="h5">
          <Anchor component={Link} to={to} inherit>
            {hit.title}
          </Anchor>
        </Title>
        {hit.snippet.length > 0 ? <Snippet snippet={hit.snippet} /> : <Text size="sm">{hit.summary}</Text>}
      </Stack>
    </Card>
  );
}
