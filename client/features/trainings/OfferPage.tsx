import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState, PageSkeleton, useErrorMessage } from '../../components/States';
import { AuthCard } from '../accounts/AuthCard';
import { useMe } from '../accounts/signed-in';
import { useOffer, useOfferAnswer } from './api';
import { PlaceText } from './components';
import { formatDeadline, formatWhen } from './format';
import type { OfferState } from './types';

const FINAL_COLORS: Record<Exclude<OfferState, 'offered'>, string> = {
  accepted: 'cevennes',
  declined: 'gray',
  expired: 'ochre',
  cancelled: 'gray',
  invalid: 'red',
};

/**
 * The page an offer e-mail links to. Opening it changes nothing (mail
 * scanners follow links); only the buttons accept or decline the seat.
 */
export default function OfferPage() {
  const { t } = useTranslation('trainings');
  const { token = '' } = useParams();
  const offer = useOffer(token);
  const answer = useOfferAnswer(token);
  const me = useMe();
  const errorMessage = useErrorMessage();
  const [confirmDecline, setConfirmDecline] = useState(false);
  // The answer's state wins over the page's first reading.
  const state: OfferState | undefined = answer.data?.state ?? offer.data?.state;
  const session = offer.data?.session ?? null;

  return (
    <AuthCard title={t('offer.title')}>
      {offer.isPending ? <PageSkeleton lines={4} /> : null}
      {offer.isError ? <ErrorState error={offer.error} title={t('offer.invalidTitle')} /> : null}
      {offer.data && state ? (
        <Stack gap="md">
          {session ? (
            <Stack gap={4}>
              {offer.data.userName && state === 'offered' ? <Text>{t('offer.greeting', { name: offer.data.userName })}</Text> : null}
              <Text fw={700} size="lg">
                {session.title}
              </Text>
              <Text>{formatWhen(session.startsAt, session.endsAt)}</Text>
              <Text component="div">
                <PlaceText place={session.place} withLinks={false} />
              </Text>
            </Stack>
          ) : null}
          {state === 'offered' ? (
            <>
              <Text>
                {offer.data.expiresAt
                  ? t('offer.pending', { date: formatDeadline(t, offer.data.expiresAt) })
                  : t('offer.pendingNoDate')}
              </Text>
              {answer.isError ? (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(answer.error)}
                </Alert>
              ) : null}
              <Group gap="sm">
                <Button loading={answer.isPending && answer.variables === 'accept'} onClick={() => answer.mutate('accept')}>
                  {t('offer.accept')}
                </Button>
                <Button variant="default" disabled={answer.isPending} onClick={() => setConfirmDecline(true)}>
                  {t('offer.decline')}
                </Button>
              </Group>
            </>
          ) : (
            <Alert color={FINAL_COLORS[state]} variant="light" role="status" title={t(`offer.states.${state}.title`)}>
              {t(`offer.states.${state}.text`)}
            </Alert>
          )}
          {state !== 'offered' && state !== 'invalid' ? (
            me.data ? (
              <Anchor component={Link} to="/formations/mes-formations">
                {t('offer.toMine')}
              </Anchor>
            ) : (
              <Anchor component={Link} to={`/connexion?next=${encodeURIComponent('/formations/mes-formations')}`}>
                {t('offer.login')}
              </Anchor>
            )
          ) : null}
        </Stack>
      ) : null}
      <ConfirmDialog
        opened={confirmDecline}
        title={t('actions.confirmDeclineTitle')}
        message={t('actions.confirmDeclineMessage', { title: session?.title ?? '' })}
        confirmLabel={t('offer.decline')}
        danger
        loading={answer.isPending}
        onConfirm={() => answer.mutate('decline', { onSettled: () => setConfirmDecline(false) })}
        onCancel={() => setConfirmDecline(false)}
      />
    </AuthCard>
  );
}
