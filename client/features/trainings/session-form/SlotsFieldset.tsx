import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dayjs, TIME_ZONE } from '../../../lib/format';
import { LIMITS } from '../types';
import type { PickerProps } from './usePickerProps';
import { newKey, paris, type SessionForm } from './values';

/**
 * The session's time slots (Paris time). Choosing a start suggests the slot's end from the training's
 * duration and, for the first slot, a deadline two days before at 18:00, unless the user already chose
 * their own (a value that is not the previous suggestion).
 */
export function SlotsFieldset({ form, durationMinutes, pickerProps }: { form: SessionForm; durationMinutes: number; pickerProps: PickerProps }) {
  const { t } = useTranslation('trainings');
  const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD HH:mm:ss');
  const slotMinutes = () => (form.getValues().slots.length > 1 ? Math.min(durationMinutes, 8 * 60) : durationMinutes);
  const suggestedEnd = (start: string) => fmt(paris(start).add(slotMinutes(), 'minute'));
  const suggestedDeadline = (start: string) => fmt(paris(start).subtract(2, 'day').hour(18).minute(0).second(0));

  const onStartChange = (index: number, value: string | null) => {
    const previous = form.getValues().slots[index]?.start ?? null;
    form.setFieldValue(`slots.${index}.start`, value);
    if (!value) return;
    const end = form.getValues().slots[index]?.end ?? null;
    if (!end || (previous && end === suggestedEnd(previous))) form.setFieldValue(`slots.${index}.end`, suggestedEnd(value));
    const deadline = form.getValues().signupDeadline;
    if (index === 0 && (!deadline || (previous && deadline === suggestedDeadline(previous)))) {
      form.setFieldValue('signupDeadline', suggestedDeadline(value));
    }
  };

  // Days before today cannot be picked (the api refuses a new or moved slot in the past).
  const today = dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

  return (
    <Fieldset legend={t('sessionForm.slots')} radius="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sessionForm.slotsHelp')}
        </Text>
        {form.values.slots.map((slot, index) => (
          <Group key={slot.key} gap="sm" align="flex-start" wrap="wrap">
            <DateTimePicker
              label={t('sessionForm.slotStart', { n: index + 1 })}
              required
              style={{ flex: '1 1 12rem' }}
              {...pickerProps}
              minDate={today}
              {...form.getInputProps(`slots.${index}.start`)}
              onChange={(value) => onStartChange(index, value)}
            />
            <DateTimePicker
              label={t('sessionForm.slotEnd', { n: index + 1 })}
              required
              style={{ flex: '1 1 12rem' }}
              {...pickerProps}
              {...form.getInputProps(`slots.${index}.end`)}
            />
            {form.values.slots.length > 1 ? (
              <ActionIcon
                variant="default"
                size={36}
                mt={{ base: 0, sm: 25 }}
                aria-label={t('sessionForm.removeSlot', { n: index + 1 })}
                onClick={() => form.removeListItem('slots', index)}
              >
                <span aria-hidden="true">✕</span>
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {form.values.slots.length < LIMITS.slots ? (
          <Button
            variant="light"
            w="fit-content"
            onClick={() => form.insertListItem('slots', { key: newKey(), start: null, end: null })}
          >
            {t('sessionForm.addSlot')}
          </Button>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('sessionForm.timeZone')}
        </Text>
      </Stack>
    </Fieldset>
  );
}
