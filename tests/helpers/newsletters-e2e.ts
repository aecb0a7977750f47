import { subscribe } from '../../db/queries/newsletters';
import { createEstablishment, createUser, type TestUser } from './app';
import type { startE2eServer } from './e2e-server';
import type { Actor } from './trainings-e2e';

/**
 * The newsletters journeys' fixtures: four partners subscribed to the
 * « Lettre du réseau », two of them campsites of the Pays Viganais (the
 * segment the issue builds), one campsite elsewhere, one gîte in Le Vigan.
 */
export const SEGMENT_PARTNERS = [
  { name: 'Bruno Castanet', establishment: 'Camping de l’Arre', subcategory: 'camping', commune: '30350', inSegment: true },
  { name: 'Hannah Visser', establishment: 'Camping Le Val d’Arrigas', subcategory: 'camping', commune: '30017', inSegment: true },
  { name: 'Jeanne Martin', establishment: 'Camping des Gorges de l’Hérault', subcategory: 'camping', commune: '34111', inSegment: false },
  { name: 'Louis Fabre', establishment: 'Gîte du Vigan', subcategory: 'gite', commune: '30350', inSegment: false },
];

/** The admins of the newsletters journeys: Claire Dupont, and Emma Clark who reads the app in English. */
export async function createNewsletterAdmins(server: Pick<Awaited<ReturnType<typeof startE2eServer>>, 'db'>) {
  const admin = await createUser({ db: server.db }, 'admin', { name: 'Claire Dupont', email: 'claire.dupont@cevennes-tourisme.example' });
  const english = await createUser({ db: server.db }, 'admin', { name: 'Emma Clark', email: 'emma.clark@cevennes-tourisme.example', language: 'en' });
  return { admin, english };
}

/** Creates the partners (by first name), their establishments and their subscriptions. */
export async function seedSegmentPartners(server: Pick<Awaited<ReturnType<typeof startE2eServer>>, 'db'>): Promise<Record<string, TestUser>> {
  const people: Record<string, TestUser> = {};
  for (const p of SEGMENT_PARTNERS) {
    const e = await createEstablishment({ db: server.db }, { name: p.establishment, category: 'hebergement', subcategory: p.subcategory, communeInsee: p.commune });
    const u = await createUser({ db: server.db }, 'partner', { name: p.name, email: `${p.name.split(' ')[0]!.toLowerCase()}@camping.example`, establishmentId: e.id });
    await subscribe(server.db, { topicId: 'lettre-du-reseau', address: u.email, userId: u.id, source: 'preferences' });
    people[p.name.split(' ')[0]!] = u;
  }
  return people;
}

/** Picks an option of a Mantine MultiSelect by typing part of it. */
export async function pickOption(a: Actor, field: string, typed: string, option: string) {
  const input = a.page.getByRole('combobox', { name: field, exact: true });
  await input.click();
  await input.fill(typed);
  await a.page.getByRole('option', { name: option, exact: true }).click();
  await a.page.keyboard.press('Escape');
}
