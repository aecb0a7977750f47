import { Checkbox, Fieldset, MultiSelect, Radio, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AudienceCriteria } from '../../../components/AudiencePicker';
import { useTerritory } from '../../accounts/api';
import { LANGUAGES } from '../../../../common/accounts';
import { addMonths, currentMonth } from '../../../../common/figures';
import { normalisedFilter, SEGMENT_LIMITS, SEGMENT_PEOPLE, type SegmentFilter, type SegmentTrainingMode } from '../../../../common/newsletter-segments';
import { TRAINING_THEMES, type TrainingTheme } from '../../../../common/trainings';

const YEAR = /^\d{4}$/;

/**
 * A segment's criteria: who (people), then the establishment's (what, where,
 * labels, membership, figures: partners only, as the server stores them) and
 * the person's (language, training). Every change is a new filter value.
 */
export function SegmentFilterFields({ value, onChange }: { value: SegmentFilter; onChange: (f: SegmentFilter) => void }) {
  const { t, i18n } = useTranslation('newsletters');
  const territory = useTerritory();
  const set = (patch: Partial<SegmentFilter>) => onChange(normalisedFilter({ ...value, ...patch }));
  const training = value.training;
  const setTraining = (patch: Partial<NonNullable<SegmentFilter['training']>>) => set({ training: { mode: 'registered', themes: [], from: null, to: null, ...training, ...patch } });
  const lastMonth = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${addMonths(currentMonth(), -1)}-01T00:00:00Z`));

  return (
    <Stack gap="md">
      <Radio.Group label={t('segments.people')} value={value.people} onChange={(people) => set({ people: people as SegmentFilter['people'] })}>
        <Stack gap="xs" mt="xs">
          {SEGMENT_PEOPLE.map((p) => (
            <Radio key={p} value={p} label={t(`segments.peopleOptions.${p}`)} description={t(`segments.peopleOptions.${p}Help`)} />
          ))}
        </Stack>
      </Radio.Group>

      {value.people === 'partners' ? (
        <Fieldset legend={t('segments.establishment')} variant="filled">
          <Text size="sm" c="dimmed" mb="xs">{t('segments.establishmentHelp')}</Text>
          <Stack gap="sm">
            <AudienceCriteria value={value} onChange={(patch) => set(patch)} />
            <MultiSelect
              label={t('segments.labels')} data={territory.data?.labels ?? []} value={value.labels} onChange={(labels) => set({ labels })}
              searchable clearable hidePickedOptions maxValues={SEGMENT_LIMITS.labels} nothingFoundMessage={t('common.nothingFound')}
            />
            <TagsInput
              label={t('segments.membershipYears')} description={t('segments.membershipYearsHelp')} value={value.membershipYears.map(String)}
              onChange={(years) => set({ membershipYears: [...new Set(years.filter((y) => YEAR.test(y)).map(Number).filter((y) => y >= SEGMENT_LIMITS.yearMin && y <= SEGMENT_LIMITS.yearMax))] })}
              data={Array.from({ length: 6 }, (_, i) => String(new Date().getFullYear() + 1 - i))} maxTags={SEGMENT_LIMITS.membershipYears} clearable
            />
            <Checkbox
              label={t('segments.figuresMissing')} description={t('segments.figuresMissingHelp', { month: lastMonth })}
              checked={value.figuresMissingLastMonth} onChange={(e) => set({ figuresMissingLastMonth: e.currentTarget.checked })}
            />
          </Stack>
        </Fieldset>
      ) : null}

      <Fieldset legend={t('segments.person')} variant="filled">
        <Stack gap="sm">
          <MultiSelect
            label={t('segments.languages')} data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`, { ns: 'common' }) }))}
            value={value.languages} onChange={(languages) => set({ languages: languages as SegmentFilter['languages'] })} clearable
          />
          <Radio.Group
            label={t('segments.training')} value={training?.mode ?? 'none'}
            onChange={(mode) => (mode === 'none' ? set({ training: null }) : setTraining({ mode: mode as SegmentTrainingMode }))}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="none" label={t('segments.trainingAny')} />
              <Radio value="registered" label={t('segments.trainingRegistered')} />
              <Radio value="attended" label={t('segments.trainingAttended')} />
            </Stack>
          </Radio.Group>
          {training ? (
            <>
              <MultiSelect
                label={t('segments.themes')} description={t('segments.themesHelp')} clearable
                data={TRAINING_THEMES.map((th) => ({ value: th, label: t(`themes.${th}`, { ns: 'trainings' }) }))}
                value={training.themes} onChange={(themes) => setTraining({ themes: themes as TrainingTheme[] })}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <TextInput type="date" label={t('segments.from')} value={training.from ?? ''} onChange={(e) => setTraining({ from: e.currentTarget.value || null })} />
                <TextInput type="date" label={t('segments.to')} value={training.to ?? ''} onChange={(e) => setTraining({ to: e.currentTarget.value || null })} />
              </SimpleGrid>
            </>
          ) : null}
        </Stack>
      </Fieldset>
    </Stack>
  );
}
