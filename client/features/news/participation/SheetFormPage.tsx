import { ActionIcon, Button, FileInput, Group, Image, Stack, Text, TextInput, Fieldset } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NEWS_LIMITS } from '../../../../common/news';
import { CountedTextarea } from '../../../components/CountedTextarea';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError } from '../../../lib/api';
import type { NewsSheetPhoto } from '../../../../server/schemas/news';
import { useSaveSheet, useSheet, useSheetPhotos } from './api';

type Figure = { label: string; value: string };
/** A photo chosen on this page, sent once the sheet is saved. */
type NewPhoto = { file: File; alt: string; error?: string };

/** A partner's experience sheet: new, or edited (and resubmitted) while submitted or returned. */
export default function SheetFormPage() {
  const { t } = useTranslation('news');
  const { id } = useParams();
  // Once saved (a photo may still fail to upload), the page edits that sheet.
  const [savedId, setSavedId] = useState<string | undefined>(id);
  const existing = useSheet(id);
  const save = useSaveSheet(savedId);
  const photos = useSheetPhotos();
  const [newPhotos, setNewPhotos] = useState<NewPhoto[]>([]);
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [context, setContext] = useState('');
  const [actions, setActions] = useState('');
  const [result, setResult] = useState('');
  const [figures, setFigures] = useState<Figure[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const s = existing.data;
    if (!s) return;
    setTitle(s.title); setContext(s.context); setActions(s.actions); setResult(s.result); setFigures(s.figures ?? []);
  }, [existing.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (newPhotos.some((p) => !p.alt.trim())) {
      setNewPhotos((ps) => ps.map((p) => (p.alt.trim() ? p : { ...p, error: t('participation.sheets.photoAltRequired') })));
      return;
    }
    try {
      const saved = await save.mutateAsync({ title, context, actions, result, figures: figures.filter((f) => f.label.trim() && f.value.trim()) });
      setSavedId(saved.id);
      // One by one, in the order chosen; a refused photo stays on the page with its reason.
      const left = [...newPhotos];
      while (left.length) {
        const p = left[0]!;
        try {
          await photos.upload.mutateAsync({ sheetId: saved.id, alt: p.alt.trim(), file: p.file });
          left.shift();
        } catch (err) {
          setNewPhotos([{ ...p, error: err instanceof ApiError ? err.message : String(err) }, ...left.slice(1)]);
          return;
        }
      }
      void navigate(`/retours-experience/${saved.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }

  const stored = existing.data?.photos ?? [];
  const room = NEWS_LIMITS.sheetPhotos - stored.length - newPhotos.length;

  const setFigure = (i: number, patch: Partial<Figure>) => setFigures((fs) => fs.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  return (
    <>
      <PageHeader title={id ? t('participation.sheets.editTitle') : t('participation.sheets.newTitle')} description={t('participation.sheets.description')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw="48rem">
          <TextInput label={t('participation.sheets.sheetTitle')} required maxLength={NEWS_LIMITS.sheetTitle} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <CountedTextarea label={t('participation.sheets.context')} required max={NEWS_LIMITS.sheetSection} maxLength={NEWS_LIMITS.sheetSection} minRows={3} value={context} onChange={(e) => setContext(e.currentTarget.value)} />
          <CountedTextarea label={t('participation.sheets.actions')} required max={NEWS_LIMITS.sheetSection} maxLength={NEWS_LIMITS.sheetSection} minRows={3} value={actions} onChange={(e) => setActions(e.currentTarget.value)} />
          <CountedTextarea label={t('participation.sheets.result')} required max={NEWS_LIMITS.sheetSection} maxLength={NEWS_LIMITS.sheetSection} minRows={3} value={result} onChange={(e) => setResult(e.currentTarget.value)} />
          <Fieldset legend={t('participation.sheets.figures')}>
            <Stack gap="xs">
              {figures.map((f, i) => (
                <Group key={i} gap="xs" align="flex-end" wrap="wrap">
                  <TextInput style={{ flex: '1 1 12rem' }} label={t('participation.sheets.figureLabel')} maxLength={NEWS_LIMITS.sheetFigureLabel} value={f.label} onChange={(e) => setFigure(i, { label: e.currentTarget.value })} />
                  <TextInput style={{ flex: '1 1 8rem' }} label={t('participation.sheets.figureValue')} maxLength={NEWS_LIMITS.sheetFigureValue} value={f.value} onChange={(e) => setFigure(i, { value: e.currentTarget.value })} />
                  <ActionIcon variant="default" size="lg" aria-label={t('participation.sheets.removeFigure')} onClick={() => setFigures((fs) => fs.filter((_, j) => j !== i))}>×</ActionIcon>
                </Group>
              ))}
              {figures.length < NEWS_LIMITS.sheetFigures ? (
                <Group><Button variant="subtle" onClick={() => setFigures((fs) => [...fs, { label: '', value: '' }])}>{t('participation.sheets.addFigure')}</Button></Group>
              ) : null}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('participation.sheets.photos')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed" id="sheet-photos-help">{t('participation.sheets.photosHelp', { count: NEWS_LIMITS.sheetPhotos })}</Text>
              {stored.map((p) => <StoredPhoto key={p.id} photo={p} onRemove={() => photos.remove.mutate(p.url)} removing={photos.remove.isPending} />)}
              {newPhotos.map((p, i) => (
                <NewPhotoRow
                  key={`${p.file.name}-${i}`} photo={p} index={i + stored.length + 1}
                  onAlt={(alt) => setNewPhotos((ps) => ps.map((q, j) => (j === i ? { ...q, alt, error: undefined } : q)))}
                  onRemove={() => setNewPhotos((ps) => ps.filter((_, j) => j !== i))}
                />
              ))}
              {room > 0 ? (
                <FileInput
                  label={t('participation.sheets.addPhoto')} aria-describedby="sheet-photos-help" accept="image/jpeg,image/png,image/webp" value={null} clearable={false}
                  placeholder={t('participation.sheets.choosePhoto')}
                  onChange={(file) => { if (file) setNewPhotos((ps) => [...ps, { file, alt: '' }]); }}
                />
              ) : null}
            </Stack>
          </Fieldset>
          {error ? <div role="alert" style={{ color: 'var(--mantine-color-red-8)' }}>{error}</div> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending || photos.upload.isPending} disabled={!title.trim() || !context.trim() || !actions.trim() || !result.trim()}>{t('participation.sheets.send')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function StoredPhoto({ photo, onRemove, removing }: { photo: NewsSheetPhoto; onRemove: () => void; removing: boolean }) {
  const { t } = useTranslation('news');
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Image src={photo.url} alt={photo.alt} w={96} h={64} fit="cover" radius="sm" />
      <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{photo.alt}</Text>
      <Button variant="subtle" color="red" size="compact-sm" loading={removing} onClick={onRemove} aria-label={t('participation.sheets.removePhotoNamed', { alt: photo.alt })}>
        {t('participation.sheets.removePhoto')}
      </Button>
    </Group>
  );
}

function NewPhotoRow({ photo, index, onAlt, onRemove }: { photo: NewPhoto; index: number; onAlt: (alt: string) => void; onRemove: () => void }) {
  const { t } = useTranslation('news');
  const url = useMemo(() => URL.createObjectURL(photo.file), [photo.file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Group gap="sm" wrap="wrap" align="flex-start">
      <Image src={url} alt="" w={96} h={64} fit="cover" radius="sm" aria-hidden="true" />
      <TextInput
        style={{ flex: '1 1 14rem' }} required maxLength={NEWS_LIMITS.sheetPhotoAlt}
        label={t('participation.sheets.photoAlt', { n: index })} description={photo.file.name}
        value={photo.alt} error={photo.error} onChange={(e) => onAlt(e.currentTarget.value)}
      />
      <Button variant="subtle" color="red" size="compact-sm" mt={28} onClick={onRemove} aria-label={t('participation.sheets.removePhotoNamed', { alt: photo.alt || photo.file.name })}>
        {t('participation.sheets.removePhoto')}
      </Button>
    </Group>
  );
}
