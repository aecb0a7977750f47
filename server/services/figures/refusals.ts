import type { FiguresProblem } from '../../../common/figures';
import { refusalsOf, type RefusalEntry } from '../../lib/refusals';

/** Every reason the figures feature refuses. */
export type Reason = FiguresProblem | 'noFigures' | 'noEstablishment' | 'badRange' | 'editionExists' | 'editionNotFound';

const refusals = {
  monthInFuture: [400, 'figures.monthInFuture', 'month'],
  monthTooOld: [400, 'figures.monthTooOld', 'month'],
  capacityRequired: [400, 'figures.capacityRequired', 'capacity', 'figures.invalid'],
  nightsRequired: [400, 'figures.nightsRequired', 'nightsSold', 'figures.invalid'],
  nightsOverCapacity: [400, 'figures.nightsOverCapacity', 'nightsSold', 'figures.invalid'],
  bothNightsAndRate: [400, 'figures.bothNightsAndRate', 'occupancyRate', 'figures.invalid'],
  countriesOverForeign: [400, 'figures.countriesOverForeign', 'countries', 'figures.invalid'],
  countriesWithoutForeign: [400, 'figures.countriesWithoutForeign', 'foreignShare', 'figures.invalid'],
  visitorsRequired: [400, 'figures.visitorsRequired', 'visitors', 'figures.invalid'],
  notForKind: [400, 'figures.notForKind', undefined, 'figures.invalid'],
  noFigures: [409, 'figures.noFigures'],
  noEstablishment: [403, 'figures.noEstablishment'],
  badRange: [400, 'figures.badRange'],
  editionExists: [409, 'figures.editionExists'],
  editionNotFound: [404, 'figures.editionNotFound'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf(refusals);
