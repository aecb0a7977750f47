import {
  Alert, Anchor, Badge, Button, Group, Menu, Paper, Progress, SimpleGrid, Stack, Table, Tabs, Text,
  Textarea, Timeline, Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, PersonCell } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RowActionsMenu } from '../../components/RowActionsMenu';
import { EmptyState, ErrorState, PageSkeleton, useErrorMessage } from '../../components/States';
import { useDownload } from '../../components/useDownload';
import { formatDateTime, formatNumber } from '../../lib/format';
import {
  files, useCancelSession, useHistory, useRegistrationAction, useRegistrations, useSession, useSignUp, useSurveySummary,
  type RegistrationAction,
} from './api';
import { PlaceText, SessionStatusBadge } from './components';
import { formatDeadline, formatWhen } from './format';
import { signUpMessage } from './RegistrationActions';
import { SessionFrame } from './SessionFrame';
import { FillRate } from './StaffSessionsTable';
import { LIMITS, type HistoryEvent, type Registration, type SessionDetail } from './types';
import { UserPicker } from './UserPicker';

type Tab = 'inscrits' | 'historique' | 'enquete';
const TABS: Tab[] = ['inscrits', 'historique', 'enquete'];

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text component="div" fw={600} mt={4}>
        {children}
      </Text>
    </Paper>
  );
}

/** Staff sign up anyone (partner, staff) by searching their account. */
function SignUpAnyone({ session }: { session: SessionDetail }) {
  const { t } = useTranslation('trainings');
  const [userId, setUserId] = useState<string | null>(null);
  const [label, setLabel] = useState<string | null>(null);
  const signUp = useSignUp(session.id);
  const errorMessage = useErrorMessage();
  const full = session.seatsLeft <= 0 || session.waitingCount > 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="signup-anyone">
      <Title order={3} fz="h5" id="signup-anyone" mb="xs">
        {t('manage.signUpTitle')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!userId) return;
          signUp.mutate(userId, {
            onSuccess: (registration) => {
              notifications.show({ color: 'cevennes', message: signUpMessage(t, registration, registration.user.name) });
              setUserId(null);
              setLabel(null);
            },
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
          });
        }}
      >
        <Group gap="sm" align="flex-end" wrap="wrap">
          <UserPicker
            label={t('manage.person')}
            description={t('manage.personHelp')}
            value={userId}
            onChange={(v, l) => {
              setUserId(v);
              setLabel(l);
            }}
            style={{ flex: '1 1 18rem' }}
          />
          <Button type="submit" disabled={!userId} loading={signUp.isPending}>
            {full ? t('manage.signUpWaiting') : t('manage.signUp')}
          </Button>
        </Group>
        {label && full ? (
          <Text size="sm" c="dimmed" mt="xs">
            {t('manage.willWait')}
          </Text>
        ) : null}
      </form>
    </Paper>
  );
}

interface PendingAction {
  registration: Registration;
  action: RegistrationAction;
}

/** The row's last cell: what staff may do for this person (promote, accept or decline for them, cancel). */
function ActionsCell({ r, onAction }: { r: Registration; onAction: (p: PendingAction) => void }) {
  const { t } = useTranslation('trainings');
  return (
    <Table.Td>
      <RowActionsMenu label={t('manage.actionsFor', { name: r.user.name })}>
        {r.status === 'waiting' || r.status === 'offered' ? (
          <Menu.Item onClick={() => onAction({ registration: r, action: 'promote' })}>{t('manage.promote')}</Menu.Item>
        ) : null}
        {r.status === 'offered' ? (
          <>
            <Menu.Item onClick={() => onAction({ registration: r, action: 'accept' })}>{t('manage.acceptFor')}</Menu.Item>
            <Menu.Item onClick={() => onAction({ registration: r, action: 'decline' })}>{t('manage.declineFor')}</Menu.Item>
          </>
        ) : null}
        <Menu.Item color="red.8" onClick={() => onAction({ registration: r, action: 'cancel' })}>
          {t('manage.cancelRegistration')}
        </Menu.Item>
      </RowActionsMenu>
    </Table.Td>
  );
}

