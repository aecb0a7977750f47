/** The session form's values, its rules, and the body sent to the api (SessionForm.tsx). */
import type { FormValidateInput, UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { dayjs, TIME_ZONE } from '../../../lib/format';
import { orNull } from '../../accounts/validation';
import { fromParisInput, toParisInput } from '../format';
import { LIMITS, type CreateSessionBody, type PlaceKind, type SessionDetail, type SessionStatus, type UpdateSessionBody, type WaitlistMode } from '../types';

export interface SlotValue {
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
export const newKey = () => `slot-${++slotKey}`;

export function toValues(session: SessionDetail | undefined): SessionValues {
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

export const paris = (value: string) => dayjs.tz(value, TIME_ZONE);

/** The filled slots in time order, with their place in the form: the api gets (and names in its errors) this order. */
function slotsInTimeOrder(slots: SlotValue[]) {
  return slots
    .map((s, formIndex) => ({ s, formIndex }))
    .filter(({ s }) => s.start && s.end)
    .map(({ s, formIndex }) => ({ formIndex, startsAt: fromParisInput(s.start!), endsAt: fromParisInput(s.end!) }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Slots as the api wants them: ISO instants with the Paris offset, in time order. */
function slotsBody(slots: SlotValue[]) {
  return slotsInTimeOrder(slots).map(({ startsAt, endsAt }) => ({ startsAt, endsAt }));
}

/** The form field of an api error on `slots.N.startsAt` / `slots.N.endsAt` (N in time order); other fields as they are. */
export function slotErrorField(slots: SlotValue[], field: string): string {
  const m = /^slots\.(\d+)\.(startsAt|endsAt)$/.exec(field);
  const slot = m ? slotsInTimeOrder(slots)[Number(m[1])] : undefined;
  return slot ? `slots.${slot.formIndex}.${m![2] === 'startsAt' ? 'start' : 'end'}` : field;
}

export type SessionForm = UseFormReturnType<SessionValues>;

/**
 * The form's rules: the server's, so that the form warns while typing. A new
 * or moved slot starts in the future; a slot kept at its saved start may be
 * past (a session under way can still have a later day moved).
 */
export function sessionRules(t: TFunction<'trainings'>, savedStarts: readonly string[] = []): FormValidateInput<SessionValues> {
  return {
    slots: {
      start: (v) => {
        if (!v) return t('validation.required');
        return !savedStarts.includes(v) && !paris(v).isAfter(dayjs()) ? t('validation.slotInPast') : null;
      },
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
  };
}

/** What the api is sent: everything for a new session; for an existing one only what changed. */
export function sessionBody(form: SessionForm, v: SessionValues, session: SessionDetail | undefined): CreateSessionBody | UpdateSessionBody {
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
  if (!session) return full as CreateSessionBody;
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
  return changed;
}
