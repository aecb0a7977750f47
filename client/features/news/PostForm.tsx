import '@mantine/dates/styles.css';
import {
  ActionIcon, Button, Checkbox, Fieldset, FileInput, Group, Image, List, Radio, Select, SimpleGrid, Skeleton, Stack, Text, TextInput,
} from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AudiencePicker, type Audience } from '../../components/AudiencePicker';
import { CountedTextarea } from '../../components/CountedTextarea';
import { LibraryDocumentSelect } from '../../components/LibraryDocumentSelect';
import { RequiredNote } from '../../components/RequiredNote';
import { applyFieldErrors } from '../../lib/api';
import { formatLocale } from '../../lib/locale';
import { useTerritory } from '../accounts/api';
import { usePickerProps } from '../trainings/session-form/usePickerProps';
import { useCategories } from './api';
import { categoryLabel } from './format';
import { initialAudience, toBody, toValues } from './post-values';
import { NEWS_LIMITS as L, NEWS_MAX_PINNED, NEWS_PLACE_KINDS, type NewsPostCreateBody, type NewsPostDetail } from './types';
import { validatePost, type PostValues } from './validation';

// tiptap is heavy: the editor arrives after the rest of the form.
const RichTextField = lazy(() => import('../../components/RichTextField'));

/** The server names nested fields by path (`event.place.officeId`): the form's own field of each. */
const FIELD_OF: Record<string, keyof PostValues> = {
  'event.start': 'eventStart',
  'event.end': 'eventEnd',
  'event.place': 'placeKind',
  'event.place.officeId': 'officeId',
  'event.place.communeInsee': 'communeInsee',
  'event.place.address': 'address',
  'event.place.onlineUrl': 'onlineUrl',
  attachmentIds: 'attachments',
};

interface PostFormProps {
  post?: NewsPostDetail;
  saving: boolean;
  /** Saves the post, then its new cover image if one was chosen. */
  onSubmit: (body: NewsPostCreateBody, cover: { file: File; alt: string } | null) => Promise<unknown>;
}

