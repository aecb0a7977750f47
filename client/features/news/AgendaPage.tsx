import { Anchor, Button, Card, Group, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/States';
import { useListParams } from '../../components/useListParams';
import { dayjs, formatLocale, formatLongDate, TIME_ZONE } from '../../lib/format';
import { eventIcsUrl, useAgenda } from './api';
import { PostBadges } from './components';
import { dayOf, formatEventWhen, monthOf, placeText } from './format';
import { MonthGrid, upperFirst } from './MonthGrid';
import type { NewsAgendaItem } from './types';
import classes from './news.module.css';

/**
 * « Agenda du réseau »: the events of the posts the reader may see, upcoming
 * as a list per day (headings a screen reader can jump through, links in
 * reading order: nothing but Tab and Enter needed), or month by month as a
 * calendar grid (MonthGrid.tsx) — on a phone, where seven columns do not
 * fit, the month as a list per day.
 */
export default function AgendaPage() {
  const { t } = useTranslation('news');
  const { values, set } = useListParams(['view', 'month'] as const);
  const view = values.view === 'month' ? 'month' : 'upcoming';
  const month = /^\d{4}-\d{2}$/.test(values.month) ? values.month : monthOf(new Date());
  const agenda = useAgenda(view === 'month' ? { month } : { upcoming: true });
  const monthStart = dayjs.tz(`${month}-01 12:00`, TIME_ZONE).locale(formatLocale());
  const shift = (n: number) => set({ view: 'month', month: monthStart.add(n, 'month').format('YYYY-MM') });
  const monthName = monthStart.format('MMMM YYYY');
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  return (
    <>
      <PageHeader title={t('agenda.title')} description={t('agenda.description')} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('agenda.view')}
          w="fit-content"
          value={view}
          onChange={(v) => set({ view: v === 'month' ? 'month' : null, month: v === 'month' ? month : null })}
          data={[
            { value: 'upcoming', label: t('agenda.upcoming') },
            { value: 'month', label: t('agenda.month') },
          ]}
        />
        {view === 'month' ? (
          <Group gap="sm" wrap="nowrap" justify="space-between" maw={520}>
            <Button variant="default" onClick={() => shift(-1)} aria-label={t('agenda.previousMonth')}>
              <span aria-hidden="true">‹</span>
            </Button>
            <Title order={2} fz="h3" aria-live="polite" tt="capitalize">
              {monthName}
            </Title>
            <Button variant="default" onClick={() => shift(1)} aria-label={t('agenda.nextMonth')}>
              <span aria-hidden="true">›</span>
            </Button>
          </Group>
        ) : null}
        {agenda.isPending ? (
          <PageSkeleton />
        ) : agenda.isError ? (
          <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
        ) : view === 'month' && wide ? (
          <>
            {agenda.data.items.length === 0 ? <Text>{t('agenda.emptyMonth', { month: monthName })}</Text> : null}
            <MonthGrid key={month} month={month} items={agenda.data.items} today={dayOf(new Date())} />
          </>
        ) : agenda.data.items.length === 0 ? (
          <EmptyState title={view === 'month' ? t('agenda.emptyMonth', { month: monthName }) : t('agenda.empty')} />
        ) : (
          <Days items={agenda.data.items} headingLevel={view === 'month' ? 3 : 2} />
        )}
      </Stack>
    </>
  );
}

/** Events grouped by the day they start (Paris time), in order. */
function Days({ items, headingLevel }: { items: NewsAgendaItem[]; headingLevel: 2 | 3 }) {
  const days = new Map<string, NewsAgendaItem[]>();
  for (const item of items) {
    const key = dayOf(item.start);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return (
    <Stack gap="lg" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
      {[...days].map(([day, events]) => (
        <li key={day} className={classes.day}>
          <Title order={headingLevel} fz="h4" mb="xs">
            {upperFirst(formatLongDate(`${day}T12:00:00`))}
          </Title>
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {events.map((item) => (
              <li key={item.postId}>
                <AgendaEvent item={item} />
              </li>
            ))}
          </Stack>
        </li>
      ))}
    </Stack>
  );
}

function AgendaEvent({ item }: { item: NewsAgendaItem }) {
  const { t } = useTranslation('news');
  return (
    <Card withBorder radius="md" padding="sm" component="article">
      <Stack gap={4}>
        <PostBadges post={item} />
        <Text fw={700}>
          <Anchor component={Link} to={`/actualites/${item.postId}`} inherit>
            {item.title}
          </Anchor>
        </Text>
        <Text size="sm">{formatEventWhen(item.start, item.end)}</Text>
        {item.place ? (
          <Text size="sm" c="dimmed">
            {item.place.kind === 'online' ? t('event.online') : placeText(item.place)}
          </Text>
        ) : null}
        <Anchor href={item.icsUrl || eventIcsUrl(item.postId)} download size="sm">
          {t('event.addToCalendar')}
          <VisuallyHidden>{` — ${item.title}`}</VisuallyHidden>
        </Anchor>
      </Stack>
    </Card>
  );
}
