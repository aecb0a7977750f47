import { Button, Group, Loader, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AudiencePicker, audienceOfKind, type Audience } from '../../components/AudiencePicker';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { FormError } from '../../components/States';
import { saveForm } from '../../lib/api';
import { NEWSLETTER_LIMITS } from '../../../common/newsletters';
import { useCreateCampaign, useSenders, useTopics } from './api';
import { SegmentPicker } from './segments/SegmentPicker';

// The trainings' rich-text editor (tiptap), loaded on demand: the server keeps what it allows after the same sanitising.
const RichTextField = lazy(() => import('../../components/RichTextField'));

interface Values { subject: string; preheader: string; sender: string; topicId: string; audience: Audience; bodyHtml: string; segmentId?: string | null }

/** Admins: a new campaign (a draft), its topic's subscribers narrowed by the shared audience. */
export default function CampaignFormPage() {
  const { t, i18n } = useTranslation('newsletters');
  const navigate = useNavigate();
  const topics = useTopics();
  const senders = useSenders();
  const create = useCreateCampaign();
  const form = useForm<Values>({
    initialValues: { subject: '', preheader: '', sender: '', topicId: 'lettre-du-reseau', audience: audienceOfKind('everyone'), bodyHtml: '' },
    validate: {
      subject: (v) => (v.trim() ? null : t('form.required')),
      sender: (v) => (v ? null : t('form.required')),
      bodyHtml: (v) => (v.replace(/<[^>]*>/g, '').trim() ? null : t('form.required')),
    },
  });
  const en = i18n.language.startsWith('en');
  return (
    <>
      <PageBreadcrumbs links={[{ to: '/newsletters/campaigns', label: t('campaigns.title') }]} current={t('form.title')} />
      <PageHeader title={t('form.title')} description={t('form.description')} />
      <form noValidate onSubmit={form.onSubmit((values) => saveForm(form, async () => {
        const c = await create.mutateAsync(values);
        navigate(`/newsletters/campaigns/${c.id}`);
      }))}>
        <Stack maw={760}>
          <TextInput label={t('fields.subject')} required maxLength={NEWSLETTER_LIMITS.subject} {...form.getInputProps('subject')} />
          <TextInput label={t('fields.preheader')} description={t('form.preheaderHelp')} maxLength={NEWSLETTER_LIMITS.preheader} {...form.getInputProps('preheader')} />
          <Select label={t('fields.sender')} required data={senders.data ?? []} {...form.getInputProps('sender')} />
          <Select label={t('fields.topic')} required allowDeselect={false} data={(topics.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: en ? x.nameEn : x.nameFr }))} {...form.getInputProps('topicId')} />
          <AudiencePicker label={t('fields.audience')} description={t('form.audienceHelp')} value={form.values.audience} onChange={(a) => form.setFieldValue('audience', a)} error={form.errors.audience as string | undefined} />
          <SegmentPicker value={form.values.segmentId} onChange={(id) => form.setFieldValue('segmentId', id)} error={form.errors.segmentId as string | undefined} />
          <Suspense fallback={<Loader size="sm" aria-label={t('form.loadingEditor')} />}>
            <RichTextField label={t('fields.body')} value={form.values.bodyHtml} onChange={(html) => form.setFieldValue('bodyHtml', html)} error={form.errors.bodyHtml as string | undefined} />
          </Suspense>
          <FormError error={create.error} />
          <Group><Button type="submit" loading={create.isPending}>{t('form.save')}</Button></Group>
        </Stack>
      </form>
    </>
  );
}
