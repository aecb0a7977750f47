import { Badge, Menu, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable, PersonName, type DataColumn } from '../../../components/DataTable';
import { QueryState } from '../../../components/QueryState';
import { RowActionsMenu } from '../../../components/RowActionsMenu';
import { useErrorMessage } from '../../../components/States';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useRegistrationAction, useRegistrations, type RegistrationAction } from '../api';
import type { Registration, SessionDetail } from '../types';
import { SignUpAnyone } from './SignUpAnyone';

interface PendingAction {
  registration: Registration;
  action: RegistrationAction;
}

/** The row's « ⋯ » menu: what staff may do for this person (promote, accept or decline for them, cancel). */
function RegistrantActions({ r, onAction }: { r: Registration; onAction: (p: PendingAction) => void }) {
  const { t } = useTranslation('trainings');
  return (
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
  );
}

/** One group of registrants (its title with its count, then its table, or a line saying it is empty). */
function RegistrantGroup({ group, rows, minWidth, columns }: { group: 'confirmed' | 'offered' | 'waiting' | 'inactive'; rows: Registration[]; minWidth: number; columns: DataColumn<Registration>[] }) {
  const { t } = useTranslation('trainings');
  return (
    <Stack gap="xs" component="section">
      <Title order={3} fz="h4">
        {t(`manage.groups.${group}`)} ({formatNumber(rows.length)})
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`manage.groups.${group}Empty`)}
        </Text>
      ) : (
        <DataTable dense minWidth={minWidth} rows={rows} rowKey={(r) => r.id} columns={columns} />
      )}
    </Stack>
  );
}

/** The session's registrants by state (confirmed, offered a seat, waiting, no longer registered), with staff's actions on each. */
export function RegistrantsTab({ session }: { session: SessionDetail }) {
  const { t } = useTranslation('trainings');
  const groups = useRegistrations(session.id);
  const action = useRegistrationAction();
  const errorMessage = useErrorMessage();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const attendanceLabel = (r: Registration) =>
    r.attendance === 'present' ? t('attendance.present') : r.attendance === 'absent' ? t('attendance.absent') : '—';
  // The columns the four groups share.
  const person: DataColumn<Registration> = { label: t('fields.name'), card: 'title', cell: (r) => <PersonName name={r.user.name} email={r.user.email} /> };
  const establishment: DataColumn<Registration> = { label: t('fields.establishment'), cell: (r) => r.establishment?.name ?? '—' };
  const actions: DataColumn<Registration> = { label: t('common.actions'), card: 'actions', cell: (r) => <RegistrantActions r={r} onAction={setPending} /> };

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
            <RegistrantGroup
              group="confirmed"
              rows={data.confirmed}
              minWidth={720}
              columns={[
                person,
                establishment,
                { label: t('manage.confirmedAt'), cell: (r) => formatDateTime(r.confirmedAt ?? r.createdAt) },
                { label: t('manage.registeredBy'), cell: (r) => (r.registeredBy && r.registeredBy.id !== r.user.id ? r.registeredBy.name : t('manage.self')) },
                { label: t('attendance.title'), cell: attendanceLabel },
                actions,
              ]}
            />
            <RegistrantGroup
              group="offered"
              rows={data.offered}
              minWidth={600}
              columns={[person, establishment, { label: t('manage.offerExpires'), cell: (r) => (r.offerExpiresAt ? formatDateTime(r.offerExpiresAt) : '—') }, actions]}
            />
            <RegistrantGroup
              group="waiting"
              rows={data.waiting}
              minWidth={600}
              columns={[{ label: t('manage.position'), cell: (r) => r.position ?? '—' }, person, establishment, { label: t('manage.since'), cell: (r) => formatDateTime(r.createdAt) }, actions]}
            />
            <RegistrantGroup
              group="inactive"
              rows={data.inactive}
              minWidth={600}
              columns={[
                person,
                establishment,
                { label: t('fields.status'), card: 'status', cell: (r) => <Badge variant="outline" color="gray.7" tt="none">{t(`registration.status.${r.status}`)}</Badge> },
                { label: t('manage.endedAt'), cell: (r) => (r.cancelledAt ? formatDateTime(r.cancelledAt) : '—') },
              ]}
            />
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
