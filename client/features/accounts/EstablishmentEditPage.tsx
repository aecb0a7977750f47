import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormPanel } from '../../components/FormPanel';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { QueriesState } from '../../components/QueryState';
import { useFormPageSave } from '../../components/useSaveHandler';
import { useEstablishment, useSaveEstablishment, useTerritory } from './api';
import { EstablishmentForm } from './EstablishmentForm';
import type { CreatedEstablishment } from './types';

/** Staff and admins: /etablissements/nouveau creates, /etablissements/:id edits (a deep link that survives reload). */
export default function EstablishmentEditPage() {
  const { t } = useTranslation('accounts');
  const { id } = useParams();
  const establishment = useEstablishment(id);
  const territory = useTerritory();
  const save = useSaveEstablishment(id);
  const formSave = useFormPageSave(save, {
    creating: !id,
    savedMessage: (saved) => (id ? t('establishments.saved') : t('establishments.created', { name: saved.name })),
    alsoSay: (saved) => {
      // A creation answers with the establishments of the same name in the commune.
      const sameName = (saved as Partial<CreatedEstablishment>).sameNameInCommune ?? [];
      if (sameName.length) {
        notifications.show({ color: 'yellow', autoClose: false, message: t('establishments.sameNameWarning', { count: sameName.length, names: sameName.map((e) => e.name).join(', ') }) });
      }
    },
    next: (saved) => (id ? null : `/etablissements/${saved.id}`),
    cancelTo: '/etablissements',
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
      <QueriesState loading={Boolean(id && establishment.isPending) || territory.isPending} lines={8} queries={[establishment, territory]} />
      {territory.data && (!id || establishment.data) ? (
        <FormPanel maw={860}>
          <EstablishmentForm key={establishment.data?.updatedAt ?? 'new'} territory={territory.data} establishment={establishment.data} scope="all" {...formSave} />
        </FormPanel>
      ) : null}
    </>
  );
}
