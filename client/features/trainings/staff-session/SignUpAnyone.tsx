import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/States';
import { useSignUp } from '../api';
import { signUpMessage } from '../RegistrationActions';
import type { SessionDetail } from '../types';
import { UserPicker } from '../UserPicker';

/** Staff sign up anyone (partner, staff) by searching their account. */
export function SignUpAnyone({ session }: { session: SessionDetail }) {
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
