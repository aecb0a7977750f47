import { Fieldset, Radio, SimpleGrid, Stack } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { WholeNumberInput } from '../../../components/WholeNumberInput';
import { LIMITS } from '../types';
import type { PickerProps } from './usePickerProps';
import type { SessionForm } from './values';

/** Seats, the per-establishment cap, the sign-up deadline and how the waiting list moves. */
export function SignupFieldset({ form, pickerProps }: { form: SessionForm; pickerProps: PickerProps }) {
  const { t } = useTranslation('trainings');
  return (
    <Fieldset legend={t('sessionForm.signup')} radius="md">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <WholeNumberInput label={t('fields.capacity')} required min={1} max={LIMITS.capacityMax} {...form.getInputProps('capacity')} />
          <WholeNumberInput
            label={t('fields.perEstablishmentCap')}
            description={t('sessionForm.capHelp')}
            min={1}
            max={LIMITS.capacityMax}
            {...form.getInputProps('perEstablishmentCap')}
          />
        </SimpleGrid>
        <DateTimePicker
          label={t('fields.signupDeadline')}
          description={t('sessionForm.deadlineHelp')}
          required
          maw={360}
          {...pickerProps}
          {...form.getInputProps('signupDeadline')}
        />
        <Radio.Group label={t('fields.waitlistMode')} {...form.getInputProps('waitlistMode')}>
          <Stack gap="xs" mt={4}>
            <Radio value="offer" label={t('sessionForm.modes.offer')} description={t('sessionForm.modes.offerHelp')} />
            <Radio value="direct" label={t('sessionForm.modes.direct')} description={t('sessionForm.modes.directHelp')} />
          </Stack>
        </Radio.Group>
        {form.values.waitlistMode === 'offer' ? (
          <WholeNumberInput
            label={t('fields.offerHours')}
            description={t('sessionForm.offerHoursHelp')}
            min={LIMITS.offerHoursMin}
            max={LIMITS.offerHoursMax}
            maw={360}
            {...form.getInputProps('offerHours')}
          />
        ) : null}
      </Stack>
    </Fieldset>
  );
}
