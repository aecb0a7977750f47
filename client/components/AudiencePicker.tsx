import { Fieldset, MultiSelect, Radio, Stack, Text, type MultiSelectProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceBody } from '../../server/schemas/audience';
import { AUDIENCE_KINDS, type AudienceKind } from '../../common/documents';
import { useTerritory } from '../features/accounts/api';
import { useReferenceLabels } from '../features/accounts/reference';

export type Audience = AudienceBody;

/** An audience of `kind`; the partners' lists are kept only for `partners` (the server stores them only then). */
export function audienceOfKind(kind: AudienceKind, from?: Audience): Audience {
  return kind === 'partners' && from ? { ...from, kind } : { kind, categories: [], subcategories: [], communes: [], communautes: [], offices: [] };
}

interface AudiencePickerProps {
  value: Audience;
  onChange: (audience: Audience) => void;
  /** The group's legend (defaults to « Qui peut voir »). */
  label?: string;
  description?: string;
  /** The server's message for the field (unknown commune…). */
  error?: string;
}

/**
 * Who may see a piece of content (documents, news, newsletter segments): everyone, staff only, or
 * partners narrowed by what they are (categories, sub-categories) and where they are (communes,
 * communautés de communes, offices), as server/schemas/audience.ts and db/queries/audience.ts define it.
 * Choosing another kind keeps nothing of the partners' lists (the server stores them only for `partners`).
 */
export function AudiencePicker({ value, onChange, label, description, error }: AudiencePickerProps) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <Stack gap="sm">
      <Radio.Group
        label={label ?? t('audience.label')}
        description={description}
        value={value.kind}
        onChange={(kind) => onChange(audienceOfKind(kind as AudienceKind, value))}
        error={error}
        errorProps={{ id: errorId }}
      >
        <Stack gap="xs" mt="xs">
          {AUDIENCE_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={t(`audience.${kind}`)} description={t(`audience.${kind}Help`)} />
          ))}
        </Stack>
      </Radio.Group>
      {value.kind === 'partners' ? <AudienceCriteria value={value} onChange={(patch) => onChange({ ...value, ...patch })} /> : null}
    </Stack>
  );
}

/** The partners' lists of an audience: what they are, where they are. */
export type AudienceLists = Omit<Audience, 'kind'>;

/**
 * The partners' criteria alone (what they are, where they are), for a form that says who otherwise
 * (newsletter segments): the same lists and the same reading as the audience rule.
 */
export function AudienceCriteria({ value, onChange }: { value: AudienceLists; onChange: (patch: Partial<AudienceLists>) => void }) {
  const { t } = useTranslation();
  const territory = useTerritory();
  const labels = useReferenceLabels();
  const data = territory.data;
  const set = onChange;

  const multi = (props: Omit<MultiSelectProps, 'comboboxProps'>) => (
    <MultiSelect searchable clearable hidePickedOptions nothingFoundMessage={t('common.nothingFound')} maxDropdownHeight={260} {...props} />
  );

  return (
        <>
          <Criteria legend={t('audience.what')} help={t('audience.whatHelp')}>
              {multi({
                label: t('audience.categories'),
                data: (data?.categories ?? []).map((c) => ({ value: c.id, label: labels.category(c.id, c.label) })),
                value: value.categories,
                onChange: (categories) => set({ categories }),
                maxValues: 20,
              })}
              {multi({
                label: t('audience.subcategories'),
                data: (data?.categories ?? []).map((c) => ({
                  group: labels.category(c.id, c.label),
                  items: c.subcategories.map((s) => ({ value: s.id, label: labels.subcategory(s.id, s.label) })),
                })),
                value: value.subcategories,
                onChange: (subcategories) => set({ subcategories }),
                maxValues: 60,
              })}
          </Criteria>
          <Criteria legend={t('audience.where')} help={t('audience.whereHelp')}>
              {multi({
                label: t('audience.communautes'),
                data: (data?.communautes ?? []).map((c) => ({ value: c.id, label: c.name })),
                value: value.communautes,
                onChange: (communautes) => set({ communautes }),
                maxValues: 10,
              })}
              {multi({
                label: t('audience.communes'),
                data: (data?.communes ?? []).map((c) => ({ value: c.inseeCode, label: c.postalCode ? `${c.name} (${c.postalCode})` : c.name })),
                value: value.communes,
                onChange: (communes) => set({ communes }),
                limit: 60,
                maxValues: 60,
              })}
              {multi({
                label: t('audience.offices'),
                description: t('audience.officesHelp'),
                data: (data?.offices ?? []).filter((o) => o.active || value.offices.includes(o.id)).map((o) => ({ value: o.id, label: o.name })),
                value: value.offices,
                onChange: (offices) => set({ offices }),
                maxValues: 20,
              })}
          </Criteria>
        </>
  );
}

/** A group of the partners' criteria: its legend, what an empty choice means, its fields. */
function Criteria({ legend, help, children }: { legend: string; help: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} variant="filled">
      <Text size="sm" c="dimmed" mb="xs">
        {help}
      </Text>
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}

/** One line saying who may see a piece of content, in the reader's language. */
export function useAudienceSummary() {
  const { t } = useTranslation();
  const territory = useTerritory();
  const labels = useReferenceLabels();
  return (audience: Audience): string => {
    if (audience.kind !== 'partners') return t(audience.kind === 'everyone' ? 'audience.summaryEveryone' : 'audience.summaryStaff');
    const data = territory.data;
    const what = [
      ...audience.categories.map((id) => labels.category(id)),
      ...audience.subcategories.map((id) => labels.subcategory(id)),
    ];
    const where = [
      ...audience.communautes.map((id) => data?.communautes.find((c) => c.id === id)?.name ?? id),
      ...audience.communes.map((id) => data?.communes.find((c) => c.inseeCode === id)?.name ?? id),
      ...audience.offices.map((id) => data?.offices.find((o) => o.id === id)?.name ?? id),
    ];
    return t('audience.summaryPartners', {
      what: what.length ? what.join(', ') : t('audience.anyWhat'),
      where: where.length ? where.join(', ') : t('audience.anyWhere'),
    });
  };
}
