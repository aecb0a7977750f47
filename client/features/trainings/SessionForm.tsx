import '@mantine/dates/styles.css';
import { ActionIcon, Alert, Button, Fieldset, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { saveForm } from '../../lib/api';
import { dayjs, TIME_ZONE } from '../../lib/format';
import { formatLocale } from '../../lib/locale';
import type { Territory } from '../accounts/types';
import { orNull } from '../accounts/validation';
import { fromParisInput, toParisInput } from './format';
import { LIMITS, type CreateSessionBody, type PlaceKind, type SessionDetail, type SessionStatus, type UpdateSessionBody, type WaitlistMode } from './types';

interface SlotValue {
  key: string;
  start: string | null;
  end: string | null;
}

export interface SessionValues {
  slots: SlotValue[];
  placeKind: PlaceKind;
  officeId: string;
  communeInsee: string;
  address: string;
  onlineUrl: string;
  capacity: number | string;
  perEstablishmentCap: number | string;
  signupDeadline: string | null;
  waitlistMode: WaitlistMode;
  offerHours: number | string;
  status: SessionStatus;
  notes: string;
}

let slotKey = 0;
const newKey = () => `slot-${++slotKey}`;
const PICKER_FORMAT = 'DD/MM/YYYY HH:mm';

function toValues(session: SessionDetail | undefined): SessionValues {
  return {
    slots: session
      ? session.slots.map((s) => ({ key: newKey(), start: toParisInput(s.startsAt), end: toParisInput(s.endsAt) }))
      : [{ key: newKey(), start: null, end: null }],
    placeKind: session?.place.kind ?? 'office',
    officeId: session?.place.officeId ?? '',
    communeInsee: session?.place.communeInsee ?? '',
    address: session?.place.kind === 'address' ? (session.place.address ?? '') : '',
    onlineUrl: session?.place.onlineUrl ?? '',
    capacity: session?.capacity ?? 12,
    perEstablishmentCap: session?.perEstablishmentCap ?? '',
    signupDeadline: toParisInput(session?.signupDeadline),
    waitlistMode: session?.waitlistMode ?? 'offer',
    offerHours: session?.offerHours ?? 48,
    status: session?.status ?? 'draft',
    notes: session?.notes ?? '',
  };
}

const paris = (value: string) => dayjs.tz(value, TIME_ZONE);

/** Slots as the api wants them: ISO instants with the Paris offset, in time order. */
function slotsBody(slots: SlotValue[]) {
  return slots
    .filter((s) => s.start && s.end)
    .map((s) => ({ startsAt: fromParisInput(s.start!), endsAt: fromParisInput(s.end!) }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

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
  const isPhone = useMediaQuery('(max-width: 48em)');
  const form = useForm<SessionValues>({
    initialValues: toValues(session),
    validateInputOnChange: true,
    validate: {
      slots: {
        start: (v) => (v ? null : t('validation.required')),
        end: (v, values, path) => {
          if (!v) return t('validation.required');
          const index = Number(path.split('.')[1]);
          const start = values.slots[index]?.start;
          return start && !paris(v).isAfter(paris(start)) ? t('validation.slotOrder') : null;
        },
      },
      officeId: (v, values) => (values.placeKind === 'office' && !v ? t('validation.required') : null),
      communeInsee: (v, values) => (values.placeKind === 'address' && !v ? t('validation.required') : null),
      address: (v, values) => {
        if (values.placeKind !== 'address') return null;
        if (!v.trim()) return t('validation.required');
        return v.length > LIMITS.address ? t('validation.maxLength', { count: LIMITS.address }) : null;
      },
      onlineUrl: (v, values) => {
        if (values.placeKind !== 'online') return null;
        const url = v.trim();
        if (!url) return t('validation.required');
        if (!/^https:\/\/\S+\.\S+/i.test(url) || url.length > LIMITS.onlineUrl) return t('validation.httpsUrl');
        return null;
      },
      capacity: (v) =>
        Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= LIMITS.capacityMax && v !== ''
          ? null
          : t('validation.between', { min: 1, max: LIMITS.capacityMax }),
      perEstablishmentCap: (v) =>
        v === '' || (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= LIMITS.capacityMax)
          ? null
          : t('validation.between', { min: 1, max: LIMITS.capacityMax }),
      signupDeadline: (v, values) => {
        if (!v) return t('validation.required');
        const starts = values.slots.map((s) => s.start).filter((s): s is string => Boolean(s)).sort();
        return starts[0] && paris(v).isAfter(paris(starts[0])) ? t('validation.deadlineAfterStart') : null;
      },
      offerHours: (v, values) =>
        values.waitlistMode === 'direct' ||
        (v !== '' && Number.isInteger(Number(v)) && Number(v) >= LIMITS.offerHoursMin && Number(v) <= LIMITS.offerHoursMax)
          ? null
          : t('validation.between', { min: LIMITS.offerHoursMin, max: LIMITS.offerHoursMax }),
      notes: (v) => (v.length > LIMITS.notes ? t('validation.maxLength', { count: LIMITS.notes }) : null),
    },
  });

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
  const statusOptions: SessionStatus[] = session ? (['draft', 'open', 'closed', 'done'] as SessionStatus[]) : ['draft', 'open'];
  const registrants = session ? session.confirmedCount + session.offeredCount + session.waitingCount : 0;
  const noticeNeeded = registrants > 0 && (form.isDirty('slots') || form.isDirty('placeKind') || form.isDirty('officeId') || form.isDirty('communeInsee') || form.isDirty('address') || form.isDirty('onlineUrl'));

  const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD HH:mm:ss');
  const slotMinutes = () => (form.getValues().slots.length > 1 ? Math.min(durationMinutes, 8 * 60) : durationMinutes);
  const suggestedEnd = (start: string) => fmt(paris(start).add(slotMinutes(), 'minute'));
  const suggestedDeadline = (start: string) => fmt(paris(start).subtract(2, 'day').hour(18).minute(0).second(0));

  /**
   * Suggests the slot's end from the training's duration and, for the first
   * slot, a deadline two days before at 18:00 — unless the user already chose
   * their own (a value that is not the previous suggestion).
   */
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

  const submit = form.onSubmit(async (v) => {
    const place = {
      kind: v.placeKind,
      officeId: v.placeKind === 'office' ? v.officeId : null,
      communeInsee: v.placeKind === 'address' ? v.communeInsee : null,
      address: v.placeKind === 'address' ? v.address.trim() : null,
      onlineUrl: v.placeKind === 'online' ? v.onlineUrl.trim() : null,
    };
    const full = {
      slots: slotsBody(v.slots),
      place,
      capacity: Number(v.capacity),
      perEstablishmentCap: v.perEstablishmentCap === '' ? null : Number(v.perEstablishmentCap),
      signupDeadline: fromParisInput(v.signupDeadline!),
      waitlistMode: v.waitlistMode,
      offerHours: Number(v.offerHours) || 48,
      notes: orNull(v.notes),
      status: v.status,
    };
    let body: CreateSessionBody | UpdateSessionBody = full as CreateSessionBody;
    if (session) {
      // Only what changed: an untouched time or place must not send "changed" e-mails to registrants.
      const changed: UpdateSessionBody = {};
      if (form.isDirty('slots')) changed.slots = full.slots;
      if (['placeKind', 'officeId', 'communeInsee', 'address', 'onlineUrl'].some((f) => form.isDirty(f))) changed.place = place;
      if (form.isDirty('capacity')) changed.capacity = full.capacity;
      if (form.isDirty('perEstablishmentCap')) changed.perEstablishmentCap = full.perEstablishmentCap;
      if (form.isDirty('signupDeadline')) changed.signupDeadline = full.signupDeadline;
      if (form.isDirty('waitlistMode')) changed.waitlistMode = full.waitlistMode;
      if (form.isDirty('offerHours')) changed.offerHours = full.offerHours;
      if (form.isDirty('notes')) changed.notes = full.notes;
      if (form.isDirty('status')) changed.status = full.status;
      body = changed;
    }
    await saveForm(form, () => onSubmit(body));
  });

  const pickerProps = {
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
    timePickerProps: { format: formatLocale() === 'fr' ? ('24h' as const) : ('12h' as const) },
    submitButtonProps: { 'aria-label': t('sessionForm.pickerDone') },
  };

  return (
    <DatesProvider settings={{ locale: formatLocale(), firstDayOfWeek: 1, consistentWeeks: true }}>
      <form noValidate onSubmit={submit}>
        <Stack gap="lg">
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

          <Fieldset legend={t('session.place')} radius="md">
            <Stack gap="sm">
              <Radio.Group
                label={t('sessionForm.placeKind')}
                {...form.getInputProps('placeKind')}
              >
                <Group gap="md" mt={4}>
                  {(['office', 'address', 'online'] as const).map((kind) => (
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

          <Fieldset legend={t('sessionForm.signup')} radius="md">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput label={t('fields.capacity')} required min={1} max={LIMITS.capacityMax} allowDecimal={false} allowNegative={false} {...form.getInputProps('capacity')} />
                <NumberInput
                  label={t('fields.perEstablishmentCap')}
                  description={t('sessionForm.capHelp')}
                  min={1}
                  max={LIMITS.capacityMax}
                  allowDecimal={false}
                  allowNegative={false}
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
                <NumberInput
                  label={t('fields.offerHours')}
                  description={t('sessionForm.offerHoursHelp')}
                  min={LIMITS.offerHoursMin}
                  max={LIMITS.offerHoursMax}
                  allowDecimal={false}
                  allowNegative={false}
                  maw={360}
                  {...form.getInputProps('offerHours')}
                />
              ) : null}
            </Stack>
          </Fieldset>

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
          <FormActions
            submitLabel={session ? t('common.save') : t('sessionForm.create')}
            saving={saving}
            disabled={Boolean(session) && !form.isDirty()}
            onCancel={onCancel}
          />
        </Stack>
      </form>
    </DatesProvider>
  );
}
