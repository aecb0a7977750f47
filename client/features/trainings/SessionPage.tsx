import { Alert, Button, Card, Divider, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isStaff } from '../../../common/roles';
import { ErrorState, PageSkeleton } from '../../components/States';
import { useDownload } from '../../components/useDownload';
import { formatNumber } from '../../lib/format';
import { ACTIVE_REGISTRATION_STATUSES } from '../../../common/trainings';
import { useTerritory } from '../accounts/api';
import { useUser } from '../accounts/signed-in';
import { files, useColleagues, useSession } from './api';
import { DescriptionHtml, MyRegistrationBadge, PlaceText, SeatsBadge, SessionStatusBadge, ThemeBadge } from './components';
import { formatDeadline, formatDuration, formatPrice, formatSlot } from './format';
import { RegistrationActions, SignUpButton } from './RegistrationActions';
import { SessionFrame } from './SessionFrame';
import { LibraryDocuments } from './LibraryDocuments';
import type { MyRegistration, SessionDetail } from './types';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Term / value pairs as a real description list (read as such by screen readers). */
function Facts({ items }: { items: [string, React.ReactNode][] }) {
  const { t } = useTranslation('trainings');
  return (
    <Stack component="dl" gap={6} m={0}>
      {items.map(([term, value]) => (
        <Group key={term} gap="xs" align="baseline" wrap="wrap">
          <Text component="dt" fw={600} size="sm">
            {t('common.term', { term })}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function IcsButton({ session, variant = 'default', size = 'sm' }: { session: { id: string; title: string }; variant?: string; size?: string }) {
  const { t } = useTranslation('trainings');
  const download = useDownload();
  return (
    <Button variant={variant} size={size} loading={download.busy !== null} onClick={() => void download.run(files.sessionIcs(session.id), 'formation.ics')}>
      {t('session.addToCalendar')}
    </Button>
  );
}

/** What the signed-in person can do about this session right now. */
function MyRegistrationPanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation('trainings');
  const user = useUser();
  const reg: MyRegistration | null = session.myRegistration;
  const full = session.seatsLeft <= 0 || session.waitingCount > 0;
  const active = reg && (reg.status === 'confirmed' || reg.status === 'waiting' || reg.status === 'offered');

  return (
    <Stack gap="sm">
      {reg && active ? (
        <Alert variant="light" color={reg.status === 'confirmed' ? 'cevennes' : 'ochre'} title={t(`session.my.${reg.status as 'confirmed' | 'waiting' | 'offered'}Title`)}>
          <Stack gap={4}>
            {reg.status === 'confirmed' ? <Text size="sm">{t('session.my.confirmed')}</Text> : null}
            {reg.status === 'waiting' ? (
              <Text size="sm">{t('session.my.waiting', { position: reg.position ?? '?' })}</Text>
            ) : null}
            {reg.status === 'offered' ? (
              <Text size="sm">
                {t('session.my.offered', { date: reg.offerExpiresAt ? formatDeadline(t, reg.offerExpiresAt) : '' })}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {reg && active ? <RegistrationActions session={session} registration={reg} staff={isStaff(user)} size="sm" /> : null}
      {!active && session.canSignUp ? (
        <Stack gap={4}>
          {full ? <Text size="sm">{t('session.fullExplain')}</Text> : null}
          <SignUpButton session={session} full={full} />
        </Stack>
      ) : null}
      {!active && !session.canSignUp && session.status !== 'cancelled' ? (
        <Text size="sm" c="dimmed">
          {t('session.signupClosed')}
        </Text>
      ) : null}
      {/* The calendar file is for a seat held, not one hoped for. */}
      {session.status !== 'cancelled' && reg?.status === 'confirmed' ? <IcsButton session={session} /> : null}
    </Stack>
  );
}

/** Partners sign up colleagues of their establishment (the server checks they are). */
function ColleaguesPanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation('trainings');
  const user = useUser();
  const colleagues = useColleagues(session.id);
  const others = (colleagues.data?.items ?? []).filter((c) => c.userId !== user.id);
  if (colleagues.isPending) return <PageSkeleton lines={2} />;
  if (colleagues.isError) return <ErrorState error={colleagues.error} onRetry={() => void colleagues.refetch()} />;
  if (others.length === 0) return <Text size="sm" c="dimmed">{t('colleagues.none')}</Text>;
  const full = session.seatsLeft <= 0 || session.waitingCount > 0;
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {others.map((c) => {
        const reg = c.registration;
        const active = reg && ACTIVE_REGISTRATION_STATUSES.some((status) => status === reg.status);
        return (
          <Stack key={c.userId} gap={4} component="li">
            <Group gap="xs" justify="space-between">
              <Text fw={600} size="sm">
                {c.name}
              </Text>
              <MyRegistrationBadge registration={active ? reg : null} />
            </Group>
            {reg && active ? (
              <RegistrationActions session={session} registration={reg} personName={c.name} size="xs" />
            ) : session.canSignUp ? (
              <Group>
                <SignUpButton session={session} full={full} userId={c.userId} name={c.name} size="xs" />
              </Group>
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** A session seen by a partner (or staff): the training, the slots, the place, and sign-up. */
export default function SessionPage() {
  const { t } = useTranslation('trainings');
  const { id } = useParams();
  const user = useUser();
  const query = useSession(id);
  const territory = useTerritory();
  const categoryLabel = new Map(territory.data?.categories.map((c) => [c.id, c.label]) ?? []);

  return (
    <SessionFrame
      query={query}
      parent={{ to: '/formations', label: t('nav.trainings') }}
      actions={(session) =>
        isStaff(user) ? (
          <Button component={Link} to={`/formations/gestion/sessions/${session.id}`} variant="default">
            {t('session.manage')}
          </Button>
        ) : undefined
      }
    >
      {(session) => (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="xl">
              <Group gap="xs">
                <ThemeBadge theme={session.theme} />
                <SessionStatusBadge status={session.status} />
              </Group>
              <Text size="lg">{session.summary}</Text>
              <Section title={t('session.slots')}>
                <List spacing={4}>
                  {session.slots.map((s) => (
                    <List.Item key={s.startsAt}>{formatSlot(s.startsAt, s.endsAt)}</List.Item>
                  ))}
                </List>
              </Section>
              <Section title={t('session.place')}>
                <PlaceText place={session.place} withLinks={session.status !== 'cancelled'} />
              </Section>
              <Section title={t('session.about')}>
                <DescriptionHtml html={session.training.descriptionHtml} />
                <Facts
                  items={[
                    [t('fields.duration'), formatDuration(t, session.training.durationMinutes)],
                    ...(session.training.trainer ? ([[t('fields.trainer'), session.training.trainer]] as [string, string][]) : []),
                    ...(session.training.targetCategories.length > 0
                      ? ([[t('fields.targetCategories'), session.training.targetCategories.map((c) => categoryLabel.get(c) ?? c).join(', ')]] as [string, string][])
                      : []),
                    ...(session.training.priceMemberCents !== null
                      ? ([[t('fields.priceMember'), formatPrice(session.training.priceMemberCents)]] as [string, string][])
                      : []),
                    ...(session.training.priceNonMemberCents !== null
                      ? ([[t('fields.priceNonMember'), formatPrice(session.training.priceNonMemberCents)]] as [string, string][])
                      : []),
                  ]}
                />
              </Section>
              {session.notes ? (
                <Section title={t('fields.notes')}>
                  <Text style={{ whiteSpace: 'pre-line' }}>{session.notes}</Text>
                </Section>
              ) : null}
              <LibraryDocuments sessionId={session.id} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <Card withBorder radius="md" padding="md" component="section" aria-labelledby="signup-title">
                <Stack gap="sm">
                  <Title order={2} fz="h4" id="signup-title">
                    {t('session.signupTitle')}
                  </Title>
                  {session.status === 'open' ? <SeatsBadge seatsLeft={session.seatsLeft} waitingCount={session.waitingCount} /> : null}
                  <Facts
                    items={[
                      [t('session.seatsTaken'), t('session.seatsTakenValue', { taken: formatNumber(session.confirmedCount + session.offeredCount), capacity: formatNumber(session.capacity) })],
                      [t('session.waitingCount'), formatNumber(session.waitingCount)],
                      [t('fields.signupDeadline'), formatDeadline(t, session.signupDeadline)],
                      ...(session.perEstablishmentCap !== null
                        ? ([[t('fields.perEstablishmentCap'), formatNumber(session.perEstablishmentCap)]] as [string, string][])
                        : []),
                    ]}
                  />
                  <Divider />
                  {session.status === 'cancelled' ? (
                    <Text size="sm">{t('session.cancelledNothingToDo')}</Text>
                  ) : (
                    <MyRegistrationPanel session={session} />
                  )}
                </Stack>
              </Card>
              {user.role === 'partner' && user.establishment && session.status !== 'cancelled' ? (
                <Card withBorder radius="md" padding="md" component="section" aria-labelledby="colleagues-title">
                  <Stack gap="sm">
                    <Title order={2} fz="h4" id="colleagues-title">
                      {t('colleagues.title')}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t('colleagues.description', { establishment: user.establishment.name })}
                    </Text>
                    <ColleaguesPanel session={session} />
                  </Stack>
                </Card>
              ) : null}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </SessionFrame>
  );
}
