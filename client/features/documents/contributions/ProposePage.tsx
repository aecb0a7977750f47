import { Anchor, Button, Checkbox, FileInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CONTRIBUTION_LIMITS } from '../../../../common/documents';
import type { ContributionMeta } from '../../../../server/schemas/document-contributions';
import { PageBreadcrumbs } from '../../../components/PageBreadcrumbs';
import { PageHeader } from '../../../components/PageHeader';
import { UploadQueue } from '../upload/UploadQueue';
import { useUploadQueue } from '../upload/useUploadQueue';
import { proposeUrl, useInvalidateContributions, type Contribution } from './api';

/** Room left in the title for the number of each file of a selection: « (10/10) ». */
const NUMBER_ROOM = ` (${CONTRIBUTION_LIMITS.filesAtOnce}/${CONTRIBUTION_LIMITS.filesAtOnce})`.length;
const TITLE_MAX = CONTRIBUTION_LIMITS.title - NUMBER_ROOM;

/**
 * A partner proposes photos or documents, with an author credit and the usage
 * licence. Several files share the form's fields; each is its own proposal
 * (the office decides on each), numbered after the title, sent one after the
 * other with its own state, a refusal kept on its file with « Réessayer ».
 */
export default function ProposePage() {
  const { t } = useTranslation('contributions');
  const navigate = useNavigate();
  const invalidate = useInvalidateContributions();
  // Each file keeps the fields it was sent with, for a retry.
  const metaOf = useRef(new Map<File, ContributionMeta>());
  const queue = useUploadQueue<Contribution>({
    target: (file) => ({ url: proposeUrl, meta: metaOf.current.get(file) }),
    onUploaded: () => void invalidate(),
    concurrency: 1,
  });
  const form = useForm({
    initialValues: { files: [] as File[], title: '', description: '', credit: '', licence: false },
    validate: {
      files: (v) => (v.length === 0 ? t('propose.fileRequired') : v.length > CONTRIBUTION_LIMITS.filesAtOnce ? t('propose.tooManyFiles', { max: CONTRIBUTION_LIMITS.filesAtOnce }) : null),
      title: (v) => (v.trim() ? null : t('validation.required', { ns: 'common' })),
      credit: (v) => (v.trim() ? null : t('validation.required', { ns: 'common' })),
      licence: (v) => (v ? null : t('propose.licenceRequired')),
    },
  });

  const sent = queue.items.filter((i) => i.status === 'done').length;
  const failed = queue.items.filter((i) => i.status === 'failed').length;
  const busy = queue.items.some((i) => ['waiting', 'uploading', 'processing'].includes(i.status));
  const finished = queue.items.length > 0 && queue.items.every((i) => i.status === 'done' || i.status === 'cancelled');

  // Everything the partner meant to send has arrived: thanks, and their list.
  useEffect(() => {
    if (!finished || sent === 0) return;
    notifications.show({ color: 'cevennes', message: t('propose.sent', { count: sent }) });
    navigate('/documents/mes-propositions');
  }, [finished, sent, t, navigate]);

  const submit = form.onSubmit((v) => {
    if (busy) return;
    v.files.forEach((file, index) => {
      const title = v.files.length > 1 ? `${v.title.trim()} (${index + 1}/${v.files.length})` : v.title;
      metaOf.current.set(file, { title, description: v.description, credit: v.credit, licenceAccepted: true });
    });
    queue.add(v.files);
    form.setFieldValue('files', []);
  });

  return (
    <>
      <PageBreadcrumbs links={[{ to: '/documents/mes-propositions', label: t('mine.title') }]} current={t('propose.title')} />
      <PageHeader title={t('propose.title')} description={t('propose.description')} />
      <form noValidate onSubmit={submit}>
        <Stack gap="md" maw={640}>
          <FileInput
            multiple
            label={t('propose.file')}
            description={t('propose.fileHelp', { max: CONTRIBUTION_LIMITS.filesAtOnce })}
            placeholder={t('propose.filePlaceholder')}
            withAsterisk
            accept=".jpg,.jpeg,.png,.webp,.pdf,.docx,.odt,.xlsx,.ods,.pptx,.odp,.csv,.txt"
            clearable
            clearButtonProps={{ 'aria-label': t('propose.clearFile') }}
            disabled={busy}
            {...form.getInputProps('files')}
          />
          <TextInput label={t('propose.titleField')} description={t('propose.titleHelp')} withAsterisk maxLength={TITLE_MAX} {...form.getInputProps('title')} />
          <Textarea label={t('propose.descriptionField')} autosize minRows={2} maxLength={2000} {...form.getInputProps('description')} />
          <TextInput label={t('propose.credit')} description={t('propose.creditHelp')} withAsterisk maxLength={120} {...form.getInputProps('credit')} />
          <Checkbox label={t('propose.licence')} {...form.getInputProps('licence', { type: 'checkbox' })} />
          <div>
            <Button type="submit" loading={busy}>
              {t('propose.submit')}
            </Button>
          </div>
          <Text role="status" aria-live="polite" fw={600}>
            {queue.items.length === 0 ? null : busy ? t('propose.progress', { count: sent, total: queue.items.length }) : t('propose.summary', { count: sent })}
            {!busy && failed > 0 ? ` ${t('propose.failedCount', { count: failed })}` : null}
          </Text>
          <UploadQueue items={queue.items} onCancel={queue.cancel} onRetry={queue.retry} onRemove={queue.remove} linkDocuments={false} doneLabel={t('propose.fileSent')} />
          {sent > 0 && !busy ? (
            <Anchor component={Link} to="/documents/mes-propositions">
              {t('propose.toMine')}
            </Anchor>
          ) : null}
        </Stack>
      </form>
    </>
  );
}
