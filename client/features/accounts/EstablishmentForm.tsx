import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CountedTextarea } from '../../components/CountedTextarea';
import { RecordForm } from '../../components/RecordForm';
import { RequiredNote } from '../../components/RequiredNote';
import { WholeNumberInput } from '../../components/WholeNumberInput';
import { saveForm } from '../../lib/api';
import { LIMITS, type CreateEstablishment, type Establishment, type Territory } from './types';
import { emailRule, optionalText, orNull, phoneRule, requiredText, websiteRule } from './validation';
import { CommuneSelect } from './CommuneSelect';
import { useReferenceLabels } from './reference';

interface EstablishmentValues {
  name: string;
  category: string;
  subcategory: string;
  communeInsee: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  description: string;
  labels: string[];
  membershipYear: number | string;
  status: 'active' | 'inactive';
}

function toValues(e: Establishment | undefined): EstablishmentValues {
  return {
    name: e?.name ?? '',
    category: e?.category ?? '',
    subcategory: e?.subcategory ?? '',
    communeInsee: e?.communeInsee ?? '',
    address: e?.address ?? '',
    phone: e?.phone ?? '',
    email: e?.email ?? '',
    website: e?.website ?? '',
    description: e?.description ?? '',
    labels: e?.labels ?? [],
    membershipYear: e?.membershipYear ?? '',
    status: e?.status ?? 'active',
  };
}

interface EstablishmentFormProps {
  territory: Territory;
  establishment?: Establishment;
  /** Partners edit only the public fields of their own establishment. */
  scope: 'all' | 'public';
  saving: boolean;
  onSubmit: (body: CreateEstablishment | Partial<CreateEstablishment>) => Promise<unknown>;
  onCancel?: () => void;
}

/** Create and edit form, with the server's limits checked while typing. */
export function EstablishmentForm({ territory, establishment, scope, saving, onSubmit, onCancel }: EstablishmentFormProps) {
  const { t } = useTranslation('accounts');
  const all = scope === 'all';
  const form = useForm<EstablishmentValues>({
    initialValues: toValues(establishment),
    validateInputOnChange: true,
    validate: {
      name: all ? requiredText(LIMITS.establishmentName) : undefined,
      category: all ? (v) => (v ? null : t('validation.required')) : undefined,
      communeInsee: all ? (v) => (v ? null : t('validation.required')) : undefined,
      address: optionalText(LIMITS.address),
      phone: phoneRule(),
      email: emailRule({ optional: true }),
      website: websiteRule(),
      description: optionalText(LIMITS.description),
      labels: (v) => (v.length > LIMITS.labels ? t('validation.maxItems', { count: LIMITS.labels }) : null),
      membershipYear: (v) =>
        v === '' || (Number.isInteger(Number(v)) && Number(v) >= LIMITS.yearMin && Number(v) <= LIMITS.yearMax)
          ? null
          : t('validation.yearRange', { min: LIMITS.yearMin, max: LIMITS.yearMax }),
    },
  });

  const ref = useReferenceLabels();
  const category = territory.categories.find((c) => c.id === form.values.category);
  const categoryData = territory.categories.map((c) => ({ value: c.id, label: ref.category(c.id, c.label) }));

  const submit = form.onSubmit(async (v) => {
    const publicBody = {
      address: orNull(v.address),
      phone: orNull(v.phone),
      email: orNull(v.email),
      website: orNull(v.website),
      description: orNull(v.description),
    };
    const body = all
      ? {
          ...publicBody,
          name: v.name.trim(),
          category: v.category,
          subcategory: v.subcategory || null,
          communeInsee: v.communeInsee,
          labels: v.labels,
          membershipYear: v.membershipYear === '' ? null : Number(v.membershipYear),
          status: v.status,
        }
      : publicBody;
    await saveForm(form, () => onSubmit(body));
  });

  return (
    <RecordForm
      onSubmit={submit}
      editing={Boolean(establishment)}
      dirty={form.isDirty()}
      createLabel={t('establishments.create')}
      saving={saving}
      onCancel={onCancel}
    >
      {all ? (
        <>
          <RequiredNote />
          <TextInput label={t('establishments.fields.name')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('establishments.fields.category')}
              required
              data={categoryData}
              allowDeselect={false}
              {...form.getInputProps('category')}
              onChange={(value) => {
                form.setFieldValue('category', value ?? '');
                form.setFieldValue('subcategory', '');
              }}
            />
            <Select
              label={t('establishments.fields.subcategory')}
              data={category?.subcategories.map((s) => ({ value: s.id, label: ref.subcategory(s.id, s.label) })) ?? []}
              disabled={!category || category.subcategories.length === 0}
              clearable
              {...form.getInputProps('subcategory')}
              onChange={(value) => form.setFieldValue('subcategory', value ?? '')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CommuneSelect
              territory={territory}
              label={t('establishments.fields.commune')}
              description={t('establishments.fields.communeHelp')}
              required
              {...form.getInputProps('communeInsee')}
            />
            <WholeNumberInput
              label={t('establishments.fields.membershipYear')}
              description={t('establishments.fields.membershipYearHelp')}
              min={LIMITS.yearMin}
              max={LIMITS.yearMax}
              thousandSeparator=""
              {...form.getInputProps('membershipYear')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('establishments.fields.labels')}
            data={territory.labels}
            searchable
            clearable
            maxValues={LIMITS.labels}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('labels')}
          />
          <Select
            label={t('establishments.fields.status')}
            data={[
              { value: 'active', label: t('establishments.status.active') },
              { value: 'inactive', label: t('establishments.status.inactive') },
            ]}
            allowDeselect={false}
            maw={280}
            {...form.getInputProps('status')}
          />
        </>
      ) : null}
      <TextInput label={t('establishments.fields.address')} autoComplete="street-address" {...form.getInputProps('address')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('establishments.fields.phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        <TextInput label={t('establishments.fields.email')} type="email" autoComplete="email" {...form.getInputProps('email')} />
      </SimpleGrid>
      <TextInput label={t('establishments.fields.website')} type="url" autoComplete="url" placeholder="https://" {...form.getInputProps('website')} />
      <CountedTextarea label={t('establishments.fields.description')} max={LIMITS.description} minRows={4} maxRows={12} {...form.getInputProps('description')} />
    </RecordForm>
  );
}
