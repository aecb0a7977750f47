import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormPanel } from '../../components/FormPanel';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton } from '../../components/States';
import { useFormPageSave } from '../../components/useSaveHandler';
import { useTerritory } from '../accounts/api';
import { useSaveSession, useSession, useTraining } from './api';
import { TrainingsNav } from './components';
import { formatWhen } from './format';
import { SessionForm } from './SessionForm';

/**
 * Staff: /formations/gestion/catalogue/:trainingId/nouvelle-session schedules a
 * session of a training; /formations/gestion/sessions/:id/modifier edits one.
 */
export default function SessionEditPage() {
  const { t } = useTranslation('trainings');
  const { id, trainingId } = useParams();
  const session = useSession(id);
  const training = useTraining(id ? undefined : trainingId);
  const territory = useTerritory();
  const save = useSaveSession({ sessionId: id, trainingId });
  const backTo = id ? `/formations/gestion/sessions/${id}` : `/formations/gestion/catalogue/${trainingId}`;
  const formSave = useFormPageSave(save, {
    creating: !id,
    savedMessage: () => (id ? t('sessionForm.saved') : t('sessionForm.created')),
    next: (saved) => `/formations/gestion/sessions/${saved.id}`,
    cancelTo: backTo,
  });
  const trainingData = session.data?.training ?? training.data;
  const title = id ? t('sessionForm.editTitle') : t('sessionForm.newTitle');
  const loading = (id ? session.isPending : training.isPending) || territory.isPending;
  const error = session.error ?? training.error ?? territory.error;

  return (
    <>
      <TrainingsNav />
      <PageBreadcrumbs
        // A new session is made from the catalogue (its address and highlighted tab say so), an edited one from the sessions.
        links={[
          id ? { to: '/formations/gestion', label: t('staff.title') } : { to: '/formations/gestion/catalogue', label: t('catalogue.title') },
          ...(trainingData && !id ? [{ to: `/formations/gestion/catalogue/${trainingData.id}`, label: trainingData.title }] : []),
          ...(id && session.data
            ? [{ to: `/formations/gestion/sessions/${id}`, label: `${session.data.title} — ${formatWhen(session.data.startsAt, session.data.endsAt)}` }]
            : []),
        ]}
        current={title}
      />
      <PageHeader title={title} description={trainingData?.title} />
      {loading ? <PageSkeleton lines={10} /> : null}
      {error ? <ErrorState error={error} /> : null}
      {session.data?.status === 'cancelled' ? (
        <Alert color="red" variant="light" role="status">
          {t('sessionForm.cancelledLocked')}
        </Alert>
      ) : null}
      {territory.data && trainingData && session.data?.status !== 'cancelled' ? (
        <FormPanel maw={900}>
          <SessionForm key={session.data?.updatedAt ?? 'new'} territory={territory.data} session={session.data} durationMinutes={trainingData.durationMinutes} {...formSave} />
        </FormPanel>
      ) : null}
    </>
  );
}
