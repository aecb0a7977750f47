import { Anchor, Badge, Button, Card, Group, Image, List, Select, Stack, Text, Title, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RichTextHtml } from '../../components/RichTextHtml';
import { formatDate } from '../../lib/format';
import { formatBytes } from '../documents/format';
import { eventIcsUrl, useCategories } from './api';
import { categoryLabel, formatEventWhen, placeText } from './format';
import type { NewsEvent, NewsPostDetail, NewsPostListItem, NewsSnippet } from './types';
import classes from './news.module.css';

/**
 * « Non lu »: a word (not a colour alone), read by screen readers with the
 * title it follows, plus a dot for the eye.
 */
export function UnreadMark() {
  const { t } = useTranslation('news');
  return (
    <Badge variant="filled" color="ochre.9" size="sm" leftSection={<span aria-hidden="true" className={classes.dot} />}>
      {t('feed.unread')}
    </Badge>
  );
}

/** Category, pinned, important and unread marks of a post, in words (the agenda's events have no pinned or important mark). */
export function PostBadges({ post }: { post: Pick<NewsPostListItem, 'categoryId' | 'unread'> & Partial<Pick<NewsPostListItem, 'pinned' | 'important'>> }) {
  const { t } = useTranslation('news');
  const categories = useCategories();
  return (
    <Group gap={6} wrap="wrap">
      {post.unread ? <UnreadMark /> : null}
      {post.pinned ? (
        <Badge variant="light" color="cevennes" size="sm">
          {t('feed.pinned')}
        </Badge>
      ) : null}
      {post.important ? (
        <Badge variant="filled" color="red.9" size="sm">
          {t('feed.important')}
        </Badge>
      ) : null}
      <Badge variant="outline" color="stone" size="sm">
        {categoryLabel(categories.data?.items, post.categoryId)}
      </Badge>
    </Group>
  );
}

/**
 * A search hit's highlighted passage: the server sends plain segments, the
 * matched ones flagged; each is a text node (never HTML), the matches in <mark>.
 */
export function Snippet({ snippet }: { snippet: NewsSnippet }) {
  return (
    <Text size="sm" className={classes.snippet}>
      {snippet.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </Text>
  );
}

/** One post of the feed: title (bold while unread), marks, summary, date, event. */
export function PostCard({ post }: { post: NewsPostListItem }) {
  const { t } = useTranslation('news');
  return (
    <Card withBorder radius="md" padding="md" component="article" className={post.unread ? classes.unreadCard : undefined} aria-labelledby={`post-${post.id}`}>
      <Stack gap={6}>
        <PostBadges post={post} />
        <Title order={2} fz="h4" id={`post-${post.id}`} fw={post.unread ? 800 : 600}>
          <Anchor component={Link} to={`/actualites/${post.id}`} inherit className={classes.titleLink}>
            {post.title}
          </Anchor>
        </Title>
        {post.summary ? <Text size="sm">{post.summary}</Text> : null}
        <Group gap="md" wrap="wrap">
          {post.publishAt ? (
            <Text size="xs" c="dimmed">
              {t('post.publishedOn', { date: formatDate(post.publishAt) })}
            </Text>
          ) : null}
          {post.event ? (
            <Text size="xs" c="dimmed">
              {t('post.eventOn', { when: formatEventWhen(post.event.start, post.event.end) })}
            </Text>
          ) : null}
          {post.commentCount > 0 ? (
            <Text size="xs" c="dimmed">
              {t('post.comments', { count: post.commentCount })}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** The event of a post: when, where (office, address with its map link, or online link), and its .ics. */
export function EventBlock({ postId, event, withIcs = true }: { postId: string; event: NewsEvent; withIcs?: boolean }) {
  const { t } = useTranslation('news');
  const place = event.place;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="event-title" className={classes.event}>
      <Stack gap={6}>
        <Title order={2} fz="h4" id="event-title">
          {t('event.title')}
        </Title>
        <Text>
          <Text span fw={600}>
            {t('event.when')}
          </Text>{' '}
          {formatEventWhen(event.start, event.end)}
        </Text>
        {place ? (
          <Text>
            <Text span fw={600}>
              {t('event.where')}
            </Text>{' '}
            {place.kind === 'online' ? t('event.online') : placeText(place)}
          </Text>
        ) : null}
        <Group gap="md" wrap="wrap">
          {place?.kind === 'online' && place.onlineUrl ? (
            <Anchor href={place.onlineUrl} target="_blank" rel="noopener noreferrer">
              {t('event.join')}
            </Anchor>
          ) : null}
          {place?.mapUrl ? (
            <Anchor href={place.mapUrl} target="_blank" rel="noopener noreferrer">
              {t('event.map')}
            </Anchor>
          ) : null}
        </Group>
        {withIcs ? (
          <Button component="a" href={eventIcsUrl(postId)} download variant="light" w="fit-content">
            {t('event.addToCalendar')}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A post as its reader sees it: cover, marks, dates, body, attachments, event (the post page and the staff's preview). */
export function PostView({ post, preview = false }: { post: NewsPostDetail; preview?: boolean }) {
  const { t } = useTranslation('news');
  return (
    <Stack gap="md">
      <PostBadges post={post} />
      <Group gap="md" wrap="wrap">
        {post.publishAt ? <Text size="sm" c="dimmed">{t('post.publishedOn', { date: formatDate(post.publishAt) })}</Text> : null}
        {post.updatedAt && post.publishAt && post.updatedAt > post.publishAt ? (
          <Text size="sm" c="dimmed">{t('post.updatedOn', { date: formatDate(post.updatedAt) })}</Text>
        ) : null}
        {post.author ? <Text size="sm" c="dimmed">{t('post.by', { name: post.author.name })}</Text> : null}
      </Group>
      {post.cover ? (
        <Image src={post.cover.url} alt={post.cover.alt} radius="md" w="100%" maw={900} h="auto" fit="cover" className={classes.cover} />
      ) : null}
      {post.summary ? (
        <Text fz="lg" fw={500}>
          {post.summary}
        </Text>
      ) : null}
      <RichTextHtml html={post.bodyHtml} />
      {post.event ? <EventBlock postId={post.id} event={post.event} withIcs={!preview} /> : null}
      {post.attachments.length > 0 ? (
        <Stack gap="xs" component="section" aria-labelledby="attachments-title">
          <Title order={2} fz="h4" id="attachments-title">
            {t('post.attachments')}
          </Title>
          <List spacing={4}>
            {post.attachments.map((a) => (
              <List.Item key={a.documentId}>
                {a.downloadUrl ? <Anchor href={a.downloadUrl}>{a.title}</Anchor> : <Text span>{a.title}</Text>}
                {a.size != null ? (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    ({formatBytes(a.size)})
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The category filter of the lists (feed, staff list): « Toutes les catégories » when cleared. */
export function CategoryFilter({ value, onChange, ...props }: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (id: string | null) => void }) {
  const { t } = useTranslation('news');
  const categories = useCategories();
  const items = categories.data?.items;
  return (
    <Select
      label={t('feed.category')}
      placeholder={t('feed.allCategories')}
      clearable
      data={(items ?? []).map((c) => ({ value: c.id, label: categoryLabel(items, c.id) }))}
      value={value || null}
      onChange={onChange}
      {...props}
    />
  );
}
