import { Anchor, Button, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSkeleton, TableSkeleton, useErrorMessage } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { useTerritory } from '../accounts/api';
import { useSaveTraining, useStaffSessions, useTraining } from './api';
import { TrainingsBreadcrumbs, TrainingsNav } from './components';
import { StaffSessionsTable } from './StaffSessionsTable';
import { TrainingForm } from './TrainingForm';

function TrainingSessions({ trainingId, archived }: { trainingId: string; archived: boolean }) {
  const { t } = useTranslation();
  const sessions = useStaffSessions({ trainingId, pageSize: 50 });
  const data = sessions.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="training-sessions" mt="xl">
      <Title order={2} fz="h3" id="training-sessions">
        {t('trainings.catalogue.sessionsTitle')}
      </Title>
      {!archived ? (
        <Button component={Link} to={`/formations/gestion/catalogue/${trainingId}/nouvelle-session`} w="fit-content">
          {t('trainings.catalogue.newSession')}
        </Button>
      ) : null}
      {sessions.isPending ? <TableSkeleton rows={3} /> : null}
      {sessions.isError ? <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} /> : null}
      {data && data.items.length === 0 ? <EmptyState title={t('trainings.catalogue.noSessions')} /> : null}
      {data && data.items.length > 0 ? (
        <StaffSessionsTable
          items={data.items}
          showTitle={false}
          caption={t('trainings.staff.count', { count: data.total, formatted: formatNumber(data.total) })}
        />
      ) : null}
    </Stack>
  );
}

/** Staff: /formations/gestion/catalogue/nouvelle creates a training, /formations/gestion/catalogue/:id edits it. */
export default function TrainingEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const training = useTraining(id);
  const territory = useTerritory();
  const save = useSaveTraining(id);
  const errorMessage = useErrorMessage();
  const title = id ? (training.data?.title ?? t('trainings.catalogue.edit')) : t('trainings.catalogue.new');

  return (
    <>
      <TrainingsNav />
      <TrainingsBreadcrumbs>
        <Anchor component={Link} to="/formations/gestion/catalogue" size="sm">
          {t('trainings.catalogue.title')}
        </Anchor>
        <span aria-current="page">{title}</span>
      </TrainingsBreadcrumbs>
      <PageHeader title={title} />
      {(id && training.isPending) || territory.isPending ? <PageSkeleton lines={10} /> : null}
      {training.isError ? <ErrorState error={training.error} onRetry={() => void training.refetch()} /> : null}
      {territory.isError ? <ErrorState error={territory.error} onRetry={() => void territory.refetch()} /> : null}
      {territory.data && (!id || training.data) ? (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={900}>
          <TrainingForm
            key={training.data?.updatedAt ?? 'new'}
            territory={territory.data}
            training={training.data}
            saving={save.isPending}
            onCancel={() => void navigate('/formations/gestion/catalogue')}
            onSubmit={async (body) => {
              try {
                const saved = await save.mutateAsync(body);
                notifications.show({ color: 'cevennes', message: id ? t('trainings.catalogue.saved') : t('trainings.catalogue.created', { title: saved.title }) });
                if (!id) await navigate(`/formations/gestion/catalogue/${saved.id}`, { replace: true });
              } catch (error) {
                notifications.show({ color: 'red', message: errorMessage(error) });
                throw error;
              }
            }}
          />
        </Paper>
      ) : null}
      {id && training.data ? <TrainingSessions trainingId={id} archived={training.data.archived} /> : null}
    </>
  );
}
