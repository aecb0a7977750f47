import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChangeLanguage, useLogout } from '../features/accounts/signed-in';
import type { Me } from '../features/accounts/types';
import { LANGUAGES, type Language } from '../i18n';
import { useErrorMessage } from './States';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** Profile, preferences, language and log-out, behind the user's name in the header. */
export default function UserMenu({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const logout = useLogout();
  const changeLanguage = useChangeLanguage();
  const errorMessage = useErrorMessage();

  const onLanguage = (language: Language) => {
    changeLanguage(language).catch((error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) }));
  };

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu', { name: user.name })} style={{ display: 'flex', alignItems: 'center', gap: 8, borderRadius: 8, padding: 4 }}>
          <Avatar color="cevennes" radius="xl" size={36} aria-hidden="true">
            {initials(user.name)}
          </Avatar>
          <Text fw={600} visibleFrom="sm" size="sm" aria-hidden="true">
            {user.name}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/profil">
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/profil#preferences">
          {t('nav.preferences')}
        </Menu.Item>
        {user.role === 'partner' ? (
          <Menu.Item component={Link} to="/mon-etablissement">
            {t('nav.myEstablishment')}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Label>{t('shell.language')}</Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => onLanguage(language)}
            leftSection={<span aria-hidden="true" style={{ width: 12, display: 'inline-block' }}>{i18n.language === language ? '✓' : ''}</span>}
            aria-current={i18n.language === language ? 'true' : undefined}
          >
            {t(`language.${language}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          color="red.8"
          onClick={() =>
            logout.mutate(undefined, { onSettled: () => notifications.show({ message: t('auth.logout.done') }) })
          }
        >
          {t('auth.logout.action')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
