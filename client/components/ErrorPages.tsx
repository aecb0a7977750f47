import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageHeader } from './PageHeader';
import { EmptyState } from './States';

/** A page that cannot be shown: its title, why, and the way back home. */
function DeadEndPage({ page }: { page: 'pageNotFound' | 'forbiddenPage' }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`errors.${page}.title`)} />
      <EmptyState
        title={t(`errors.${page}.description`)}
        action={
          <Button component={Link} to="/">
            {t('errors.backHome')}
          </Button>
        }
      />
    </>
  );
}

export const NotFoundPage = () => <DeadEndPage page="pageNotFound" />;
export const ForbiddenPage = () => <DeadEndPage page="forbiddenPage" />;

/**
 * Shown when a page crashes or its code cannot be loaded (typically after a
 * new version was deployed while the tab stayed open): reloading fixes it.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Stack maw={640}>
      <PageHeader title={t('errors.crash.title')} description={t('errors.crash.description')} />
      <Button onClick={() => window.location.reload()} w="fit-content">
        {t('errors.crash.reload')}
      </Button>
    </Stack>
  );
}

/** When the shell itself fails: the same message in a bare page. */
export function RootErrorPage() {
  return (
    <Stack p="xl" maw={700} mx="auto" component="main">
      <RouteErrorPage />
    </Stack>
  );
}
