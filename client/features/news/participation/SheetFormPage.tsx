import { ActionIcon, Button, Group, Stack, TextInput, Fieldset } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NEWS_LIMITS } from '../../../../common/news';
import { CountedTextarea } from '../../../components/CountedTextarea';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError } from '../../../lib/api';
import { useSaveSheet, useSheet } from './api';

type Figure = { label: string; value: string };

/** A partner's experience sheet: new, or edited (and resubmitted) while submitted or returned. */
export default function SheetFormPage() {
  const { t } = useTranslation('news');
  const { id } = useParams();
  const existing = useSheet(id);
  const save = useSaveSheet(id);
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
    try {
      const saved = await save.mutateAsync({ title, context, actions, result, figures: figures.filter((f) => f.label.trim() && f.value.trim()) });
      void navigate(`/retours-experience/${saved.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }

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
          {error ? <div role="alert" style={{ color: 'var(--mantine-color-red-8)' }}>{error}</div> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!title.trim() || !context.trim() || !actions.trim() || !result.trim()}>{t('participation.sheets.send')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
