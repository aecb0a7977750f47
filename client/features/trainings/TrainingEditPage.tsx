import { Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormPanel } from '../../components/FormPanel';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { QueriesState, QueryState } from '../../components/QueryState';
import { EmptyState, TableSkeleton } from '../../components/States';
import { useFormPageSave } from '../../components/useSaveHandler';
import { formatNumber } from '../../lib/format';
import { useTerritory } from '../accounts/api';
import { useSaveTraining, useStaffSessions, useTraining } from './api';
import { TrainingsNav } from './components';
import { StaffSessionsTable } from './StaffSessionsTable';
import { LibraryDocuments } from './LibraryDocuments';
import { TrainingForm } from './TrainingForm';

function TrainingSessions({ trainingId, archived }: { trainingId: string; archived: boolean }) {
  const { t } = useTranslation('trainings');
  const sessions = useStaffSessions({ trainingId, pageSize: 50 });
  return (
    <Stack gap="sm" component="section" aria-labelledby="training-sessions" mt="xl">
      <Title order={2} fz="h3" id="training-sessions">
        {t('catalogue.sessionsTitle')}
      </Title>
      {!archived ? (
        <Button component={Link} to={`/formations/gestion/catalogue/${trainingId}/nouvelle-session`} w="fit-content">
          {t('catalogue.newSession')}
        </Button>
      ) : null}
      <QueryState
        query={sessions}
        skeleton={<TableSkeleton rows={3} />}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={t('catalogue.noSessions')} />}
      >
        {(data) => (
          <StaffSessionsTable
            items={data.items}
            showTitle={false}
            caption={t('staff.count', { count: data.total, formatted: formatNumber(data.total) })}
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** Staff: /formations/gestion/catalogue/nouvelle creates a training, /formations/gestion/catalogue/:id edits it. */
export default function TrainingEditPage() {
  const { t } = useTranslation('trainings');
  const { id } = useParams();
  const training = useTraining(id);
  const territory = useTerritory();
  const save = useSaveTraining(id);
  const formSave = useFormPageSave(save, {
    creating: !id,
    savedMessage: (saved) => (id ? t('catalogue.saved') : t('catalogue.created', { title: saved.title })),
    next: (saved) => (id ? null : `/formations/gestion/catalogue/${saved.id}`),
    cancelTo: '/formations/gestion/catalogue',
  });
  const title = id ? (training.data?.title ?? t('catalogue.edit')) : t('catalogue.new');

  return (
    <>
      <TrainingsNav />
      <PageBreadcrumbs links={[{ to: '/formations/gestion/catalogue', label: t('catalogue.title') }]} current={title} />
      <PageHeader title={title} />
      <QueriesState loading={Boolean(id && training.isPending) || territory.isPending} lines={10} queries={[training, territory]} />
      {territory.data && (!id || training.data) ? (
        <FormPanel maw={900}>
          <TrainingForm key={training.data?.updatedAt ?? 'new'} territory={territory.data} training={training.data} {...formSave} />
        </FormPanel>
      ) : null}
      {id && training.data ? <TrainingSessions trainingId={id} archived={training.data.archived} /> : null}
      {id && training.data ? <LibraryDocuments trainingId={id} manage /> : null}
    </>
  );
}
