import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/States';
import { useUnsubscribe, useUnsubscribeInfo } from './api';
import { PREFERENCES_PATH } from './paths';

/**
 * Public: where an unsubscribe link opened in a browser lands. Opening it
 * changes nothing (mail scanners follow links); the button does.
 */
export default function UnsubscribePage() {
  const { t, i18n } = useTranslation('newsletters');
  const { token = '' } = useParams();
  const info = useUnsubscribeInfo(token);
  const unsubscribe = useUnsubscribe(token);
  const en = i18n.language.startsWith('en');
  return (
    <Stack maw={560} mx="auto">
      <PageHeader title={t('unsubscribe.title')} />
      {info.isPending && <PageSkeleton lines={2} />}
      {info.isError && <Alert color="red" title={t('unsubscribe.invalidTitle')}>{t('unsubscribe.invalid')}</Alert>}
      {info.data && (
        <Card withBorder>
          {unsubscribe.isSuccess || !info.data.subscribed ? (
            <Stack>
              <Text role="status" fw={600}>{t('unsubscribe.done', { topic: en ? info.data.topicName.en : info.data.topicName.fr, address: info.data.address })}</Text>
              <Text size="sm">{t('unsubscribe.preferences')} <Link to={PREFERENCES_PATH}>{t('preferences.title')}</Link></Text>
            </Stack>
          ) : (
            <Stack>
              <Text>{t('unsubscribe.confirm', { topic: en ? info.data.topicName.en : info.data.topicName.fr, address: info.data.address })}</Text>
              {unsubscribe.isError && <Alert color="red">{t('unsubscribe.failed')}</Alert>}
              <Button onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending} style={{ alignSelf: 'flex-start' }}>{t('unsubscribe.button')}</Button>
            </Stack>
          )}
        </Card>
      )}
    </Stack>
  );
}
