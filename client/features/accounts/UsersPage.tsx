import { Badge, Button, CloseButton, Group, Menu, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PersonName } from '../../components/DataTable';
import { FilterPanel, FilterSearch, FilterSelect } from '../../components/FilterPanel';
import { PageHeader } from '../../components/PageHeader';
import { FilteredTable } from '../../components/FilteredList';
import { RowActionsMenu } from '../../components/RowActionsMenu';
import { useErrorMessage } from '../../components/States';
import { useListFilters } from '../../components/useListFilters';
import { formatDateTime } from '../../lib/format';
import { useEstablishment, useResendInvitation, useUpdateUser, useUsers } from './api';
import { EstablishmentSelect, OfficeSelect } from './pickers';
import { useUser } from './signed-in';
import { ROLES } from '../../../common/roles';
import type { Me, Role, UserListItem } from './types';

const PAGE_SIZE = 20;
const FILTERS = ['search', 'role', 'status', 'establishmentId'] as const;
const STATUS_COLORS = { active: 'cevennes', invited: 'ochre', disabled: 'gray' } as const;

/** What the signed-in user may do to this account (the server enforces the same rules). */
function permissionsOn(me: Me, target: UserListItem) {
  const self = me.id === target.id;
  const admin = me.role === 'admin';
  return {
    toggleStatus: !self && target.status !== 'invited' && (admin || target.role === 'partner'),
    changeRole: !self && admin,
    resend: target.status === 'invited' && (admin || target.role === 'partner'),
  };
}

