import { Button, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorMessage } from '../../components/States';
import { useRegistrationAction, useSignUp, type RegistrationAction } from './api';
import { beforeDeadline, formatDeadline } from './format';
import type { MyRegistration, Registration } from './types';

interface SessionRef {
  id: string;
  title: string;
  signupDeadline: string;
}

/** What to tell someone after a sign-up: confirmed, or their place in the queue. */
export function signUpMessage(t: TFunction<'trainings'>, registration: Registration, name?: string): string {
  if (registration.status === 'confirmed') return name ? t('signUp.colleagueConfirmed', { name }) : t('signUp.confirmed');
  const position = registration.position ?? 0;
  return name ? t('signUp.colleagueWaiting', { name, position }) : t('signUp.waiting', { position });
}

/** "M'inscrire" (or "Rejoindre la liste d'attente" when full), for oneself or for a colleague. */
export function SignUpButton({ session, full, userId, name, size = 'md' }: { session: SessionRef; full: boolean; userId?: string; name?: string; size?: 'md' | 'sm' | 'xs' }) {
  const { t } = useTranslation('trainings');
  const signUp = useSignUp(session.id);
  const errorMessage = useErrorMessage();
  // A double click fires twice before the mutation's pending state reaches the button: one submission, one answer.
  const submitting = useRef(false);
  const label = userId
    ? t('signUp.forColleague')
    : full
      ? t('signUp.joinWaitingList')
      : t('signUp.self');
  return (
    <Button
      size={size}
      loading={signUp.isPending}
      aria-label={userId && name ? t('signUp.forColleagueNamed', { name }) : undefined}
      onClick={async () => {
        if (submitting.current) return;
        submitting.current = true;
        // mutateAsync: the button disappears once signed up, and the message must still be shown.
        try {
          const registration = await signUp.mutateAsync(userId);
          notifications.show({ color: 'cevennes', message: signUpMessage(t, registration, name) });
        } catch (error) {
          notifications.show({ color: 'red', message: errorMessage(error) });
        } finally {
          submitting.current = false;
        }
      }}
    >
      {label}
    </Button>
  );
}

interface RegistrationActionsProps {
  session: SessionRef;
  registration: MyRegistration;
  /** Staff may cancel at any time; partners only before the sign-up deadline (the server decides in the end). */
  staff?: boolean;
  /** Acting for a colleague: the buttons and messages name them. */
  personName?: string;
  size?: 'md' | 'sm' | 'xs';
}

const DONE_MESSAGES: Record<RegistrationAction, string> = {
  cancel: 'actions.cancelled',
  accept: 'actions.accepted',
  decline: 'actions.declined',
  promote: 'actions.promoted',
};

/**
 * The moves open to a registration: accept or decline an offer, leave the
 * waiting list, cancel a seat. Everything that gives a seat away asks first.
 */
export function RegistrationActions({ session, registration, staff = false, personName, size = 'sm' }: RegistrationActionsProps) {
  const { t } = useTranslation('trainings');
  const action = useRegistrationAction();
  const errorMessage = useErrorMessage();
  const [confirm, setConfirm] = useState<RegistrationAction | null>(null);
  const who = personName ? { name: personName } : undefined;

  // mutateAsync: these buttons unmount when the registration changes, and the outcome must still be told.
  const run = async (kind: RegistrationAction) => {
    try {
      await action.mutateAsync({ id: registration.id, action: kind });
      notifications.show({ color: 'cevennes', message: t(DONE_MESSAGES[kind] as 'actions.cancelled', { title: session.title }) });
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setConfirm(null);
    }
  };

  const { status } = registration;
  const canCancelSeat = staff || beforeDeadline(session.signupDeadline);

  return (
    <>
      <Group gap="xs">
        {status === 'offered' ? (
          <>
            <Button size={size} loading={action.isPending && action.variables?.action === 'accept'} onClick={() => void run('accept')}>
              {t('actions.accept')}
            </Button>
            <Button size={size} variant="default" onClick={() => setConfirm('decline')}>
              {t('actions.decline')}
            </Button>
          </>
        ) : null}
        {status === 'waiting' ? (
          <Button size={size} variant="default" onClick={() => setConfirm('cancel')}>
            {personName ? t('actions.leaveWaitingFor', { name: personName }) : t('actions.leaveWaiting')}
          </Button>
        ) : null}
        {status === 'confirmed' && canCancelSeat ? (
          <Button size={size} variant="default" color="red.8" onClick={() => setConfirm('cancel')}>
            {personName ? t('actions.cancelFor', { name: personName }) : t('actions.cancel')}
          </Button>
        ) : null}
      </Group>
      {status === 'confirmed' && !canCancelSeat ? (
        <Text size="sm" c="dimmed">
          {t('actions.cancelClosed', { date: formatDeadline(t, session.signupDeadline) })}
        </Text>
      ) : null}
      <ConfirmDialog
        opened={confirm !== null}
        title={
          confirm === 'decline'
            ? t('actions.confirmDeclineTitle')
            : status === 'waiting'
              ? t('actions.confirmLeaveTitle')
              : t('actions.confirmCancelTitle')
        }
        message={
          confirm === 'decline'
            ? t('actions.confirmDeclineMessage', { title: session.title })
            : status === 'waiting'
              ? t('actions.confirmLeaveMessage', { title: session.title, ...who })
              : personName
                ? t('actions.confirmCancelOtherMessage', { title: session.title, name: personName })
                : t('actions.confirmCancelMessage', { title: session.title })
        }
        confirmLabel={
          confirm === 'decline' ? t('actions.decline') : status === 'waiting' ? t('actions.leaveWaitingShort') : t('actions.cancelShort')
        }
        danger
        loading={action.isPending}
        onConfirm={() => confirm && void run(confirm)}
        onCancel={() => setConfirm(null)}
      />
    </>
  );
}