/** Staff's editor of a post: text, cover, attachments, category, audience, publication, pin, event and place. */
export function PostForm({ post, saving, onSubmit }: PostFormProps) {
  const { t } = useTranslation('news');
  const pickerProps = usePickerProps();
  const categories = useCategories();
  const territory = useTerritory();
  const [audience, setAudience] = useState<Audience>(() => initialAudience(post));
  const [audienceError, setAudienceError] = useState<string | undefined>();
  const [picked, setPicked] = useState<string | null>(null);
  const form = useForm<PostValues>({
    initialValues: toValues(post),
    validate: (values) => Object.fromEntries(Object.entries(validatePost(values)).map(([field, key]) => [field, t(key, { max: maxOf(field) })])),
  });
  const [coverUrl, setCoverUrl] = useState<string | null>(null);
  const file = form.values.coverFile;
  useEffect(() => {
    if (!file) return setCoverUrl(null);
    const url = URL.createObjectURL(file);
    setCoverUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const offices = useMemo(() => (territory.data?.offices ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name })), [territory.data]);
  const communes = useMemo(
    () => (territory.data?.communes ?? []).map((c) => ({ value: c.inseeCode, label: `${c.name}${c.postalCode ? ` (${c.postalCode})` : ''}` })),
    [territory.data],
  );

  const submit = form.onSubmit(async (v) => {
    try {
      await onSubmit(toBody(v, audience), v.coverFile ? { file: v.coverFile, alt: v.coverAlt.trim() } : null);
      form.resetDirty();
      form.setFieldValue('coverFile', null);
    } catch (error) {
      const audienceField = error && typeof error === 'object' && 'fields' in error ? (error.fields as Record<string, string>) : {};
      setAudienceError(Object.entries(audienceField).find(([k]) => k.startsWith('audience'))?.[1]);
      applyFieldErrors(form, error, (field) => FIELD_OF[field] ?? (field === 'coverAlt' || field === 'alt' ? 'coverAlt' : field === 'file' ? 'coverFile' : field));
    }
  });

  // The calendar of the trainings' session form: its styles, the reader's language, weeks from Monday.
  return (
    <DatesProvider settings={{ locale: formatLocale(), firstDayOfWeek: 1, consistentWeeks: true }}>
    <form noValidate onSubmit={submit}>
      <Stack gap="lg">
        <RequiredNote />
        <Fieldset legend={t('editor.content')} radius="md">
          <Stack gap="md">
            <TextInput label={t('editor.title')} required maxLength={L.title} {...form.getInputProps('title')} />
            <CountedTextarea label={t('editor.summary')} max={L.summary} minRows={2} maxRows={5} {...form.getInputProps('summary')} />
            <Suspense fallback={<Skeleton height={260} aria-label={t('common.loading')} role="status" />}>
              <RichTextField
                label={t('editor.body')}
                value={form.values.bodyHtml}
                error={form.errors.bodyHtml as string | undefined}
                onChange={(html) => form.setFieldValue('bodyHtml', html)}
              />
            </Suspense>
            <Select
              label={t('feed.category')}
              required
              allowDeselect={false}
              data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: categoryLabel(categories.data?.items, c.id) }))}
              {...form.getInputProps('categoryId')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('editor.cover')} radius="md">
          <Stack gap="sm">
            {coverUrl || post?.cover ? (
              <Image src={coverUrl ?? post?.cover?.url} alt="" maw={320} radius="sm" aria-hidden="true" />
            ) : null}
            <FileInput
              label={post?.cover ? t('editor.coverReplace') : t('editor.coverFile')}
              description={t('editor.coverHelp')}
              accept="image/jpeg,image/png,image/webp"
              clearable
              clearButtonProps={{ 'aria-label': t('editor.coverClear') }}
              {...form.getInputProps('coverFile')}
            />
            <TextInput
              label={t('editor.coverAlt')}
              description={t('editor.coverAltHelp')}
              required={Boolean(form.values.coverFile || post?.cover)}
              maxLength={L.coverAlt}
              {...form.getInputProps('coverAlt')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('editor.attachments')} radius="md">
          <Stack gap="sm">
            {form.values.attachments.length ? (
              <List spacing={4}>
                {form.values.attachments.map((a, i) => (
                  <List.Item key={a.id}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{a.title}</Text>
                      <ActionIcon variant="subtle" color="red.9" aria-label={t('editor.removeAttachment', { title: a.title })} onClick={() => form.removeListItem('attachments', i)}>
                        <span aria-hidden="true">✕</span>
                      </ActionIcon>
                    </Group>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                {t('editor.noAttachment')}
              </Text>
            )}
            <LibraryDocumentSelect
              label={t('editor.addAttachment')}
              value={picked}
              exclude={form.values.attachments.map((a) => a.id)}
              disabled={form.values.attachments.length >= L.attachments}
              error={form.errors.attachments}
              onChange={(id, title) => {
                if (id && title) form.insertListItem('attachments', { id, title });
                setPicked(null);
              }}
              maw={420}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('editor.audience')} radius="md">
          <AudiencePicker value={audience} onChange={setAudience} error={audienceError} />
        </Fieldset>

        <Fieldset legend={t('editor.publication')} radius="md">
          <Stack gap="md">
            <Radio.Group label={t('editor.publicationWhen')} {...form.getInputProps('publication')}>
              <Stack gap="xs" mt="xs">
                <Radio value="draft" label={t('editor.draft')} description={t('editor.draftHelp')} />
                <Radio value="now" label={t('editor.now')} />
                <Radio value="schedule" label={t('editor.schedule')} />
              </Stack>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {form.values.publication === 'schedule' ? (
                <DateTimePicker label={t('editor.publishAt')} required {...pickerProps} {...form.getInputProps('publishAt')} />
              ) : null}
              <DateTimePicker label={t('editor.expiresAt')} description={t('editor.expiresAtHelp')} {...pickerProps} {...form.getInputProps('expiresAt')} />
              <DateTimePicker
                label={t('editor.pinnedUntil')}
                description={t('editor.pinnedUntilHelp', { count: NEWS_MAX_PINNED })}
                {...pickerProps}
                {...form.getInputProps('pinnedUntil')}
              />
            </SimpleGrid>
            <Checkbox label={t('editor.important')} description={t('editor.importantHelp')} {...form.getInputProps('important', { type: 'checkbox' })} />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('editor.event')} radius="md">
          <Stack gap="md">
            <Checkbox label={t('editor.hasEvent')} {...form.getInputProps('hasEvent', { type: 'checkbox' })} />
            {form.values.hasEvent ? (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <DateTimePicker label={t('editor.eventStart')} required {...pickerProps} {...form.getInputProps('eventStart')} />
                  <DateTimePicker label={t('editor.eventEnd')} {...pickerProps} {...form.getInputProps('eventEnd')} />
                </SimpleGrid>
                <Radio.Group label={t('editor.placeKind')} {...form.getInputProps('placeKind')}>
                  <Group gap="md" mt="xs">
                    <Radio value="" label={t('editor.noPlace')} />
                    {NEWS_PLACE_KINDS.map((kind) => (
                      <Radio key={kind} value={kind} label={t(`placeKinds.${kind}`)} />
                    ))}
                  </Group>
                </Radio.Group>
                {form.values.placeKind === 'office' ? (
                  <Select label={t('editor.office')} required searchable data={offices} maw={420} {...form.getInputProps('officeId')} />
                ) : null}
                {form.values.placeKind === 'commune' ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select label={t('editor.commune')} required searchable data={communes} {...form.getInputProps('communeInsee')} />
                    <TextInput label={t('editor.address')} maxLength={L.address} {...form.getInputProps('address')} />
                  </SimpleGrid>
                ) : null}
                {form.values.placeKind === 'online' ? (
                  <TextInput type="url" label={t('editor.onlineUrl')} description={t('editor.onlineUrlHelp')} required maxLength={L.onlineUrl} {...form.getInputProps('onlineUrl')} />
                ) : null}
              </>
            ) : null}
          </Stack>
        </Fieldset>

        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {form.values.publication === 'draft'
              ? t('editor.saveDraft')
              : form.values.publication === 'schedule'
                ? t('editor.saveScheduled')
                : post?.state === 'live'
                  ? t('common.save')
                  : t('editor.publish')}
          </Button>
        </Group>
      </Stack>
    </form>
    </DatesProvider>
  );
}

function maxOf(field: string): number | undefined {
  return (L as Record<string, number>)[field === 'coverAlt' ? 'coverAlt' : field];
}
