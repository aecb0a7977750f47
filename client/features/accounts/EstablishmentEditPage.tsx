import { Button, Group, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton } from '../../components/States';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useEstablishment, useSaveEstablishment, useTerritory } from './api';
import { EstablishmentForm } from './EstablishmentForm';
import type { CreatedEstablishment } from './types';

/** Staff and admins: /etablissements/nouveau creates, /etablissements/:id edits (a deep link that survives reload). */
export default function EstablishmentEditPage() {
  const { t } = useTranslation('accounts');
  const { id } = useParams();
  const navigate = useNavigate();
  const establishment = useEstablishment(id);
  const territory = useTerritory();
  const save = useSaveEstablishment(id);
  const submit = useSaveHandler(save.mutateAsync, async (saved) => {
    notifications.show({ color: 'cevennes', message: id ? t('establishments.saved') : t('establishments.created', { name: saved.name }) });
    // A creation answers with the establishments of the same name in the commune.
    const sameName = (saved as Partial<CreatedEstablishment>).sameNameInCommune ?? [];
    if (sameName.length) {
      notifications.show({ color: 'yellow', autoClose: false, message: t('establishments.sameNameWarning', { count: sameName.length, names: sameName.map((e) => e.name).join(', ') }) });
    }
    if (!id) await navigate(`/etablissements/${saved.id}`, { replace: true });
  });
  const title = id ? (establishment.data?.name ?? t('establishments.edit')) : t('establishments.new');

  return (
    <>
      <PageBreadcrumbs links={[{ to: '/etablissements', label: t('nav.establishments') }]} current={title} />
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
            onSubmit={submit}
          />
        </Paper>
      ) : null}
    </>
  );
}
