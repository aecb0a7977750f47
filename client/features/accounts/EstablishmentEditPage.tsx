import { Anchor, Breadcrumbs, Button, Group, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton, useErrorMessage } from '../../components/States';
import { useEstablishment, useSaveEstablishment, useTerritory } from './api';
import { EstablishmentForm } from './EstablishmentForm';

/** Staff and admins: /etablissements/nouveau creates, /etablissements/:id edits (a deep link that survives reload). */
export default function EstablishmentEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const establishment = useEstablishment(id);
  const territory = useTerritory();
  const save = useSaveEstablishment(id);
  const errorMessage = useErrorMessage();
  const title = id ? (establishment.data?.name ?? t('establishments.edit')) : t('establishments.new');

  return (
    <>
      <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/etablissements" size="sm">
          {t('nav.establishments')}
        </Anchor>
        <span aria-current="page">{title}</span>
      </Breadcrumbs>
      <PageHeader
        title={title}
        actions={
          id ? (
            <Group gap="sm">
              <Button component={Link} to={`/utilisateurs?establishmentId=${id}`} variant="default">
                {t('establishments.showUsers')}
              </Button>
              <Button component={Link} to={`/utilisateurs/inviter?establishmentId=${id}`}>
                {t('establishments.inviteUser')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      {(id && establishment.isPending) || territory.isPending ? <PageSkeleton lines={8} /> : null}
      {establishment.isError ? <ErrorState error={establishment.error} onRetry={() => void establishment.refetch()} /> : null}
      {territory.isError ? <ErrorState error={territory.error} onRetry={() => void territory.refetch()} /> : null}
      {territory.data && (!id || establishment.data) ? (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={860}>
          <EstablishmentForm
            key={establishment.data?.updatedAt ?? 'new'}
            territory={territory.data}
            establishment={establishment.data}
            scope="all"
            saving={save.isPending}
            onCancel={() => void navigate('/etablissements')}
            onSubmit={async (body) => {
              try {
                const saved = await save.mutateAsync(body);
                notifications.show({ color: 'cevennes', message: id ? t('establishments.saved') : t('establishments.created', { name: saved.name }) });
                if (!id) await navigate(`/etablissements/${saved.id}`, { replace: true });
              } catch (error) {
                notifications.show({ color: 'red', message: errorMessage(error) });
                throw error;
              }
            }}
          />
        </Paper>
      ) : null}
    </>
  );
}
