import { Alert, Anchor, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton, useErrorMessage } from '../../components/States';
import { useTerritory } from '../accounts/api';
import { useSaveSession, useSession, useTraining } from './api';
import { TrainingsBreadcrumbs, TrainingsNav } from './components';
import { formatWhen } from './format';
import { SessionForm } from './SessionForm';

/**
 * Staff: /formations/gestion/catalogue/:trainingId/nouvelle-session schedules a
 * session of a training; /formations/gestion/sessions/:id/modifier edits one.
 */
export default function SessionEditPage() {
  const { t } = useTranslation();
  const { id, trainingId } = useParams();
  const navigate = useNavigate();
  const session = useSession(id);
  const training = useTraining(id ? undefined : trainingId);
  const territory = useTerritory();
  const save = useSaveSession({ sessionId: id, trainingId });
  const errorMessage = useErrorMessage();
  const trainingData = session.data?.training ?? training.data;
  const title = id
    ? t('trainings.sessionForm.editTitle')
    : t('trainings.sessionForm.newTitle');
  const loading = (id ? session.isPending : training.isPending) || territory.isPending;
  const error = session.error ?? training.error ?? territory.error;
  const backTo = id ? `/formations/gestion/sessions/${id}` : `/formations/gestion/catalogue/${trainingId}`;

  return (
    <>
      <TrainingsNav />
      <TrainingsBreadcrumbs>
        <Anchor component={Link} to="/formations/gestion" size="sm">
          {t('trainings.staff.title')}
        </Anchor>
        {trainingData && !id ? (
          <Anchor component={Link} to={`/formations/gestion/catalogue/${trainingData.id}`} size="sm">
            {trainingData.title}
          </Anchor>
        ) : null}
        {id && session.data ? (
          <Anchor component={Link} to={`/formations/gestion/sessions/${id}`} size="sm">
            {session.data.title} — {formatWhen(session.data.startsAt, session.data.endsAt)}
          </Anchor>
        ) : null}
        <span aria-current="page">{title}</span>
      </TrainingsBreadcrumbs>
      <PageHeader title={title} description={trainingData?.title} />
      {loading ? <PageSkeleton lines={10} /> : null}
      {error ? <ErrorState error={error} /> : null}
      {session.data?.status === 'cancelled' ? (
        <Alert color="red" variant="light" role="status">
          {t('trainings.sessionForm.cancelledLocked')}
        </Alert>
      ) : null}
      {territory.data && trainingData && session.data?.status !== 'cancelled' ? (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={900}>
          <SessionForm
            key={session.data?.updatedAt ?? 'new'}
            territory={territory.data}
            session={session.data}
            durationMinutes={trainingData.durationMinutes}
            saving={save.isPending}
            onCancel={() => void navigate(backTo)}
            onSubmit={async (body) => {
              try {
                const saved = await save.mutateAsync(body);
                notifications.show({ color: 'cevennes', message: id ? t('trainings.sessionForm.saved') : t('trainings.sessionForm.created') });
                await navigate(`/formations/gestion/sessions/${saved.id}`, { replace: !id });
              } catch (err) {
                notifications.show({ color: 'red', message: errorMessage(err) });
                throw err;
              }
            }}
          />
        </Paper>
      ) : null}
    </>
  );
}
