import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NEWS_LIMITS } from '../../../../common/news';
import type { NewsComment } from '../../../../server/schemas/news';
import { CountedTextarea } from '../../../components/CountedTextarea';
import { QueryState } from '../../../components/QueryState';
import { useUser } from '../../accounts/signed-in';
import { formatDateTime } from '../../../lib/format';
import { ApiError } from '../../../lib/api';
import {
  useComments, useDeleteComment, useEditComment, useHideComment, useMute, usePostComment, useReaction, useReportComment, type CommentTarget,
} from './api';
import { LinkifiedText } from './LinkifiedText';

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/**
 * The comments of a post or a published experience sheet: the list (links
 * clickable, hidden ones shown as « masqué par la modération »), the form
 * with its counter, the author's edit within 15 minutes and delete, report,
 * « utile », staff's hide, and the post's mute switch.
 */
export function PostComments({ target, muted }: { target: CommentTarget; muted?: boolean }) {
  const { t } = useTranslation('news');
  const me = useUser();
  const [page] = useState(1);
  const query = useComments(target, page);
  const create = usePostComment(target);
  const mute = useMute(target.id);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await create.mutateAsync(draft);
      setDraft('');
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <Stack component="section" aria-labelledby="comments-title" gap="md" mt="xl">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} id="comments-title" fz="h3">
          {t('participation.comments.title', { count: query.data?.total ?? 0 })}
        </Title>
        {target.kind === 'post' && muted !== undefined ? (
          <Button variant="subtle" size="compact-sm" loading={mute.isPending} onClick={() => mute.mutate(!muted)} aria-pressed={muted}>
            {muted ? t('participation.comments.unmute') : t('participation.comments.mute')}
          </Button>
        ) : null}
      </Group>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={<Text c="dimmed">{t('participation.comments.empty')}</Text>}>
        {(data) => (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.items.map((c) => (
              <li key={c.id}>
                <CommentItem comment={c} staff={me.role !== 'partner'} />
              </li>
            ))}
          </Stack>
        )}
      </QueryState>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <CountedTextarea
            label={t('participation.comments.newLabel')}
            max={NEWS_LIMITS.comment}
            maxLength={NEWS_LIMITS.comment}
            minRows={3}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            error={error}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!draft.trim()}>
              {t('participation.comments.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function CommentItem({ comment: c, staff }: { comment: NewsComment; staff: boolean }) {
  const { t } = useTranslation('news');
  const edit = useEditComment();
  const remove = useDeleteComment();
  const report = useReportComment();
  const hide = useHideComment();
  const react = useReaction();
  const [mode, setMode] = useState<null | 'edit' | 'report' | 'hide'>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const editable = c.editableUntil !== null && Date.parse(c.editableUntil) > Date.now();
  const hidden = c.status === 'hidden';

  function open(m: 'edit' | 'report' | 'hide') {
    setMode(m);
    setText(m === 'edit' ? c.body : '');
    setError(null);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      if (mode === 'edit') await edit.mutateAsync({ id: c.id, body: text });
      else if (mode === 'report') await report.mutateAsync({ id: c.id, reason: text });
      else if (mode === 'hide') await hide.mutateAsync({ id: c.id, reason: text });
      setMode(null);
    } catch (err) {
      setError(errorText(err));
    }
  }

  const author = c.author
    ? c.author.staff ? t('participation.comments.staffAuthor', { name: c.author.name }) : c.author.establishmentName ? `${c.author.name} · ${c.author.establishmentName}` : c.author.name
    : t('participation.comments.formerMember');

  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600} size="sm">{author}</Text>
        <Text size="xs" c="dimmed">
          <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
          {c.editedAt ? ` · ${t('participation.comments.edited')}` : ''}
        </Text>
      </Group>
      {hidden ? (
        <Text size="sm" fs="italic" c="dimmed" mt={4}>{t('participation.comments.hidden')}</Text>
      ) : null}
      {c.body ? (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <LinkifiedText text={c.body} />
        </Text>
      ) : null}
      {hidden && staff && c.hiddenReason ? <Text size="xs" c="dimmed" mt={4}>{t('participation.comments.hiddenReason', { reason: c.hiddenReason })}</Text> : null}
      {mode ? (
        <form onSubmit={save} noValidate>
          <Stack gap="xs" mt="sm">
            {mode === 'edit' ? (
              <CountedTextarea label={t('participation.comments.editLabel')} max={NEWS_LIMITS.comment} maxLength={NEWS_LIMITS.comment} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} />
            ) : (
              <TextInput
                label={mode === 'report' ? t('participation.comments.reportReason') : t('participation.comments.hideReason')}
                maxLength={mode === 'report' ? NEWS_LIMITS.reportReason : NEWS_LIMITS.hideReason}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={error}
                required
                data-autofocus
              />
            )}
            <Group gap="xs" justify="flex-end">
              <Button variant="default" size="compact-sm" onClick={() => setMode(null)}>{t('participation.cancel')}</Button>
              <Button type="submit" size="compact-sm" disabled={!text.trim()} loading={edit.isPending || report.isPending || hide.isPending}>
                {mode === 'edit' ? t('participation.comments.save') : mode === 'report' ? t('participation.comments.report') : t('participation.comments.hide')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group gap="xs" mt="xs" wrap="wrap">
          {!hidden ? (
            <Button
              variant={c.reactions.mine ? 'light' : 'subtle'}
              size="compact-sm"
              aria-pressed={c.reactions.mine}
              onClick={() => react.mutate({ kind: 'comment', id: c.id, on: !c.reactions.mine })}
            >
              {t('participation.useful', { count: c.reactions.count })}
            </Button>
          ) : null}
          {c.mine && editable && !hidden ? <Button variant="subtle" size="compact-sm" onClick={() => open('edit')}>{t('participation.comments.edit')}</Button> : null}
          {c.mine ? (
            <Button variant="subtle" color="red" size="compact-sm" loading={remove.isPending} onClick={() => { if (window.confirm(t('participation.comments.deleteConfirm'))) remove.mutate(c.id); }}>
              {t('participation.comments.delete')}
            </Button>
          ) : null}
          {!c.mine && !hidden && !staff ? (
            c.reportedByMe
              ? <Text size="xs" c="dimmed">{t('participation.comments.reported')}</Text>
              : <Button variant="subtle" size="compact-sm" onClick={() => open('report')}>{t('participation.comments.report')}</Button>
          ) : null}
          {staff && !hidden ? <Button variant="subtle" color="red" size="compact-sm" onClick={() => open('hide')}>{t('participation.comments.hide')}</Button> : null}
          {staff && hidden ? <Button variant="subtle" size="compact-sm" onClick={() => hide.mutate({ id: c.id, reason: null })}>{t('participation.comments.unhide')}</Button> : null}
        </Group>
      )}
      {error && !mode ? <Alert color="red" mt="xs">{error}</Alert> : null}
    </Paper>
  );
}

export default PostComments;
