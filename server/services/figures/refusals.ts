import { refusalsOf, ownMessagesByStatus, type RefusalEntry } from '../../lib/refusals';

/**
 * Every reason the figures feature refuses. Of a month's problems
 * (common/figures.ts), only the month's own are refused one by one; the
 * others come together as one `figures.invalid` problem (saveMonth).
 */
export type Reason = 'monthInFuture' | 'monthTooOld' | 'noFigures' | 'noEstablishment' | 'badRange' | 'editionExists' | 'editionNotFound';

const refusals = {
  monthInFuture: [400, 'figures.monthInFuture', 'month'],
  monthTooOld: [400, 'figures.monthTooOld', 'month'],
  ...ownMessagesByStatus('figures', { 400: ['badRange'], 403: ['noEstablishment'], 404: ['editionNotFound'], 409: ['noFigures', 'editionExists'] }),
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf(refusals);
