import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOutOnPurpose } from '../signed-in';

/** After an action that ends the session everywhere (all devices signed out, the account erased): say so, then log-in. */
export function useSignedOutNow() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (message: string) => {
    notifications.show({ color: 'cevennes', message });
    signOutOnPurpose(queryClient);
    await navigate('/connexion', { replace: true });
  };
}
