import { Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useErrorMessage } from '../../../components/States';
import { useCancelSession } from '../api';
import { LIMITS, type SessionDetail } from '../types';

/** Cancelling a session, with an optional reason sent to its registrants. */
export function CancelSessionDialog({ session, opened, onClose }: { session: SessionDetail; opened: boolean; onClose: () => void }) {
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
