import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/States';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useEstablishment, useSaveEstablishment, useTerritory } from './api';
import { EstablishmentForm } from './EstablishmentForm';
import { useUser } from './signed-in';
import { useReferenceLabels } from './reference';

/** "Mon établissement": a partner sees its record and edits the public fields (the rest is kept by the office). */
export default function MyEstablishmentPage() {
  const { t } = useTranslation('accounts');
  const user = useUser();
  const id = user.establishment?.id;
  const establishment = useEstablishment(id);
  const territory = useTerritory();
  const save = useSaveEstablishment(id);
  const ref = useReferenceLabels();
  const submit = useSaveHandler(save.mutateAsync, () => notifications.show({ color: 'cevennes', message: t('establishments.saved') }));

  if (!id) {
    return (
      <>
        <PageHeader title={t('myEstablishment.title')} />
        <EmptyState title={t('myEstablishment.none')} />
      </>
    );
  }
  const e = establishment.data;
  const tr = territory.data;
  const category = tr?.categories.find((c) => c.id === e?.category);
  const subcategory = category?.subcategories.find((s) => s.id === e?.subcategory);
  const commune = tr?.communes.find((c) => c.inseeCode === e?.communeInsee);

  return (
    <>
      <PageHeader title={t('myEstablishment.title')} description={t('myEstablishment.description')} />
      {establishment.isPending || territory.isPending ? <PageSkeleton lines={6} /> : null}
      {establishment.isError ? <ErrorState error={establishment.error} onRetry={() => void establishment.refetch()} /> : null}
      {territory.isError ? <ErrorState error={territory.error} onRetry={() => void territory.refetch()} /> : null}
      {e && tr ? (
        <Stack gap="lg" maw={760}>
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="record-title">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} fz="h3" id="record-title">
                  {e.name}
                </Title>
                <Badge color={e.status === 'active' ? 'cevennes' : 'gray'} variant="light">
                  {t(`establishments.status.${e.status}`)}
                </Badge>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Fact label={t('establishments.fields.category')}>{[ref.category(e.category, category?.label), subcategory ? ref.subcategory(subcategory.id, subcategory.label) : null].filter(Boolean).join(' — ')}</Fact>
                <Fact label={t('establishments.fields.commune')}>{commune ? `${commune.name} (${commune.departmentName})` : e.communeInsee}</Fact>
                <Fact label={t('establishments.fields.labels')}>{e.labels.length ? e.labels.join(', ') : t('common.none')}</Fact>
                <Fact label={t('establishments.fields.membershipYear')}>{e.membershipYear ? String(e.membershipYear) : t('common.noneFeminine')}</Fact>
              </SimpleGrid>
              <Text size="sm" c="dimmed">
                {t('myEstablishment.managedByOffice')}
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="public-title">
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={2} fz="h3" id="public-title">
                  {t('myEstablishment.publicTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('myEstablishment.publicDescription')}
                </Text>
              </Stack>
              <EstablishmentForm
                key={e.updatedAt}
                territory={tr}
                establishment={e}
                scope="public"
                saving={save.isPending}
                onSubmit={submit}
              />
            </Stack>
          </Paper>
        </Stack>
      ) : null}
    </>
  );
}
