import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/States';
import { useMyNextSessions } from './api';
import { MyRegistrationBadge } from './components';
import { formatWhen, placeLabel } from './format';

/** Accueil: the user's next sessions (confirmed or offered), soonest first. */
export default function NextTrainingsCard() {
  const { t } = useTranslation('trainings');
  const next = useMyNextSessions(3);
  const items = next.data?.items ?? [];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="next-trainings-title">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="next-trainings-title">
          {t('home.title')}
        </Title>
        {next.isPending ? (
          <Stack gap={6} role="status" aria-label={t('common.loading')}>
            <Skeleton height={16} width="80%" />
            <Skeleton height={16} width="60%" />
          </Stack>
        ) : null}
        {next.isError ? <ErrorState error={next.error} onRetry={() => void next.refetch()} /> : null}
        {next.data && items.length === 0 ? <Text size="sm">{t('home.empty')}</Text> : null}
        {items.length > 0 ? (
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {items.map((s) => (
              <li key={s.id}>
                <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={`/formations/sessions/${s.id}`} fw={600} size="sm">
                    {s.title}
                  </Anchor>
                  <MyRegistrationBadge registration={s.myRegistration} />
                </Group>
                <Text size="sm">{formatWhen(s.startsAt, s.endsAt)}</Text>
                <Text size="xs" c="dimmed">
                  {placeLabel(t, s.place)}
                </Text>
              </li>
            ))}
          </Stack>
        ) : null}
        <Group gap="md">
          <Anchor component={Link} to="/formations" size="sm">
            {t('home.browse')}
          </Anchor>
          <Anchor component={Link} to="/formations/mes-formations" size="sm">
            {t('nav.mine')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
