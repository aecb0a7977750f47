import { beforeAll, expect, test } from 'vitest';
import { TEST_PASSWORD, type TestUser } from '../helpers/app';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import { createNewsletterAdmins, pickOption, SEGMENT_PARTNERS, seedSegmentPartners } from '../helpers/newsletters-e2e';
import type { Actor } from '../helpers/trainings-e2e';

/**
 * Parcours « segments » dans Chromium sur l'application construite : une
 * administratrice construit le segment « Campings du Pays Viganais » (sous-
 * catégorie Camping, communauté du Pays Viganais), voit le nombre de
 * destinataires se mettre à jour et l'échantillon (adresses masquées),
 * l'enregistre, le retrouve dans la liste et dans le formulaire de campagne ;
 * un administrateur anglophone rouvre le segment en anglais. axe sur chaque
 * page ; captures à 1280 et 360 px, en français et en anglais.
 */
const journey = browserJourney('segments', { timeout: 20_000 });
let server: E2eServer;
let admin: TestUser;
let english: TestUser;
let adminActor: Actor;
let englishActor: Actor;

const PARTNERS = SEGMENT_PARTNERS;

beforeAll(async () => {
  server = journey.server;
  ({ admin, english } = await createNewsletterAdmins(server));
  await seedSegmentPartners(server);
  adminActor = await journey.actor('admin');
  englishActor = await journey.actor('admin (en)');
}, 120_000);

test('an admin builds « Campings du Pays Viganais », sees the live count and a masked sample, saves it and finds it in the campaign form', async () => {
  const a = journey.as(adminActor);
  const page = a.page;
  await a.logIn(server.url, admin.email, TEST_PASSWORD);
  // The menu lists the page for admins (its link may sit below the fold of the side bar).
  expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Segments' }).getAttribute('href')).toBe('/lettres/segments');
  await page.goto(`${server.url}/lettres/segments`);
  await a.visit('Segments', 'liste des segments (vide)', 'segments-liste-vide');
  await page.getByRole('link', { name: 'Nouveau segment' }).click();
  await a.settle('Nouveau segment');
  const count = page.getByTestId('segment-count');
  // Everyone subscribed to the « Lettre du réseau »: the four partners.
  await expect.poll(() => count.textContent()).toBe('4 destinataires');

  await page.getByRole('textbox', { name: 'Nom du segment' }).fill('Campings du Pays Viganais');
  await page.getByRole('radio', { name: 'Partenaires' }).check();
  await pickOption(a, 'Sous-catégories', 'Camp', 'Camping');
  await expect.poll(() => count.textContent()).toBe('3 destinataires');
  await pickOption(a, 'Communautés de communes', 'Viganais', 'Communauté de communes du Pays Viganais');
  await expect.poll(() => count.textContent()).toBe('2 destinataires');

  // The sample: the two campsites of the Pays Viganais, addresses masked.
  const sample = page.getByRole('table').filter({ hasText: 'Adresse' });
  for (const p of PARTNERS) {
    const row = sample.getByRole('row').filter({ hasText: p.establishment });
    expect(await row.count(), p.establishment).toBe(p.inSegment ? 1 : 0);
    if (p.inSegment) expect(await row.textContent()).toContain(`${p.name[0]!.toLowerCase()}•••@camping.example`);
  }
  expect(await sample.textContent()).not.toContain('bruno@camping.example');
  await a.settle('Nouveau segment');
  await a.expectAccessible('éditeur de segment');
  await a.shoot('segments-editeur');

  await page.getByRole('button', { name: 'Enregistrer le segment' }).click();
  await a.settle('Segments');
  await page.getByRole('link', { name: 'Campings du Pays Viganais' }).waitFor();
  await a.visit('Segments', 'liste des segments', 'segments-liste');

  // The campaign form offers it.
  await page.goto(`${server.url}/lettres/campagnes/nouvelle`);
  await a.settle('Nouvelle campagne');
  await page.getByRole('combobox', { name: 'Segment', exact: true }).click();
  await page.getByRole('option', { name: 'Campings du Pays Viganais' }).waitFor();
  await page.keyboard.press('Escape');
}, 240_000);

test('an English-speaking admin reopens the segment in English', async () => {
  const a = journey.as(englishActor);
  const page = a.page;
  await a.logIn(server.url, english.email, TEST_PASSWORD).catch(async () => {
    // The log-in page is French until the account's language is known.
    await a.settle(/^Hello|^Bonjour/);
  });
  await page.goto(`${server.url}/lettres/segments`);
  await a.settle('Segments');
  await page.getByRole('link', { name: 'Campings du Pays Viganais' }).click();
  await a.settle('Edit segment');
  await expect.poll(() => page.getByTestId('segment-count').textContent()).toBe('2 recipients');
  await page.getByRole('table').filter({ hasText: 'Address' }).getByRole('row').filter({ hasText: 'Camping de l’Arre' }).waitFor();
  await a.settle('Edit segment');
  await a.expectAccessible('segment editor (English)');
  await a.shoot('segments-editor-en');
}, 120_000);
