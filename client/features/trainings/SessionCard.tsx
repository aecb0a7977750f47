import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { MyRegistrationBadge, PlaceText, SeatsBadge, SessionStatusBadge, ThemeBadge } from './components';
import { formatWhen } from './format';
import type { SessionListItem } from './types';

/** One upcoming session in the partner list: when, where, seats left, and the user's own status. */
export function SessionCard({ session, headingLevel = 2 }: { session: SessionListItem; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('trainings');
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={`session-${session.id}`}>
      <Stack gap="xs" h="100%">
        <Group gap={6} justify="space-between" wrap="wrap">
          <ThemeBadge theme={session.theme} />
          {session.status !== 'open' ? <SessionStatusBadge status={session.status} /> : null}
        </Group>
        <Title order={headingLevel} fz="h4" id={`session-${session.id}`}>
          <Anchor component={Link} to={`/formations/sessions/${session.id}`} c="inherit" underline="hover">
            {session.title}
          </Anchor>
        </Title>
        <Text fw={600} size="sm">
          {formatWhen(session.startsAt, session.endsAt)}
          {session.slotCount > 1 ? ` · ${t('session.slotCount', { count: session.slotCount })}` : ''}
        </Text>
        <Text size="sm" component="div">
          <PlaceText place={session.place} withLinks={false} />
        </Text>
        <Text size="sm" c="dimmed" lineClamp={3}>
          {session.summary}
        </Text>
        <Group gap="xs" mt="auto" pt="xs">
          {session.status === 'open' ? <SeatsBadge seatsLeft={session.seatsLeft} waitingCount={session.waitingCount} /> : null}
          <MyRegistrationBadge registration={session.myRegistration} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('session.capacity', { count: session.capacity, formatted: formatNumber(session.capacity) })}
        </Text>
      </Stack>
    </Card>
  );
}
