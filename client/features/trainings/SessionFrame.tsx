import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageBreadcrumbs, type Crumb } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import type { QueryLike } from '../../components/QueryState';
import { ErrorState, PageSkeleton } from '../../components/States';
import { TrainingsNav } from './components';
import type { SessionDetail } from './types';

/** The frame of a session's page (partner and staff views alike): sub-navigation, breadcrumbs, loading and failure. */
export function SessionFrame({ query, parent, children }: { query: QueryLike<SessionDetail>; parent: Crumb; children: (session: SessionDetail) => ReactNode }) {
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
      {session ? children(session) : null}
    </>
  );
}
