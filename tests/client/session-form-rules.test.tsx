/**
 * The session form's slot rules (issue 9, item 12): a new or moved slot must
 * start in the future, a slot kept at its saved start may be past; the api's
 * errors on `slots.N.*` (N in time order) land on the form's own field.
 */
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { sessionRules, slotErrorField, type SlotValue } from '../../client/features/trainings/session-form/values';
import { dayjs, TIME_ZONE } from '../../client/lib/format';

const t = ((key: string) => key) as unknown as TFunction<'trainings'>;
const paris = (d: dayjs.Dayjs) => d.tz(TIME_ZONE).format('YYYY-MM-DD HH:mm:ss');
const yesterday = paris(dayjs().subtract(1, 'day'));
const nextWeek = paris(dayjs().add(7, 'day'));
const slot = (key: string, start: string | null, end: string | null): SlotValue => ({ key, start, end });

function startRule(savedStarts: string[] = []) {
  const rules = sessionRules(t, savedStarts) as { slots: { start: (v: string | null) => string | null } };
  return rules.slots.start;
}

describe('slot start rule', () => {
  it('refuses a new slot in the past and accepts one to come', () => {
    expect(startRule()(yesterday)).toBe('validation.slotInPast');
    expect(startRule()(nextWeek)).toBeNull();
    expect(startRule()(null)).toBe('validation.required');
  });

  it('lets a saved slot that has started stay as it is', () => {
    expect(startRule([yesterday])(yesterday)).toBeNull();
  });
});

describe('api slot errors onto the form', () => {
  it('maps the api index (time order) back to the slot as the form lists it', () => {
    // The form lists the later day first; the api received them in time order.
    const slots = [slot('a', '2030-03-02 09:00:00', '2030-03-02 12:00:00'), slot('b', '2030-03-01 09:00:00', '2030-03-01 12:00:00')];
    expect(slotErrorField(slots, 'slots.0.startsAt')).toBe('slots.1.start');
    expect(slotErrorField(slots, 'slots.1.endsAt')).toBe('slots.0.end');
    expect(slotErrorField(slots, 'status')).toBe('status');
    expect(slotErrorField(slots, 'slots.5.startsAt')).toBe('slots.5.startsAt');
  });
});
