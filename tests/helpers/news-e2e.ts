import { createEstablishment, createUser, type TestUser } from './app';
import { OFFICE_STAFF } from './e2e-cast';
import type { BrowserJourney } from './e2e-journey';
import type { Actor } from './trainings-e2e';

/**
 * The people of the news browser journeys (tests/e2e/news*.test.ts), on the
 * journey's app: the office's staff member and partners of a campsite or a
 * restaurant, each with their own browser context. Call it in the journey's
 * `beforeAll`, once the app is up.
 */

export interface NewsPerson { name: string; email: string; establishment?: string }
export type NewsCast<K extends string> = Record<K, NewsPerson>;

export async function createNewsCast<K extends string>(
  journey: BrowserJourney,
  /** Partners: establishment name and sub-category (campsites are `hebergement/camping`, restaurants `restauration/restaurant`). */
  partners: Record<K, NewsPerson & { establishment: string; kind: 'camping' | 'restaurant' }>,
) {
  const { server } = journey;
  const users = { staff: await createUser(server, 'staff', OFFICE_STAFF) } as Record<K | 'staff', TestUser>;
  const actors = { staff: await journey.actor('personnel') } as Record<K | 'staff', Actor>;
  const establishments = {} as Record<K, string>;
  for (const [key, who] of Object.entries(partners) as [K, NewsPerson & { establishment: string; kind: 'camping' | 'restaurant' }][]) {
    const est = await createEstablishment(server, who.kind === 'camping'
      ? { name: who.establishment, category: 'hebergement', subcategory: 'camping' }
      : { name: who.establishment, category: 'restauration', subcategory: 'restaurant' });
    establishments[key] = est.id;
    users[key] = await createUser(server, 'partner', { name: who.name, email: who.email, establishmentId: est.id });
    actors[key] = await journey.actor(who.name);
  }
  return { users, actors, establishments };
}
