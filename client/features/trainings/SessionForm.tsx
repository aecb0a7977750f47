import '@mantine/dates/styles.css';
import { Alert, Group, Radio, Stack, Textarea } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { RecordForm } from '../../components/RecordForm';
import { saveForm } from '../../lib/api';
import { formatLocale } from '../../lib/locale';
import type { Territory } from '../accounts/types';
import { PlaceFieldset } from './session-form/PlaceFieldset';
import { SignupFieldset } from './session-form/SignupFieldset';
import { SlotsFieldset } from './session-form/SlotsFieldset';
import { usePickerProps } from './session-form/usePickerProps';
import { sessionBody, sessionRules, slotErrorField, toValues, type SessionValues } from './session-form/values';
import type { CreateSessionBody, SessionDetail, SessionStatus, UpdateSessionBody } from './types';

interface SessionFormProps {
  territory: Territory;
  session?: SessionDetail;
  /** Used to suggest each slot's end from its start. */
  durationMinutes: number;
  saving: boolean;
  onSubmit: (body: CreateSessionBody | UpdateSessionBody) => Promise<unknown>;
  onCancel?: () => void;
}

/** Create or edit a session: slots in Paris time, place, seats, deadline and how the waiting list moves. */
export function SessionForm({ territory, session, durationMinutes, saving, onSubmit, onCancel }: SessionFormProps) {
  const { t } = useTranslation('trainings');
  const form = useForm<SessionValues>({
    initialValues: toValues(session),
    validateInputOnChange: true,
    validate: sessionRules(t, session ? toValues(session).slots.map((s) => s.start).filter((s): s is string => s !== null) : []),
  });

  const statusOptions: SessionStatus[] = session ? (['draft', 'open', 'closed', 'done'] as SessionStatus[]) : ['draft', 'open'];
  const registrants = session ? session.confirmedCount + session.offeredCount + session.waitingCount : 0;
  const noticeNeeded = registrants > 0 && (form.isDirty('slots') || form.isDirty('placeKind') || form.isDirty('officeId') || form.isDirty('communeInsee') || form.isDirty('address') || form.isDirty('onlineUrl'));

  const pickerProps = usePickerProps();
  const submit = form.onSubmit(async (v) => {
    const body = sessionBody(form, v, session);
    await saveForm(form, () => onSubmit(body), (field) => slotErrorField(v.slots, field));
  });

  return (
    <DatesProvider settings={{ locale: formatLocale(), firstDayOfWeek: 1, consistentWeeks: true }}>
      <RecordForm onSubmit={submit} editing={Boolean(session)} dirty={form.isDirty()} createLabel={t('sessionForm.create')} saving={saving} onCancel={onCancel} gap="lg">
        <SlotsFieldset form={form} durationMinutes={durationMinutes} pickerProps={pickerProps} />
        <PlaceFieldset form={form} territory={territory} session={session} />
        <SignupFieldset form={form} pickerProps={pickerProps} />

        <Stack gap="sm">
          <Radio.Group label={t('fields.status')} description={t('sessionForm.statusHelp')} {...form.getInputProps('status')}>
            <Group gap="md" mt={4}>
              {statusOptions.map((s) => (
                <Radio key={s} value={s} label={t(`status.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('fields.notes')}
            description={t('sessionForm.notesHelp')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('notes')}
          />
        </Stack>

        {noticeNeeded ? (
          <Alert color="ochre" variant="light" role="status">
            {t('sessionForm.noticeWarning', { count: registrants })}
          </Alert>
        ) : null}
      </RecordForm>
    </DatesProvider>
  );
}
