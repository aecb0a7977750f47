import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageBreadcrumbs, type Crumb } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import type { QueryLike } from '../../components/QueryState';
import { ErrorState, PageSkeleton } from '../../components/States';
import { TrainingsNav } from './components';
import { formatWhen } from './format';
import type { SessionDetail } from './types';

interface SessionFrameProps {
  query: QueryLike<SessionDetail>;
  parent: Crumb;
  /** The header's buttons, which differ between the two views. */
  actions?: (session: SessionDetail) => ReactNode;
  children: (session: SessionDetail) => ReactNode;
}

/**
 * The frame of a session's page (partner and staff views alike): sub-navigation, breadcrumbs,
 * loading and failure, then the session's title and dates, and its cancellation when cancelled.
 */
export function SessionFrame({ query, parent, actions, children }: SessionFrameProps) {
  const { t } = useTranslation('trainings');
  const session = query.data;
  return (
    <>
      <TrainingsNav />
      <PageBreadcrumbs links={[parent]} current={session?.title ?? t('session.title')} />
      {query.isPending ? <PageSkeleton lines={8} /> : null}
      {query.isError ? (
        <>
          <PageHeader title={t('session.title')} />
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        </>
      ) : null}
      {session ? (
        <>
          <PageHeader title={session.title} description={formatWhen(session.startsAt, session.endsAt)} actions={actions?.(session)} />
          {session.status === 'cancelled' ? (
            <Alert color="red" variant="light" title={t('session.cancelledTitle')} mb="md" role="status">
              {session.cancelReason ?? t('session.cancelledNoReason')}
            </Alert>
          ) : null}
          {children(session)}
        </>
      ) : null}
    </>
  );
}
