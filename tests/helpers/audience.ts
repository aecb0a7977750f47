import type { Audience } from '../../db/queries/audience';

/**
 * An audience as the API carries it, for a test: `audienceOf('everyone')`,
 * `audienceOf('staff')`, or partners narrowed by the lists given
 * (`audienceOf('partners', { subcategories: ['camping'] })`); the lists not
 * given are empty.
 */
export function audienceOf(kind: Audience['kind'], lists: Partial<Omit<Audience, 'kind'>> = {}): Audience {
  return { kind, categories: [], subcategories: [], communes: [], communautes: [], offices: [], ...lists };
}

/** Everyone signed in: the audience of most fixtures. */
export const EVERYONE = audienceOf('everyone');

/** The partners whose establishment is a campsite (sub-category `camping`). */
export const CAMPSITES = audienceOf('partners', { subcategories: ['camping'] });
