import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../features/accounts/types';
import type { NavEntry } from '../features/feature';
import { navItemsFor } from './navigation';

/** How precisely the entry matches the page: the length of its matching path, 0 for none. */
function precision(item: NavEntry, pathname: string): number {
  const under = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
  return Math.max(0, ...[item.to, ...(item.covers ?? [])].filter(under).map((to) => to.length));
}

/** The one entry of the page: the most precise that matches (« Actualités du réseau » on /actualites/gestion, not « Actualités » too). */
function currentEntry(items: readonly NavEntry[], pathname: string): NavEntry | undefined {
  return items
    .map((item) => ({ item, score: precision(item, pathname) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score)[0]?.item;
}

/** The sections a role may open; the current one is marked with aria-current. */
export function Navigation({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = navItemsFor(role);
  const main = items.filter((i) => i.group === 'main');
  const manage = items.filter((i) => i.group === 'manage');
  const current = currentEntry(items, pathname);

  const render = (item: NavEntry) => {
    const active = item === current;
    return (
      <li key={item.to}>
        <NavLink
          component={Link}
          to={item.to}
          reloadDocument={item.external}
          label={t(item.label)}
          active={active}
          aria-current={active ? 'page' : undefined}
          onClick={onNavigate}
          variant="filled"
        />
      </li>
    );
  };

  return (
    <Stack gap="xs">
      <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
        {main.map(render)}
      </Stack>
      {manage.length > 0 ? (
        <>
          <Divider my="xs" />
          <Text id="nav-manage" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm">
            {t('nav.manage')}
          </Text>
          <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="nav-manage">
            {manage.map(render)}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
