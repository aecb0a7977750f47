import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatLocale } from '../../../lib/locale';

const PICKER_FORMAT = 'DD/MM/YYYY HH:mm';

/** Props shared by every date-and-time picker of the session form: format, labelled controls, a modal on phones. */
export function usePickerProps() {
  const { t } = useTranslation('trainings');
  const isPhone = useMediaQuery('(max-width: 48em)');
  return {
    valueFormat: PICKER_FORMAT,
    defaultTimeValue: '09:00',
    dropdownType: isPhone ? ('modal' as const) : ('popover' as const),
    clearable: true,
    clearButtonProps: { 'aria-label': t('sessionForm.clearDate') },
    // Named month/year arrows, and no greyed days of the neighbouring months (they fail AA contrast).
    ariaLabels: {
      nextMonth: t('sessionForm.calendar.nextMonth'),
      previousMonth: t('sessionForm.calendar.previousMonth'),
      nextYear: t('sessionForm.calendar.nextYear'),
      previousYear: t('sessionForm.calendar.previousYear'),
      nextDecade: t('sessionForm.calendar.nextDecade'),
      previousDecade: t('sessionForm.calendar.previousDecade'),
      monthLevelControl: t('sessionForm.calendar.monthLevel'),
      yearLevelControl: t('sessionForm.calendar.yearLevel'),
    },
    hideOutsideDates: true,
    // Every part of the time field is named, the English AM/PM select included.
    timePickerProps: {
      format: formatLocale() === 'fr' ? ('24h' as const) : ('12h' as const),
      hoursInputLabel: t('sessionForm.calendar.hours'),
      minutesInputLabel: t('sessionForm.calendar.minutes'),
      amPmInputLabel: t('sessionForm.calendar.amPm'),
    },
    submitButtonProps: { 'aria-label': t('sessionForm.pickerDone') },
  };
}

export type PickerProps = ReturnType<typeof usePickerProps>;
