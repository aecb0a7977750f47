import { Anchor, AppShell, Burger, Center, Container, Group, Loader, Skeleton, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../features/accounts/signed-in';
import { isLanguage, setLanguage } from '../i18n';
import { Navigation } from './Navigation';
import classes from './Shell.module.css';
import { ErrorState } from './States';
import { LanguageToggle } from './LanguageToggle';

// Signed-in only (and it brings the floating-ui positioning code): kept out of the log-in page's bundle.
const UserMenu = lazy(() => import('./UserMenu'));

const NAV_ID = 'navigation-principale';

function Footer() {
  const { t } = useTranslation();
  return (
    <footer className={classes.footer}>
      <Container size="lg" py="md" px="md">
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t('shell.footer.office')}
          </Text>
          <Group gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            <li>
              <Anchor component={Link} to="/accessibilite" size="sm">
                {t('shell.footer.accessibility')}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' '}
                ({t('shell.footer.accessibilityStatus')})
              </Text>
            </li>
            <li>
              <Anchor component={Link} to="/donnees-personnelles" size="sm">
                {t('shell.footer.privacy')}
              </Anchor>
            </li>
          </Group>
        </Group>
      </Container>
    </footer>
  );
}

/**
 * Header, navigation (signed-in users, filtered by role), main content and
 * footer for every page. On phones the navigation folds behind a burger.
 */
export function ShellLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const { pathname, hash } = useLocation();
  const firstRender = useRef(true);

  // After each navigation: fold the phone menu, and move focus to the new
  // content so screen-reader and keyboard users start from the page, not the menu.
  // An address with an anchor (the user menu's /profil#preferences) is left to the
  // page, which moves to that section: its effect runs before this one.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (hash) return;
    document.getElementById('contenu')?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname, hash, close]);

  // The account's language wins over the one remembered on this device.
  const accountLanguage = me.data?.language;
  useEffect(() => {
    if (isLanguage(accountLanguage) && accountLanguage !== i18n.language) void setLanguage(accountLanguage);
  }, [accountLanguage, i18n]);

  if (me.isPending) {
    return (
      <Center mih="100dvh" role="status" aria-label={t('common.loading')}>
        <Loader />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Container size="sm" py="xl" component="main">
        <ErrorState error={me.error} title={t('errors.startFailed')} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  const user = me.data;
  const navHidden = Boolean(isPhone) && !opened;

  return (
    <>
      <a href="#contenu" className={classes.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={user ? { width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
        padding="md"
      >
        <AppShell.Header className={classes.header}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              {user ? (
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
                  aria-expanded={opened}
                  aria-controls={NAV_ID}
                />
              ) : null}
              <Link to="/" className={classes.brand}>
                {t('app.name')}
              </Link>
            </Group>
            {user ? (
              <Suspense fallback={<Skeleton circle height={36} />}>
                <UserMenu user={user} />
              </Suspense>
            ) : (
              <LanguageToggle />
            )}
          </Group>
        </AppShell.Header>
        {user ? (
          <AppShell.Navbar id={NAV_ID} aria-label={t('nav.label')} p="sm" inert={navHidden}>
            <Navigation role={user.role} onNavigate={close} />
          </AppShell.Navbar>
        ) : null}
        <AppShell.Main id="contenu" tabIndex={-1} className={classes.main} mih="calc(100dvh - 4.5rem)">
          <Container size="lg" px={0} pb="xl">
            <Outlet />
          </Container>
        </AppShell.Main>
        <Footer />
      </AppShell>
    </>
  );
}
