import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSkeleton, useErrorMessage } from '../../components/States';
import { useDownload } from '../../components/useDownload';
import { formatDateTime, formatNumber } from '../../lib/format';
import { files, useRegistrations, useSession, useSetAttendance } from './api';
import { TrainingsNav } from './components';
import { formatWhen } from './format';
import type { Attendance, Registration } from './types';

/** Two big toggles per person (pressed = recorded); pressing the recorded one again clears it. */
/** The two toggles of a row: pressed shows its mark; pressing it again clears it. */
const ATTENDANCE_BUTTONS = [
  { value: 'present', mark: '✓ ', color: 'cevennes' },
  { value: 'absent', mark: '✗ ', color: 'red.8' },
] as const;

function PersonRow({ r, onSet, disabled }: { r: Registration; onSet: (attendance: Attendance) => void; disabled: boolean }) {
  const { t } = useTranslation('trainings');
  const nameId = `attendee-${r.id}`;
  const set = (value: Exclude<Attendance, null>) => onSet(r.attendance === value ? null : value);
  return (
    <Paper withBorder radius="md" p="sm" component="li">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <div style={{ minWidth: 0, flex: '1 1 10rem' }}>
          <Text fw={700} id={nameId}>
            {r.user.name}
          </Text>
          <Text size="sm" c="dimmed">
            {r.establishment?.name ?? r.user.email}
          </Text>
        </div>
        <Group gap="xs" role="group" aria-labelledby={nameId} wrap="nowrap" style={{ flex: '1 1 14rem' }}>
          {ATTENDANCE_BUTTONS.map(({ value, mark, color }) => (
            <Button
              key={value}
              size="md"
              h={52}
              px="xs"
              flex={1}
              variant={r.attendance === value ? 'filled' : 'default'}
              color={color}
              aria-pressed={r.attendance === value}
              disabled={disabled}
              onClick={() => set(value)}
            >
              {r.attendance === value ? mark : ''}
              {t(`attendance.${value}`)}
            </Button>
          ))}
        </Group>
      </Group>
    </Paper>
  );
}

/** Staff: attendance taken on a phone during the session, one person per row. */
export default function AttendancePage() {
  const { t } = useTranslation('trainings');
  const { id = '' } = useParams();
  const session = useSession(id);
  const groups = useRegistrations(id);
  const setAttendance = useSetAttendance(id);
  const errorMessage = useErrorMessage();
  const download = useDownload();
  const [filter, setFilter] = useState('');
  const confirmed = groups.data?.confirmed ?? [];
  const counts = useMemo(
    () => ({
      present: confirmed.filter((r) => r.attendance === 'present').length,
      absent: confirmed.filter((r) => r.attendance === 'absent').length,
      unknown: confirmed.filter((r) => r.attendance === null).length,
    }),
    [confirmed],
  );
  const shown = filter.trim()
    ? confirmed.filter((r) => `${r.user.name} ${r.establishment?.name ?? ''}`.toLowerCase().includes(filter.trim().toLowerCase()))
    : confirmed;

  // The api refuses attendance before the start (no certificate in advance): say so, and keep the list for the roll call.
  const notStarted = session.data ? new Date(session.data.startsAt).getTime() > Date.now() : false;

  return (
    <>
      <TrainingsNav />
      <PageBreadcrumbs
        links={[
          { to: '/formations/gestion', label: t('staff.title') },
          { to: `/formations/gestion/sessions/${id}`, label: session.data?.title ?? t('session.title') },
        ]}
        current={t('attendance.title')}
      />
      <PageHeader
        title={t('attendance.pageTitle')}
        description={session.data ? `${session.data.title} — ${formatWhen(session.data.startsAt, session.data.endsAt)}` : undefined}
        actions={
          <Button variant="default" onClick={() => void download.run(files.signatureSheet(id), 'feuille-emargement.pdf')}>
            {t('manage.exportSignature')}
          </Button>
        }
      />
      {groups.isPending || session.isPending ? <PageSkeleton lines={6} /> : null}
      {groups.isError ? <ErrorState error={groups.error} onRetry={() => void groups.refetch()} /> : null}
      {notStarted && session.data ? (
        <Alert color="blue" variant="light" mb="md" title={t('attendance.notYetTitle')}>
          {t('attendance.notYet', { date: formatDateTime(session.data.startsAt) })}
        </Alert>
      ) : null}
      {groups.data && confirmed.length === 0 ? <EmptyState title={t('attendance.empty')} /> : null}
      {confirmed.length > 0 ? (
        <Stack gap="md">
          <Paper withBorder radius="md" p="sm" style={{ position: 'sticky', top: 72, zIndex: 2 }}>
            <Text fw={600} role="status" aria-live="polite">
              {[
                t('attendance.present', { count: counts.present, n: formatNumber(counts.present) }),
                t('attendance.absent', { count: counts.absent, n: formatNumber(counts.absent) }),
                t('attendance.unknown', { n: formatNumber(counts.unknown) }),
              ].join(' · ')}
            </Text>
          </Paper>
          {confirmed.length > 8 ? (
            <TextInput label={t('attendance.filter')} type="search" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
          ) : null}
          <Title order={2} fz="h4">
            {t('attendance.listTitle')}
          </Title>
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {shown.map((r) => (
              <PersonRow
                key={r.id}
                r={r}
                disabled={notStarted}
                onSet={(attendance) =>
                  setAttendance.mutate(
                    { id: r.id, attendance },
                    { onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }) },
                  )
                }
              />
            ))}
          </Stack>
        </Stack>
      ) : null}
    </>
  );
}
