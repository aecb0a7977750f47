import { Fieldset, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KINDS } from '../../../../common/trainings';
import type { Territory } from '../../accounts/types';
import { LIMITS, type SessionDetail } from '../types';
import type { SessionForm } from './values';

/** Where the session takes place: an office of the network, an address in one of the communes, or online. */
export function PlaceFieldset({ form, territory, session }: { form: SessionForm; territory: Territory; session?: SessionDetail }) {
  const { t } = useTranslation('trainings');
  const officeData = useMemo(() => territory.offices.filter((o) => o.active || o.id === session?.place.officeId).map((o) => ({ value: o.id, label: o.name })), [territory, session]);
  const communeData = useMemo(
    () =>
      territory.communautes.map((c) => ({
        group: c.name,
        items: territory.communes
          .filter((m) => m.communauteId === c.id)
          .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
          .map((m) => ({ value: m.inseeCode, label: m.postalCode ? `${m.name} (${m.postalCode})` : m.name })),
      })),
    [territory],
  );
  return (
    <Fieldset legend={t('session.place')} radius="md">
      <Stack gap="sm">
        <Radio.Group
          label={t('sessionForm.placeKind')}
          {...form.getInputProps('placeKind')}
        >
          <Group gap="md" mt={4}>
            {PLACE_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={t(`sessionForm.placeKinds.${kind}`)} />
            ))}
          </Group>
        </Radio.Group>
        {form.values.placeKind === 'office' ? (
          <Select label={t('sessionForm.office')} required data={officeData} allowDeselect={false} {...form.getInputProps('officeId')} />
        ) : null}
        {form.values.placeKind === 'address' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('sessionForm.address')} required maxLength={LIMITS.address} {...form.getInputProps('address')} />
            <Select
              label={t('sessionForm.commune')}
              required
              searchable
              data={communeData}
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('communeInsee')}
              onChange={(v) => form.setFieldValue('communeInsee', v ?? '')}
            />
          </SimpleGrid>
        ) : null}
        {form.values.placeKind === 'online' ? (
          <TextInput
            label={t('sessionForm.onlineUrl')}
            description={t('sessionForm.onlineUrlHelp')}
            required
            type="url"
            placeholder="https://"
            {...form.getInputProps('onlineUrl')}
          />
        ) : null}
      </Stack>
    </Fieldset>
  );
}
