import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isStaff } from '../../../common/roles';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton } from '../../components/States';
import { useUser } from '../accounts/signed-in';
import { usePost } from './api';
import { PostView } from './components';
import { PostComments } from './participation/PostComments';

/** One post, as its reader sees it; opening it marks it read. Comments below (participation). */
export default function PostPage() {
  const { t } = useTranslation('news');
  const { id } = useParams();
  const user = useUser();
  const post = usePost(id);
  if (post.isPending) return <PageSkeleton />;
  if (post.isError) return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
  return (
    <>
      <PageBreadcrumbs links={[{ to: '/actualites', label: t('feed.title') }]} current={post.data.title} />
      <PageHeader
        title={post.data.title}
        actions={
          isStaff(user) ? (
            <Group gap="sm">
              <Button variant="default" component={Link} to={`/actualites/gestion/${post.data.id}`}>
                {t('post.edit')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <PostView post={post.data} />
      {/* ---- Comments: the participation engineer's component (branch news-participation) ---- */}
      <PostComments target={{ kind: 'post', id: post.data.id }} />
    </>
  );
}
