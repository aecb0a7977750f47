import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeTile } from '../../components/HomeTile';
import { ErrorState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { useFeed } from './api';

/** Accueil: the latest posts the reader has not opened yet. */
export default function NewsHomeTile() {
  const { t } = useTranslation('news');
  const feed = useFeed({ unreadOnly: true, pageSize: 4 });
  const items = feed.data?.items ?? [];
  return (
    <HomeTile title={t('home.title')} badge={feed.data && feed.data.unreadCount > 0 ? <UnreadCount count={feed.data.unreadCount} /> : null}>
      {feed.isPending ? (
        <Stack gap={6} role="status" aria-label={t('common.loading')}>
          <Skeleton height={16} width="80%" />
          <Skeleton height={16} width="60%" />
        </Stack>
      ) : null}
      {feed.isError ? <ErrorState error={feed.error} onRetry={() => void feed.refetch()} /> : null}
      {feed.data && items.length === 0 ? <Text size="sm">{t('home.empty')}</Text> : null}
      {items.length > 0 ? (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((post) => (
            <li key={post.id}>
              <Anchor component={Link} to={`/actualites/${post.id}`} fw={700} size="sm">
                {post.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[post.pinned ? t('feed.pinned') : null, post.important ? t('feed.important') : null, post.publishAt ? formatDate(post.publishAt) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </li>
          ))}
        </Stack>
      ) : null}
      <Group gap="md">
        <Anchor component={Link} to="/actualites" size="sm">
          {t('home.all')}
        </Anchor>
        <Anchor component={Link} to="/agenda" size="sm">
          {t('agenda.title')}
        </Anchor>
      </Group>
    </HomeTile>
  );
}

function UnreadCount({ count }: { count: number }) {
  const { t } = useTranslation('news');
  return (
    <Badge variant="filled" color="ochre.9">
      {t('home.unread', { count })}
    </Badge>
  );
}
