import { Button, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFollows, useToggleFollow } from './api';

/** The folder view's toggle: following a folder mails its new documents (within the reader's audience). */
export function FollowFolderButton({ folderId }: { folderId: string }) {
  const { t } = useTranslation('contributions');
  const follows = useFollows();
  const toggle = useToggleFollow();
  const following = follows.data?.includes(folderId) ?? false;
  return (
    <Tooltip label={t('follow.help')}>
      <Button
        variant={following ? 'light' : 'outline'}
        aria-pressed={following}
        loading={toggle.isPending || follows.isLoading}
        onClick={() => toggle.mutate({ folderId, follow: !following })}
      >
        {following ? t('follow.following') : t('follow.follow')}
      </Button>
    </Tooltip>
  );
}
