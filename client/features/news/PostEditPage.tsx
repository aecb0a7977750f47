import { Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton, useErrorMessage } from '../../components/States';
import { useSaveHandler } from '../../components/useSaveHandler';
import { uploadCover, useDeletePost, usePost, useSavePost } from './api';
import { STATE_COLORS } from './format';
import { PostForm } from './PostForm';
import type { NewsPostCreateBody, NewsPostDetail } from './types';

/** Staff: write a new post, or edit one (then preview it as a partner, or delete it). */
export default function PostEditPage() {
  const { id } = useParams();
  const post = usePost(id);
  if (id && post.isPending) return <PageSkeleton />;
  if (id && post.isError) return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
  return <Editor key={post.data?.id ?? 'new'} post={post.data} />;
}

function Editor({ post }: { post: NewsPostDetail | undefined }) {
  const { t } = useTranslation('news');
  const navigate = useNavigate();
  const save = useSavePost(post?.id);
  const remove = useDeletePost();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const title = post ? t('editor.editTitle') : t('editor.newTitle');

  const onSubmit = useSaveHandler(
    async ({ body, cover }: { body: NewsPostCreateBody; cover: { file: File; alt: string } | null }) => {
      const saved = await save.mutateAsync(body);
      if (!cover) return saved;
      try {
        return await uploadCover(saved.id, cover.alt, cover.file);
      } catch (error) {
        // The post is saved: a new one is edited from now on (another submit would create a second post).
        if (!post) navigate(`/actualites/gestion/${saved.id}`, { replace: true });
        throw error;
      }
    },
    (saved) => {
      notifications.show({ color: 'cevennes', message: t(`editor.saved.${saved.state}`) });
      if (!post) navigate(`/actualites/gestion/${saved.id}`, { replace: true });
    },
  );

  return (
    <>
      <PageBreadcrumbs links={[{ to: '/actualites/gestion', label: t('staff.title') }]} current={post?.title ?? title} />
      <PageHeader
        title={title}
        description={post ? <Badge color={STATE_COLORS[post.state]} variant="light">{t(`states.${post.state}`)}</Badge> : undefined}
        actions={
          post ? (
            <Group gap="sm">
              <Button variant="default" component={Link} to={`/actualites/gestion/${post.id}/apercu`}>
                {t('preview.action')}
              </Button>
              {post.state === 'live' ? (
                <Button variant="subtle" component={Link} to={`/actualites/${post.id}`}>
                  {t('editor.view')}
                </Button>
              ) : null}
              <Button variant="subtle" color="red.9" onClick={() => setConfirming(true)}>
                {t('editor.delete')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <PostForm post={post} saving={save.isPending} onSubmit={(body, cover) => onSubmit({ body, cover })} />
      {post ? (
        <ConfirmDialog
          opened={confirming}
          title={t('editor.deleteTitle')}
          message={t('editor.deleteMessage', { title: post.title })}
          confirmLabel={t('editor.delete')}
          loading={remove.isPending}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(post.id, {
              onSuccess: () => {
                notifications.show({ color: 'cevennes', message: t('editor.deleted') });
                navigate('/actualites/gestion');
              },
              onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
            })
          }
        />
      ) : null}
    </>
  );
}
