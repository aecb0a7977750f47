import { Fieldset, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KINDS } from '../../../../common/trainings';
import { CommuneSelect } from '../../accounts/CommuneSelect';
import type { Territory } from '../../accounts/types';
import { LIMITS, type SessionDetail } from '../types';
import type { SessionForm } from './values';

/** Where the session takes place: an office of the network, an address in one of the communes, or online. */
export function PlaceFieldset({ form, territory, session }: { form: SessionForm; territory: Territory; session?: SessionDetail }) {
  const { t } = useTranslation('trainings');
  const officeData = useMemo(() => territory.offices.filter((o) => o.active || o.id === session?.place.officeId).map((o) => ({ value: o.id, label: o.name })), [territory, session]);
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
            <CommuneSelect territory={territory} label={t('sessionForm.commune')} required {...form.getInputProps('communeInsee')} />
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
