import type { ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { useErrorNotice } from './States';

/** A delete mutation (TanStack Query's `useMutation`), run on one id. */
interface DeleteMutation<Id> {
  mutate: (id: Id, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

interface DeleteDialogProps<Id> {
  /** What would be deleted: the dialog is open while it is set. */
  id: Id | null;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  mutation: DeleteMutation<Id>;
  /** After the deletion: a notice, closing the dialog, leaving the deleted thing's page… */
  onDeleted: () => void;
  /** « Annuler » or Escape; also run after a refusal unless `openOnRefusal`. */
  onClose: () => void;
  /** After a refusal (notified), the dialog stays open instead of closing. */
  openOnRefusal?: boolean;
}

/** Asks before deleting (the confirm button red), runs the delete, and says a refusal (a 409 says why) in a notification. */
export function DeleteDialog<Id>({ id, mutation, onDeleted, onClose, openOnRefusal = false, ...text }: DeleteDialogProps<Id>) {
  const notifyError = useErrorNotice();
  return (
    <ConfirmDialog
      {...text}
      opened={id !== null}
      danger
      loading={mutation.isPending}
      onCancel={onClose}
      onConfirm={() => {
        if (id === null) return;
        mutation.mutate(id, {
          onSuccess: onDeleted,
          onError: (error) => {
            notifyError(error);
            if (!openOnRefusal) onClose();
          },
        });
      }}
    />
  );
}
