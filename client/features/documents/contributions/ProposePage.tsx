import { Button, Checkbox, FileInput, Progress, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageBreadcrumbs } from '../../../components/PageBreadcrumbs';
import { PageHeader } from '../../../components/PageHeader';
import { FormError } from '../../../components/States';
import { applyFieldErrors } from '../../../lib/api';
import { propose, useInvalidateContributions } from './api';

/** A partner proposes a photo or a document, with an author credit and the usage licence. */
export default function ProposePage() {
  const { t } = useTranslation('contributions');
  const navigate = useNavigate();
  const invalidate = useInvalidateContributions();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { file: null as File | null, title: '', description: '', credit: '', licence: false },
    validate: {
      file: (v) => (v ? null : t('propose.fileRequired')),
      title: (v) => (v.trim() ? null : t('validation.required', { ns: 'common' })),
      credit: (v) => (v.trim() ? null : t('validation.required', { ns: 'common' })),
      licence: (v) => (v ? null : t('propose.licenceRequired')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    if (progress !== null) return;
    setError(null);
    setProgress(0);
    try {
      await propose(v.file!, { title: v.title, description: v.description, credit: v.credit, licenceAccepted: true }, (loaded, total) => setProgress(Math.round((loaded / total) * 100)));
      await invalidate();
      notifications.show({ color: 'cevennes', message: t('propose.sent') });
      navigate('/documents/mes-propositions');
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setProgress(null);
    }
  });
  return (
    <>
      <PageBreadcrumbs links={[{ to: '/documents/mes-propositions', label: t('mine.title') }]} current={t('propose.title')} />
      <PageHeader title={t('propose.title')} description={t('propose.description')} />
      <form noValidate onSubmit={submit}>
        <Stack gap="md" maw={640}>
          {error ? <FormError error={error} /> : null}
          <FileInput label={t('propose.file')} description={t('propose.fileHelp')} placeholder={t('propose.filePlaceholder')} withAsterisk accept=".jpg,.jpeg,.png,.webp,.pdf,.docx,.odt,.xlsx,.ods,.pptx,.odp,.csv,.txt" clearable clearButtonProps={{ 'aria-label': t('propose.clearFile') }} {...form.getInputProps('file')} />
          <TextInput label={t('propose.titleField')} withAsterisk maxLength={200} {...form.getInputProps('title')} />
          <Textarea label={t('propose.descriptionField')} autosize minRows={2} maxLength={2000} {...form.getInputProps('description')} />
          <TextInput label={t('propose.credit')} description={t('propose.creditHelp')} withAsterisk maxLength={120} {...form.getInputProps('credit')} />
          <Checkbox label={t('propose.licence')} {...form.getInputProps('licence', { type: 'checkbox' })} />
          {progress !== null ? <Progress value={progress} aria-label={t('propose.sending', { percent: progress })} /> : null}
          <div>
            <Button type="submit" loading={progress !== null}>
              {t('propose.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
