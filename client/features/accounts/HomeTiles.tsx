import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isStaff } from '../../../common/roles';
import { HomeTile } from '../../components/HomeTile';
import { useUser } from './signed-in';

/** Home page tiles: the partner's establishment or the office, and for staff the network's management pages. */
export default function AccountsHomeTiles() {
  const { t } = useTranslation('accounts');
  const user = useUser();
  const office = isStaff(user);

  return (
    <>
      {user.role === 'partner' ? (
        <HomeTile title={t('home.establishment.title')}>
          <Text fw={600}>{user.establishment?.name ?? t('home.establishment.none')}</Text>
          <Text size="sm" c="dimmed">
            {t('home.establishment.description')}
          </Text>
          <Anchor component={Link} to="/mon-etablissement">
            {t('home.establishment.link')}
          </Anchor>
        </HomeTile>
      ) : (
        <HomeTile title={t('home.office.title')}>
          <Text fw={600}>{user.office?.name ?? t('home.office.none')}</Text>
          <Text size="sm" c="dimmed">
            {t(`roles.${user.role}`)}
          </Text>
        </HomeTile>
      )}
      {office ? (
        <HomeTile title={t('home.manage.title')}>
          <Text size="sm" c="dimmed">
            {t('home.manage.description')}
          </Text>
          <Stack gap={4} component="ul" m={0} pl="md">
            <li>
              <Anchor component={Link} to="/etablissements">{t('nav.establishments')}</Anchor>
            </li>
            <li>
              <Anchor component={Link} to="/utilisateurs">{t('nav.users')}</Anchor>
            </li>
            <li>
              <Anchor component={Link} to="/utilisateurs/inviter">{t('users.invite.title')}</Anchor>
            </li>
            {user.role === 'admin' ? (
              <li>
                <Anchor component={Link} to="/boite-d-envoi">{t('nav.outbox')}</Anchor>
              </li>
            ) : null}
          </Stack>
        </HomeTile>
      ) : null}
    </>
  );
}