/** Staff and admins: the network's accounts, with invitation, disable/enable and (admins) role changes. */
export default function UsersPage() {
  const { t } = useTranslation('accounts');
  const me = useUser();
  const filters = useListFilters(FILTERS, { search: 'search' });
  const { values, page, set } = filters;
  const list = useUsers({ ...values, page, pageSize: PAGE_SIZE });
  const establishment = useEstablishment(values.establishmentId || undefined);

  const [statusTarget, setStatusTarget] = useState<UserListItem | null>(null);
  const [roleTarget, setRoleTarget] = useState<UserListItem | null>(null);
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();
  const inviteLink = values.establishmentId ? `/utilisateurs/inviter?establishmentId=${values.establishmentId}` : '/utilisateurs/inviter';
  const inviteButton = (
    <Button component={Link} to={inviteLink}>
      {t('users.invite.title')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.description')} actions={inviteButton} />
      <FilterPanel
        cols={{ base: 1, sm: 3 }}
        {...filters.panel}
        below={
          values.establishmentId ? (
            <Group gap="xs" mt="sm">
              <Badge variant="light" color="cevennes" size="lg" tt="none" rightSection={
                <CloseButton size="xs" aria-label={t('users.clearEstablishment')} onClick={() => set({ establishmentId: null })} />
              }>
                {t('common.labelled', { label: t('fields.establishment'), value: establishment.data?.name ?? '…' })}
              </Badge>
            </Group>
          ) : null
        }
      >
        <FilterSearch description={t('users.searchHelp')} {...filters.search} />
        <FilterSelect
          label={t('fields.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          {...filters.field('role')}
        />
        <FilterSelect
          label={t('fields.status')}
          data={(['active', 'invited', 'disabled'] as const).map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
          {...filters.field('status')}
        />
      </FilterPanel>

      <FilteredTable
        query={list}
        params={filters}
        empty={{ filteredTitle: t('users.emptyFiltered'), title: t('users.empty'), action: inviteButton }}
        count={(n) => t('users.count', n)}
        minWidth={860}
        rowKey={(u) => u.id}
        columns={[
          { label: t('fields.name'), card: 'title', cell: (u) => <PersonName name={u.id === me.id ? `${u.name} (${t('users.you')})` : u.name} email={u.email} /> },
          { label: t('fields.role'), cell: (u) => t(`roles.${u.role}`) },
          {
            label: t('fields.status'),
            card: 'status',
            cell: (u) => (
              <Badge color={STATUS_COLORS[u.status]} variant="light">
                {t(`users.status.${u.status}`)}
              </Badge>
            ),
          },
          { label: t('users.attachment'), cell: (u) => u.establishment?.name ?? u.office?.name ?? '—' },
          { label: t('users.lastLogin'), cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')) },
          { label: t('common.actions'), card: 'actions', cell: (u) => <UserActions user={u} onStatus={setStatusTarget} onRole={setRoleTarget} /> },
        ]}
      />

      <ConfirmDialog
        opened={statusTarget !== null}
        title={statusTarget?.status === 'active' ? t('users.disableTitle') : t('users.enableTitle')}
        message={
          statusTarget?.status === 'active'
            ? t('users.disableMessage', { name: statusTarget?.name ?? '' })
            : t('users.enableMessage', { name: statusTarget?.name ?? '' })
        }
        confirmLabel={statusTarget?.status === 'active' ? t('users.disable') : t('users.enable')}
        danger={statusTarget?.status === 'active'}
        loading={update.isPending}
        onCancel={() => setStatusTarget(null)}
        onConfirm={() => {
          if (!statusTarget) return;
          const status = statusTarget.status === 'active' ? 'disabled' : 'active';
          update.mutate(
            { id: statusTarget.id, status },
            {
              onSuccess: (u) => {
                notifications.show({ color: 'cevennes', message: status === 'disabled' ? t('users.disabled', { name: u.name }) : t('users.enabled', { name: u.name }) });
                setStatusTarget(null);
              },
              onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
            },
          );
        }}
      />
      <RoleDialog target={roleTarget} onClose={() => setRoleTarget(null)} />
    </>
  );
}

/** The row's « ⋯ » menu: re-send the invitation, change the role, disable or enable (what the signed-in user may do). */
function UserActions({ user: u, onStatus, onRole }: { user: UserListItem; onStatus: (u: UserListItem) => void; onRole: (u: UserListItem) => void }) {
  const { t } = useTranslation('accounts');
  const me = useUser();
  const resend = useResendInvitation();
  const errorMessage = useErrorMessage();
  const can = permissionsOn(me, u);
  if (!can.toggleStatus && !can.changeRole && !can.resend) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <RowActionsMenu label={t('users.actionsFor', { name: u.name })}>
      {can.resend ? (
        <Menu.Item
          onClick={() =>
            resend.mutate(u.id, {
              onSuccess: () => notifications.show({ color: 'cevennes', message: t('users.resent', { email: u.email }) }),
              onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
            })
          }
        >
          {t('users.resend')}
        </Menu.Item>
      ) : null}
      {can.changeRole ? <Menu.Item onClick={() => onRole(u)}>{t('users.changeRole')}</Menu.Item> : null}
      {can.toggleStatus ? (
        <Menu.Item color={u.status === 'active' ? 'red.8' : undefined} onClick={() => onStatus(u)}>
          {u.status === 'active' ? t('users.disable') : t('users.enable')}
        </Menu.Item>
      ) : null}
    </RowActionsMenu>
  );
}

/** Admins change a user's role; a partner needs an establishment and a staff member an office. */
function RoleDialog({ target, onClose }: { target: UserListItem | null; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();
  const [role, setRole] = useState<Role>('partner');
  const [establishmentId, setEstablishmentId] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    setRole(target.role);
    setEstablishmentId(target.establishment?.id ?? '');
    setOfficeId(target.office?.id ?? '');
    setError(null);
  }, [target]);

  const missing = (role === 'partner' && !establishmentId) || (role === 'staff' && !officeId);
  return (
    <ConfirmDialog
      opened={target !== null}
      title={t('users.changeRoleTitle', { name: target?.name ?? '' })}
      message={t('users.changeRoleMessage')}
      confirmLabel={t('common.save')}
      loading={update.isPending}
      confirmDisabled={missing || (role === target?.role && establishmentId === (target?.establishment?.id ?? '') && officeId === (target?.office?.id ?? ''))}
      onCancel={onClose}
      onConfirm={() => {
        if (!target || missing) return;
        update.mutate(
          {
            id: target.id,
            role,
            establishmentId: role === 'partner' ? establishmentId : null,
            // An administrator may keep the office they belong to.
            ...(role === 'admin' ? {} : { officeId: role === 'staff' ? officeId : null }),
          },
          {
            onSuccess: (u) => {
              notifications.show({ color: 'cevennes', message: t('users.roleChanged', { name: u.name, role: t(`roles.${u.role}`) }) });
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      {error ? (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
      <Select
        label={t('fields.role')}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={role}
        onChange={(v) => v && setRole(v as Role)}
        allowDeselect={false}
        data-autofocus
      />
      {role === 'partner' ? (
        <EstablishmentSelect label={t('fields.establishment')} required value={establishmentId} onChange={setEstablishmentId} comboboxProps={{ withinPortal: true }} />
      ) : null}
      {role === 'staff' ? <OfficeSelect label={t('fields.office')} required value={officeId} onChange={setOfficeId} /> : null}
    </ConfirmDialog>
  );
}
