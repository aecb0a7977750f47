import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeTile, TileList } from '../../components/HomeTile';
import { formatDate } from '../../lib/format';
import { useFeed } from './api';

/** Accueil: the latest posts the reader has not opened yet. */
export default function NewsHomeTile() {
  const { t } = useTranslation('news');
  const feed = useFeed({ unreadOnly: true, pageSize: 4 });
  return (
    <HomeTile title={t('home.title')} badge={feed.data && feed.data.unreadCount > 0 ? <UnreadCount count={feed.data.unreadCount} /> : null}>
      <TileList
        query={feed}
        empty={t('home.empty')}
        links={[
          { to: '/actualites', label: t('home.all') },
          { to: '/agenda', label: t('agenda.title') },
        ]}
      >
        {(post) => (
          <>
            <Anchor component={Link} to={`/actualites/${post.id}`} fw={700} size="sm">
              {post.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {[post.pinned ? t('feed.pinned') : null, post.important ? t('feed.important') : null, post.publishAt ? formatDate(post.publishAt) : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </>
        )}
      </TileList>
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