function Group_({ title, count, children, empty }: { title: string; count: number; children: ReactNode; empty: string }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={3} fz="h4">
        {title} ({formatNumber(count)})
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

function RegistrantsTab({ session }: { session: SessionDetail }) {
  const { t } = useTranslation('trainings');
  const groups = useRegistrations(session.id);
  const action = useRegistrationAction();
  const errorMessage = useErrorMessage();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const attendanceLabel = (r: Registration) =>
    r.attendance === 'present' ? t('attendance.present') : r.attendance === 'absent' ? t('attendance.absent') : '—';

  const confirm = () => {
    if (!pending) return;
    action.mutate(
      { id: pending.registration.id, action: pending.action },
      {
        onSuccess: () => {
          notifications.show({ color: 'cevennes', message: t(`manage.done.${pending.action}`, { name: pending.registration.user.name }) });
          setPending(null);
        },
        onError: (error) => {
          notifications.show({ color: 'red', message: errorMessage(error) });
          setPending(null);
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      {session.status !== 'cancelled' && session.status !== 'done' ? <SignUpAnyone session={session} /> : null}
      <QueryState query={groups}>
        {(data) => (
          <>
            <Group_ title={t('manage.groups.confirmed')} count={data.confirmed.length} empty={t('manage.groups.confirmedEmpty')}>
              <DataTable
                dense
                minWidth={720}
                columns={[t('fields.name'), t('fields.establishment'), t('manage.confirmedAt'), t('manage.registeredBy'), t('attendance.title'), t('common.actions')]}
              >
                {data.confirmed.map((r) => (
                  <Table.Tr key={r.id}>
                    <PersonCell name={r.user.name} email={r.user.email} />
                    <Table.Td>{r.establishment?.name ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(r.confirmedAt ?? r.createdAt)}</Table.Td>
                    <Table.Td>{r.registeredBy && r.registeredBy.id !== r.user.id ? r.registeredBy.name : t('manage.self')}</Table.Td>
                    <Table.Td>{attendanceLabel(r)}</Table.Td>
                    <ActionsCell r={r} onAction={setPending} />
                  </Table.Tr>
                ))}
              </DataTable>
            </Group_>
            <Group_ title={t('manage.groups.offered')} count={data.offered.length} empty={t('manage.groups.offeredEmpty')}>
              <DataTable dense minWidth={600} columns={[t('fields.name'), t('fields.establishment'), t('manage.offerExpires'), t('common.actions')]}>
                {data.offered.map((r) => (
                  <Table.Tr key={r.id}>
                    <PersonCell name={r.user.name} email={r.user.email} />
                    <Table.Td>{r.establishment?.name ?? '—'}</Table.Td>
                    <Table.Td>{r.offerExpiresAt ? formatDateTime(r.offerExpiresAt) : '—'}</Table.Td>
                    <ActionsCell r={r} onAction={setPending} />
                  </Table.Tr>
                ))}
              </DataTable>
            </Group_>
            <Group_ title={t('manage.groups.waiting')} count={data.waiting.length} empty={t('manage.groups.waitingEmpty')}>
              <DataTable
                dense
                minWidth={600}
                columns={[t('manage.position'), t('fields.name'), t('fields.establishment'), t('manage.since'), t('common.actions')]}
              >
                {data.waiting.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.position ?? '—'}</Table.Td>
                    <PersonCell name={r.user.name} email={r.user.email} />
                    <Table.Td>{r.establishment?.name ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                    <ActionsCell r={r} onAction={setPending} />
                  </Table.Tr>
                ))}
              </DataTable>
            </Group_>
            <Group_ title={t('manage.groups.inactive')} count={data.inactive.length} empty={t('manage.groups.inactiveEmpty')}>
              <DataTable dense minWidth={600} columns={[t('fields.name'), t('fields.establishment'), t('fields.status'), t('manage.endedAt')]}>
                {data.inactive.map((r) => (
                  <Table.Tr key={r.id}>
                    <PersonCell name={r.user.name} email={r.user.email} />
                    <Table.Td>{r.establishment?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color="gray.7" tt="none">
                        {t(`registration.status.${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.cancelledAt ? formatDateTime(r.cancelledAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Group_>
          </>
        )}
      </QueryState>
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? t(`manage.confirm.${pending.action}Title`) : ''}
        message={pending ? t(`manage.confirm.${pending.action}Message`, { name: pending.registration.user.name }) : ''}
        confirmLabel={pending ? t(`manage.confirm.${pending.action}Action`) : ''}
        danger={pending?.action === 'cancel' || pending?.action === 'decline'}
        loading={action.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      />
    </Stack>
  );
}

function eventDetails(t: TFunction<'trainings'>, e: HistoryEvent): string | null {
  const d = e.details;
  const parts: string[] = [];
  if (typeof d.position === 'number') parts.push(t('history.position', { position: d.position }));
  if (typeof d.expiresAt === 'string') parts.push(t('history.expiresAt', { date: formatDateTime(d.expiresAt) }));
  if (typeof d.from === 'string' && typeof d.to === 'string')
    parts.push(t('history.fromTo', { from: t(`registration.status.${d.from}` as 'registration.status.waiting'), to: t(`registration.status.${d.to}` as 'registration.status.waiting') }));
  if (typeof d.reason === 'string' && d.reason) parts.push(d.reason);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Every move of the waiting list, oldest first: who, what, when, and who did it (or "automatique"). */
function HistoryTab({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('trainings');
  const history = useHistory(sessionId);
  if (history.isPending) return <PageSkeleton lines={5} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data.items;
  if (items.length === 0) return <EmptyState title={t('history.empty')} />;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length} aria-label={t('history.title')} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((e) => {
        const details = eventDetails(t, e);
        return (
          <Timeline.Item
            key={e.id}
            component="li"
            title={<Text fw={600} size="sm">{t(`history.kinds.${e.kind}`, { name: e.user.name })}</Text>}
          >
            <Text size="xs" c="dimmed">
              <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
              {' · '}
              {e.actor
                ? t('history.by', { name: e.actor.name })
                : e.kind === 'accepted' || e.kind === 'declined'
                  ? t('history.byEmailLink')
                  : t('history.automatic')}
            </Text>
            {details ? <Text size="sm">{details}</Text> : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

/** Satisfaction survey results: response rate, average, distribution (bars with numbers) and comments. */
function SurveyTab({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('trainings');
  const survey = useSurveySummary(sessionId);
  if (survey.isPending) return <PageSkeleton lines={5} />;
  if (survey.isError) return <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />;
  const s = survey.data;
  if (s.sent === 0) return <EmptyState title={t('surveyResults.notSent')} description={t('surveyResults.notSentHelp')} />;
  const max = Math.max(1, ...s.distribution);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Stat label={t('surveyResults.sent')}>{formatNumber(s.sent)}</Stat>
        <Stat label={t('surveyResults.responses')}>
          {formatNumber(s.responses)} ({formatNumber(s.sent > 0 ? s.responses / s.sent : 0, { style: 'percent' })})
        </Stat>
        <Stat label={t('surveyResults.average')}>
          {s.average !== null ? t('surveyResults.averageValue', { value: formatNumber(s.average, { maximumFractionDigits: 1 }) }) : '—'}
        </Stat>
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-labelledby="survey-distribution">
        <Title order={3} fz="h4" id="survey-distribution">
          {t('surveyResults.distribution')}
        </Title>
        <Table verticalSpacing={6} withRowBorders={false}>
          <Table.Tbody>
            {[5, 4, 3, 2, 1].map((rating) => {
              const count = s.distribution[rating - 1] ?? 0;
              return (
                <Table.Tr key={rating}>
                  <Table.Th scope="row" fw={500} w="40%">
                    {t(`survey.ratings.${rating}` as 'survey.ratings.5')}
                  </Table.Th>
                  <Table.Td>
                    <Progress value={(count / max) * 100} size="lg" color="cevennes" aria-hidden="true" />
                  </Table.Td>
                  <Table.Td w={60} ta="right">
                    {formatNumber(count)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="survey-comments">
        <Title order={3} fz="h4" id="survey-comments">
          {t('surveyResults.comments')} ({formatNumber(s.comments.length)})
        </Title>
        {s.comments.length === 0 ? <Text size="sm" c="dimmed">{t('surveyResults.noComments')}</Text> : null}
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {s.comments.map((c, i) => (
            <Paper key={i} withBorder radius="md" p="sm" component="li">
              <Text size="xs" c="dimmed">
                {t('surveyResults.commentRating', { rating: c.rating })} · {formatDateTime(c.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {c.comment}
              </Text>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}

function CancelSessionDialog({ session, opened, onClose }: { session: SessionDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('trainings');
  const [reason, setReason] = useState('');
  const cancel = useCancelSession(session.id);
  const errorMessage = useErrorMessage();
  const registrants = session.confirmedCount + session.offeredCount + session.waitingCount;
  return (
    <ConfirmDialog
      opened={opened}
      title={t('manage.cancelSession.title')}
      message={t('manage.cancelSession.message', { count: registrants })}
      confirmLabel={t('manage.cancelSession.confirm')}
      danger
      loading={cancel.isPending}
      confirmDisabled={reason.length > LIMITS.cancelReason}
      onConfirm={() =>
        cancel.mutate(reason.trim() || null, {
          onSuccess: () => {
            notifications.show({ color: 'cevennes', message: t('manage.cancelSession.done') });
            onClose();
          },
          onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
        })
      }
      onCancel={onClose}
    >
      <Textarea
        label={t('manage.cancelSession.reason')}
        description={t('manage.cancelSession.reasonHelp')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={reason.length > LIMITS.cancelReason ? t('validation.maxLength', { count: LIMITS.cancelReason }) : undefined}
        autosize
        minRows={2}
        data-autofocus
      />
    </ConfirmDialog>
  );
}

/** Staff: one session with its registrants, waiting list history, exports, survey results and cancellation. */
export default function StaffSessionPage() {
  const { t } = useTranslation('trainings');
  const { id } = useParams();
  const query = useSession(id);
  const [params, setParams] = useSearchParams();
  const requested = params.get('onglet') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'inscrits';
  const download = useDownload();
  const [cancelOpen, setCancelOpen] = useState(false);

  return (
    <SessionFrame query={query} parent={{ to: '/formations/gestion', label: t('staff.title') }}>
      {(session) => (
        <>
          <PageHeader
            title={session.title}
            description={formatWhen(session.startsAt, session.endsAt)}
            actions={
              <>
                {session.status !== 'cancelled' ? (
                  <>
                    <Button component={Link} to={`/formations/gestion/sessions/${session.id}/modifier`} variant="default">
                      {t('manage.edit')}
                    </Button>
                    <Button component={Link} to={`/formations/gestion/sessions/${session.id}/presences`}>
                      {t('attendance.take')}
                    </Button>
                  </>
                ) : null}
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button variant="default" loading={download.busy !== null}>
                      {t('manage.exports')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => void download.run(files.registrantsCsv(session.id), 'inscrits.csv')}>
                      {t('manage.exportCsv')}
                    </Menu.Item>
                    <Menu.Item onClick={() => void download.run(files.signatureSheet(session.id), 'feuille-emargement.pdf')}>
                      {t('manage.exportSignature')}
                    </Menu.Item>
                    <Menu.Item onClick={() => void download.run(files.sessionIcs(session.id), 'session.ics')}>
                      {t('session.addToCalendar')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
                {session.status !== 'cancelled' && session.status !== 'done' ? (
                  <Button variant="outline" color="red.8" onClick={() => setCancelOpen(true)}>
                    {t('manage.cancelSession.action')}
                  </Button>
                ) : null}
              </>
            }
          />
          {session.status === 'cancelled' ? (
            <Alert color="red" variant="light" title={t('session.cancelledTitle')} mb="md" role="status">
              {session.cancelReason ?? t('session.cancelledNoReason')}
            </Alert>
          ) : null}
          {session.status === 'draft' ? (
            <Alert color="ochre" variant="light" mb="md" role="status">
              {t('manage.draftNotice')}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="lg">
            <Stat label={t('fields.status')}>
              <SessionStatusBadge status={session.status} />
            </Stat>
            <Stat label={t('staff.fillRate')}>
              <FillRate item={{ confirmedCount: session.confirmedCount, capacity: session.capacity, fillRate: session.capacity ? session.confirmedCount / session.capacity : 0 }} />
            </Stat>
            <Stat label={t('manage.offeredWaiting')}>
              {t('manage.offeredWaitingValue', { offered: formatNumber(session.offeredCount), waiting: formatNumber(session.waitingCount) })}
            </Stat>
            <Stat label={t('fields.signupDeadline')}>{formatDeadline(t, session.signupDeadline)}</Stat>
            <Stat label={t('session.place')}>
              <PlaceText place={session.place} />
            </Stat>
            <Stat label={t('fields.waitlistMode')}>
              {session.waitlistMode === 'offer'
                ? t('manage.modeOffer', { hours: session.offerHours })
                : t('sessionForm.modes.direct')}
            </Stat>
            <Stat label={t('fields.perEstablishmentCap')}>
              {session.perEstablishmentCap !== null ? formatNumber(session.perEstablishmentCap) : t('manage.noCap')}
            </Stat>
            <Stat label={t('manage.partnerView')}>
              <Anchor component={Link} to={`/formations/sessions/${session.id}`} size="sm">
                {t('manage.openPartnerView')}
              </Anchor>
            </Stat>
          </SimpleGrid>
          <Tabs value={tab} onChange={(v) => setParams(v && v !== 'inscrits' ? { onglet: v } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="inscrits">{t('manage.tabs.registrants')}</Tabs.Tab>
              <Tabs.Tab value="historique">{t('manage.tabs.history')}</Tabs.Tab>
              <Tabs.Tab value="enquete">{t('manage.tabs.survey')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="inscrits" pt="md">
              <RegistrantsTab session={session} />
            </Tabs.Panel>
            <Tabs.Panel value="historique" pt="md">
              <HistoryTab sessionId={session.id} />
            </Tabs.Panel>
            <Tabs.Panel value="enquete" pt="md">
              <SurveyTab sessionId={session.id} />
            </Tabs.Panel>
          </Tabs>
          <CancelSessionDialog key={String(cancelOpen)} session={session} opened={cancelOpen} onClose={() => setCancelOpen(false)} />
        </>
      )}
    </SessionFrame>
  );
}
