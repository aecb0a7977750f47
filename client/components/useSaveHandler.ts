import { notifications } from '@mantine/notifications';
import { useErrorMessage } from './States';

/**
 * A form's onSubmit: the save, then what follows it (a notice, a redirect).
 * A failure is announced as a notification and re-thrown, so that the form
 * still marks the fields the server named.
 */
export function useSaveHandler<B, R>(save: (body: B) => Promise<R>, onSaved: (saved: R) => unknown) {
  const errorMessage = useErrorMessage();
  return async (body: B): Promise<void> => {
    try {
      await onSaved(await save(body));
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
      throw error;
    }
  };
}
