import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { setSignedOut } from './features/accounts/signed-in';
import i18n from './i18n';
import { onLoginExpired } from './lib/api';
import { cssVariablesResolver, theme } from './theme';

/**
 * Theme, server state and translations around the router. A log-in that
 * cannot be refreshed clears the signed-in user; the route guard then sends
 * the user to the log-in page with ?next= pointing back here. Component
 * tests pass env="test" (no transitions, so menus open at once).
 */
export function AppProviders({ queryClient, children, env = 'default' }: { queryClient: QueryClient; children: ReactNode; env?: 'default' | 'test' }) {
  const { t, i18n: { language } } = useTranslation();
  // Notifications' close button is an icon: it needs a name in the current language (axe button-name).
  const localizedTheme = useMemo(
    () => mergeThemeOverrides(theme, { components: { Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } } } }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the label follows the language
    [language],
  );
  useEffect(() => {
    onLoginExpired(() => {
      if (!queryClient.getQueryData(['me'])) return;
      setSignedOut(queryClient);
      notifications.show({ id: 'session-expired', color: 'ochre', message: i18n.t('auth.sessionExpired') });
    });
  }, [queryClient]);

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={localizedTheme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        {/* Bottom right: toasts never cover the header and its user menu. */}
        <Notifications position="bottom-right" limit={4} />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
