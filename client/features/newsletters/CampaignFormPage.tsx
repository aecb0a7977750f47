import { Button, Group, Loader, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AudiencePicker, audienceOfKind, type Audience } from '../../components/AudiencePicker';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { saveForm } from '../../lib/api';
import { NEWSLETTER_LIMITS } from '../../../common/newsletters';
import { useCampaign, useCreateCampaign, useSenders, useTopics, useUpdateCampaign, type CampaignDto } from './api';
import { SegmentPicker } from './segments/SegmentPicker';
import { ComposerControls } from './ComposerControls';
import { NewsletterImage } from './imageNode';
import { CAMPAIGNS_PATH } from './paths';

// The trainings' rich-text editor (tiptap), loaded on demand, with the newsletters' image node: the server keeps what it allows after the same sanitising.
const RichTextField = lazy(() => import('../../components/RichTextField'));
const EXTENSIONS = [NewsletterImage];

interface Values { subject: string; preheader: string; sender: string; topicId: string; audience: Audience; bodyHtml: string; segmentId?: string | null }

/** Admins: the composer — a new campaign (a draft) or a draft edited: subject, preheader, sender, topic, audience, body with images and personal fields. */
export default function CampaignFormPage() {
  const { id } = useParams();
  const campaign = useCampaign(id ?? '', { enabled: Boolean(id) });
  if (!id) return <Composer />;
  if (campaign.isPending) return <PageSkeleton />;
  if (campaign.isError) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  return <Composer campaign={campaign.data} />;
}

function Composer({ campaign }: { campaign?: CampaignDto }) {
  const { t, i18n } = useTranslation('newsletters');
  const navigate = useNavigate();
  const topics = useTopics();
  const senders = useSenders();
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const save = campaign ? update : create;
  const form = useForm<Values>({
    initialValues: campaign
      ? { subject: campaign.subject, preheader: campaign.preheader, sender: campaign.sender, topicId: campaign.topicId, audience: campaign.audience, bodyHtml: campaign.bodyHtml }
      : { subject: '', preheader: '', sender: '', topicId: 'lettre-du-reseau', audience: audienceOfKind('everyone'), bodyHtml: '' },
    validate: {
      subject: (v) => (v.trim() ? null : t('form.required')),
      sender: (v) => (v ? null : t('form.required')),
      bodyHtml: (v) => (v.replace(/<(?!img)[^>]*>/g, '').trim() ? null : t('form.required')),
    },
  });
  const en = i18n.language.startsWith('en');
  const title = campaign ? t('form.editTitle') : t('form.title');
  return (
    <>
      <PageBreadcrumbs links={[{ to: CAMPAIGNS_PATH, label: t('campaigns.title') }, ...(campaign ? [{ to: `${CAMPAIGNS_PATH}/${campaign.id}`, label: campaign.subject }] : [])]} current={title} />
      <PageHeader title={title} description={t('form.description')} />
      <form noValidate onSubmit={form.onSubmit((values) => saveForm(form, async () => {
        const c = await save.mutateAsync(values);
        navigate(`${CAMPAIGNS_PATH}/${c.id}`);
      }))}>
        <Stack maw={760}>
          <TextInput label={t('fields.subject')} description={t('form.subjectHelp', { count: NEWSLETTER_LIMITS.subjectWarn })} required maxLength={NEWSLETTER_LIMITS.subject} {...form.getInputProps('subject')} />
          <TextInput label={t('fields.preheader')} description={t('form.preheaderHelp')} maxLength={NEWSLETTER_LIMITS.preheader} {...form.getInputProps('preheader')} />
          <Select label={t('fields.sender')} required data={senders.data ?? []} {...form.getInputProps('sender')} />
          <Select label={t('fields.topic')} required allowDeselect={false} data={(topics.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: en ? x.nameEn : x.nameFr }))} {...form.getInputProps('topicId')} />
          <AudiencePicker label={t('fields.audience')} description={t('form.audienceHelp')} value={form.values.audience} onChange={(a) => form.setFieldValue('audience', a)} error={form.errors.audience as string | undefined} />
          <SegmentPicker value={form.values.segmentId} onChange={(id) => form.setFieldValue('segmentId', id)} error={form.errors.segmentId as string | undefined} />
          <Suspense fallback={<Loader size="sm" aria-label={t('form.loadingEditor')} />}>
            <RichTextField label={t('fields.body')} description={t('form.bodyHelp')} value={form.values.bodyHtml} onChange={(html) => form.setFieldValue('bodyHtml', html)}
              error={form.errors.bodyHtml as string | undefined} extensions={EXTENSIONS} controls={(editor) => <ComposerControls editor={editor} />} />
          </Suspense>
          <FormError error={save.error} />
          <Group><Button type="submit" loading={save.isPending}>{t('form.save')}</Button></Group>
        </Stack>
      </form>
    </>
  );
}
