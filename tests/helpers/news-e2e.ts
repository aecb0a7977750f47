import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEstablishment, createUser, type TestUser } from './app';
import { screenshotDir } from './browser';
import { startE2eServer } from './e2e-server';
import { launchBrowserWithContexts, newActor, type Actor } from './trainings-e2e';

/**
 * Setup shared by the news browser journeys (tests/e2e/news*.test.ts): the
 * built app, one Chromium, a staff member, a campsite partner and a
 * restaurant partner, each with their own browser context, and the old
 * failure pictures of the journey removed.
 */

export interface NewsPerson { name: string; email: string; establishment?: string }
export type NewsCast<K extends string> = Record<K, NewsPerson>;

export async function startNewsJourney<K extends string>(p: {
  /** Failure pictures whose name contains this are removed first. */
  shots: string;
  staff: NewsPerson;
  /** Partners: establishment name and sub-category (campsites are `hebergement/camping`, restaurants `restauration/restaurant`). */
  partners: Record<K, NewsPerson & { establishment: string; kind: 'camping' | 'restaurant' }>;
}) {
  if (existsSync(screenshotDir)) for (const f of readdirSync(screenshotDir)) if (f.startsWith('echec-') && f.includes(p.shots)) rmSync(join(screenshotDir, f), { force: true });
  const [server, chromium] = await Promise.all([startE2eServer(), launchBrowserWithContexts()]);
  const staffUser = await createUser(server, 'staff', { name: p.staff.name, email: p.staff.email });
  const users = { staff: staffUser } as Record<K | 'staff', TestUser>;
  const actors = { staff: await newActor(await chromium.newContext(), 'personnel') } as Record<K | 'staff', Actor>;
  const establishments = {} as Record<K, string>;
  for (const [key, who] of Object.entries(p.partners) as [K, NewsPerson & { establishment: string; kind: 'camping' | 'restaurant' }][]) {
    const est = await createEstablishment(server, who.kind === 'camping'
      ? { name: who.establishment, category: 'hebergement', subcategory: 'camping' }
      : { name: who.establishment, category: 'restauration', subcategory: 'restaurant' });
    establishments[key] = est.id;
    users[key] = await createUser(server, 'partner', { name: who.name, email: who.email, establishmentId: est.id });
    actors[key] = await newActor(await chromium.newContext(), who.name);
  }
  return {
    server, chromium, users, actors, establishments,
    async close() {
      await chromium.close();
      await server.close();
    },
  };
}
