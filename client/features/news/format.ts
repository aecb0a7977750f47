import { placeLine } from '../../../common/places';
import { dayjs, formatDateTime, formatLocale, TIME_ZONE } from '../../lib/format';
import { formatWhen } from '../trainings/format';
import type { NewsCategory, NewsPlace, NewsPostState } from './types';

/** A category's name in the reader's language (its id when the list is not loaded yet). */
export function categoryLabel(categories: readonly NewsCategory[] | undefined, id: string | null): string {
  if (!id) return '';
  const category = categories?.find((c) => c.id === id);
  if (!category) return id;
  return formatLocale() === 'fr' ? category.labelFr : category.labelEn;
}

/** When an event takes place, Paris time: a range as the trainings show it, or a single moment. */
export function formatEventWhen(start: string, end: string | null): string {
  return end ? formatWhen(start, end) : formatDateTime(start);
}

/** The place's readable line (common/places.ts, the trainings' wording). */
export function placeText(place: NewsPlace): string {
  // The trainings call an address in a commune 'address'.
  return placeLine({ ...place, kind: place.kind === 'commune' ? 'address' : place.kind, lat: null, lon: null }, formatLocale());
}

/** "2026-12" of a date, Paris time. */
export function monthOf(value: string | Date): string {
  return dayjs(value).tz(TIME_ZONE).format('YYYY-MM');
}

/** "2026-12-03" of a date, Paris time: the key events are grouped by. */
export function dayOf(value: string | Date): string {
  return dayjs(value).tz(TIME_ZONE).format('YYYY-MM-DD');
}

export const STATE_COLORS: Record<NewsPostState, string> = {
  draft: 'gray',
  scheduled: 'ochre',
  live: 'cevennes',
  expired: 'stone',
};
