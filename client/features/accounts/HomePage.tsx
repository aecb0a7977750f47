import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { formatLongDate } from '../../lib/format';
import { NextTrainingsCard } from '../trainings/NextTrainingsCard';
import { useUser } from './session';

function Tile({ title, children, badge }: { title: string; children: ReactNode; badge?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h4">
            {title}
          </Title>
          {badge}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** "Accueil": a greeting, the user's establishment or office, and what each section will bring. */
export default function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  const office = user.role !== 'partner';
  const soon = <Badge color="ochre" variant="light">{t('comingSoon.badge')}</Badge>;

  return (
    <>
      <PageHeader title={t('home.greeting', { name: firstName })} documentTitle={t('nav.home')} description={formatLongDate(new Date())} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {user.role === 'partner' ? (
          <Tile title={t('home.establishment.title')}>
            <Text fw={600}>{user.establishment?.name ?? t('home.establishment.none')}</Text>
            <Text size="sm" c="dimmed">
              {t('home.establishment.description')}
            </Text>
            <Anchor component={Link} to="/mon-etablissement">
              {t('home.establishment.link')}
            </Anchor>
          </Tile>
        ) : (
          <Tile title={t('home.office.title')}>
            <Text fw={600}>{user.office?.name ?? t('home.office.none')}</Text>
            <Text size="sm" c="dimmed">
              {t(`roles.${user.role}`)}
            </Text>
          </Tile>
        )}
        {office ? (
          <Tile title={t('home.manage.title')}>
            <Text size="sm" c="dimmed">
              {t('home.manage.description')}
            </Text>
            <Stack gap={4} component="ul" m={0} pl="md">
              <li>
                <Anchor component={Link} to="/etablissements">{t('nav.establishments')}</Anchor>
              </li>
              <li>
                <Anchor component={Link} to="/utilisateurs">{t('nav.users')}</Anchor>
              </li>
              <li>
                <Anchor component={Link} to="/utilisateurs/inviter">{t('users.invite.title')}</Anchor>
              </li>
              {user.role === 'admin' ? (
                <li>
                  <Anchor component={Link} to="/boite-d-envoi">{t('nav.outbox')}</Anchor>
                </li>
              ) : null}
            </Stack>
          </Tile>
        ) : null}
        <NextTrainingsCard />
        <Tile title={t('nav.news')} badge={soon}>
          <Text size="sm">{t('home.placeholders.news')}</Text>
        </Tile>
        <Tile title={t('nav.documents')} badge={soon}>
          <Text size="sm">{t('home.placeholders.documents')}</Text>
        </Tile>
        <Tile title={t('nav.statistics')} badge={soon}>
          <Text size="sm">{t('home.placeholders.statistics')}</Text>
        </Tile>
      </SimpleGrid>
    </>
  );
}
