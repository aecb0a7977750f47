import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { useErrorNotice } from './States';

/**
 * A form's onSubmit: the save, then what follows it (a notice, a redirect).
 * A failure is announced as a notification and re-thrown, so that the form
 * still marks the fields the server named.
 *
 * One save at a time: a second submit while the first is pending (a double
 * click lands before React re-renders the button as disabled) is ignored.
 * Behind it, the api client sends the same Idempotency-Key for the same
 * request (client/lib/api.ts), so a second tab or a retry does not create
 * twice either.
 */
export function useSaveHandler<B, R>(save: (body: B) => Promise<R>, onSaved: (saved: R) => unknown) {
  const notifyError = useErrorNotice();
  const pending = useRef(false);
  return async (body: B): Promise<void> => {
    if (pending.current) return;
    pending.current = true;
    try {
      await onSaved(await save(body));
    } catch (error) {
      notifyError(error);
      throw error;
    } finally {
      pending.current = false;
    }
  };
}

interface FormPageSaveOptions<R> {
  /** No record yet (a "nouveau" address): the address gone to after saving replaces it in the history. */
  creating: boolean;
  /** The notification once saved. */
  savedMessage: (saved: R) => string;
  /** Anything more to say once saved (before leaving the page). */
  alsoSay?: (saved: R) => void;
  /** Where to go once saved; null stays on the form. */
  next: (saved: R) => string | null;
  /** Where "Annuler" goes back to. */
  cancelTo: string;
}

/**
 * What a create-or-edit page hands its form: the save (as useSaveHandler runs it) followed by
 * its notification and the way on, whether it is running, and "Annuler".
 */
export function useFormPageSave<B, R>(save: { mutateAsync: (body: B) => Promise<R>; isPending: boolean }, options: FormPageSaveOptions<R>) {
  const navigate = useNavigate();
  const { creating, savedMessage, alsoSay, next, cancelTo } = options;
  const onSubmit = useSaveHandler(save.mutateAsync, async (saved) => {
    notifications.show({ color: 'cevennes', message: savedMessage(saved) });
    alsoSay?.(saved);
    const to = next(saved);
    if (to) await navigate(to, { replace: creating });
  });
  return { saving: save.isPending, onSubmit, onCancel: () => void navigate(cancelTo) };
}
