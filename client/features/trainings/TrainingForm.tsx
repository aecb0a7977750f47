import { MultiSelect, NumberInput, Select, SimpleGrid, Skeleton, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CountedTextarea } from '../../components/CountedTextarea';
import { RecordForm } from '../../components/RecordForm';
import { WholeNumberInput } from '../../components/WholeNumberInput';
import { saveForm } from '../../lib/api';
import { formatLocale } from '../../lib/locale';
import type { Territory } from '../accounts/types';
import { orNull, optionalText, requiredText } from '../accounts/validation';
import { formatDuration } from './format';
import { LIMITS, THEMES, type CreateTrainingBody, type Theme, type Training, type UpdateTrainingBody } from './types';

// tiptap is heavy: the editor arrives after the rest of the form.
const RichTextField = lazy(() => import('../../components/RichTextField'));

interface TrainingValues {
  title: string;
  summary: string;
  descriptionHtml: string;
  theme: Theme | '';
  targetCategories: string[];
  durationMinutes: number | string;
  trainer: string;
  priceMember: number | string;
  priceNonMember: number | string;
  archived: boolean;
}

function toValues(training: Training | undefined): TrainingValues {
  return {
    title: training?.title ?? '',
    summary: training?.summary ?? '',
    descriptionHtml: training?.descriptionHtml ?? '',
    theme: training?.theme ?? '',
    targetCategories: training?.targetCategories ?? [],
    durationMinutes: training?.durationMinutes ?? 180,
    trainer: training?.trainer ?? '',
    priceMember: training?.priceMemberCents != null ? training.priceMemberCents / 100 : '',
    priceNonMember: training?.priceNonMemberCents != null ? training.priceNonMemberCents / 100 : '',
    archived: training?.archived ?? false,
  };
}

/** Euros typed with up to two decimals, sent as whole cents (null when left empty). */
function toCents(value: number | string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  return Math.round(Number(value) * 100);
}

/** The member and non-member prices: the same field twice, in euros. */
const PRICE_FIELDS = ['priceMember', 'priceNonMember'] as const;

interface TrainingFormProps {
  territory: Territory;
  training?: Training;
  saving: boolean;
  onSubmit: (body: CreateTrainingBody | UpdateTrainingBody) => Promise<unknown>;
  onCancel?: () => void;
}

/** Create and edit a training of the catalogue, with the server's limits checked while typing. */
export function TrainingForm({ territory, training, saving, onSubmit, onCancel }: TrainingFormProps) {
  const { t } = useTranslation('trainings');
  const priceRule = (v: number | string) => (v === '' || (Number(v) >= 0 && Number(v) * 100 <= LIMITS.priceMaxCents) ? null : t('validation.price'));
  const form = useForm<TrainingValues>({
    initialValues: toValues(training),
    validateInputOnChange: true,
    validate: {
      title: requiredText(LIMITS.title),
      summary: requiredText(LIMITS.summary),
      descriptionHtml: (v) => (v.length > LIMITS.descriptionHtml ? t('validation.descriptionTooLong') : null),
      theme: (v) => (v ? null : t('validation.required')),
      targetCategories: (v) => (v.length > LIMITS.targetCategories ? t('validation.maxItems', { count: LIMITS.targetCategories }) : null),
      durationMinutes: (v) =>
        v !== '' && Number.isInteger(Number(v)) && Number(v) >= LIMITS.durationMin && Number(v) <= LIMITS.durationMax
          ? null
          : t('validation.duration', { min: LIMITS.durationMin, max: LIMITS.durationMax }),
      trainer: optionalText(LIMITS.trainer),
      priceMember: priceRule,
      priceNonMember: priceRule,
    },
  });

  const categoryData = useMemo(() => territory.categories.map((c) => ({ value: c.id, label: c.label })), [territory]);
  const duration = Number(form.values.durationMinutes);
  const money = formatLocale() === 'fr' ? { decimalSeparator: ',', thousandSeparator: ' ', suffix: ' €' } : { decimalSeparator: '.', thousandSeparator: ',', prefix: '€' };

  const submit = form.onSubmit(async (v) => {
    const body = {
      title: v.title.trim(),
      summary: v.summary.trim(),
      descriptionHtml: v.descriptionHtml,
      theme: v.theme as Theme,
      targetCategories: v.targetCategories,
      durationMinutes: Number(v.durationMinutes),
      trainer: orNull(v.trainer),
      priceMemberCents: toCents(v.priceMember),
      priceNonMemberCents: toCents(v.priceNonMember),
      ...(training ? { archived: v.archived } : {}),
    };
    await saveForm(form, () => onSubmit(body));
  });

  return (
    <RecordForm onSubmit={submit} editing={Boolean(training)} dirty={form.isDirty()} createLabel={t('catalogue.create')} saving={saving} onCancel={onCancel}>
      <TextInput label={t('fields.title')} required maxLength={LIMITS.title} {...form.getInputProps('title')} />
      <CountedTextarea label={t('fields.summary')} max={LIMITS.summary} required minRows={2} maxRows={6} {...form.getInputProps('summary')} />
      <Suspense fallback={<Skeleton height={260} aria-label={t('common.loading')} role="status" />}>
        <RichTextField
          label={t('fields.description')}
          description={t('fields.descriptionHelp')}
          value={form.values.descriptionHtml}
          error={form.errors.descriptionHtml as string | undefined}
          onChange={(html) => form.setFieldValue('descriptionHtml', html)}
        />
      </Suspense>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('fields.theme')}
          required
          allowDeselect={false}
          data={THEMES.map((theme) => ({ value: theme, label: t(`themes.${theme}`) }))}
          {...form.getInputProps('theme')}
        />
        <MultiSelect
          label={t('fields.targetCategories')}
          description={t('fields.targetCategoriesHelp')}
          data={categoryData}
          clearable
          {...form.getInputProps('targetCategories')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <WholeNumberInput
          label={t('fields.durationMinutes')}
          description={Number.isFinite(duration) && duration > 0 ? formatDuration(t, duration) : undefined}
          required
          min={LIMITS.durationMin}
          max={LIMITS.durationMax}
          step={15}
          {...form.getInputProps('durationMinutes')}
        />
        <TextInput label={t('fields.trainer')} maxLength={LIMITS.trainer} {...form.getInputProps('trainer')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {PRICE_FIELDS.map((field) => (
          <NumberInput
            key={field}
            label={t(`fields.${field}`)}
            description={t('fields.priceHelp')}
            min={0}
            decimalScale={2}
            {...money}
            allowNegative={false}
            {...form.getInputProps(field)}
          />
        ))}
      </SimpleGrid>
      {training ? (
        <Switch
          label={t('fields.archived')}
          description={t('fields.archivedHelp')}
          {...form.getInputProps('archived', { type: 'checkbox' })}
        />
      ) : null}
    </RecordForm>
  );
}
