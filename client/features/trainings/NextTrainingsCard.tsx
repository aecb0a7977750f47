import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeTile, TileList } from '../../components/HomeTile';
import { useMyNextSessions } from './api';
import { MyRegistrationBadge } from './components';
import { formatWhen, placeLabel } from './format';

/** Accueil: the user's next sessions (confirmed or offered), soonest first. */
export default function NextTrainingsCard() {
  const { t } = useTranslation('trainings');
  const next = useMyNextSessions(3);
  return (
    <HomeTile title={t('home.title')}>
      <TileList
        query={next}
        empty={t('home.empty')}
        links={[
          { to: '/formations', label: t('home.browse') },
          { to: '/formations/mes-formations', label: t('nav.mine') },
        ]}
      >
        {(s) => (
          <>
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
          </>
        )}
      </TileList>
    </HomeTile>
  );
}
