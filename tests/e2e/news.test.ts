import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TestUser } from '../helpers/app';
import { JOURNEY_OFFICE, OFFICE_STAFF } from '../helpers/e2e-cast';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import { createNewsCast } from '../helpers/news-e2e';
import type { Actor } from '../helpers/trainings-e2e';

/**
 * Parcours « actualités » dans Chromium sur l'application construite : le
 * personnel publie une actualité épinglée pour les campings, avec une image
 * de couverture et un événement au bureau du Vigan ; un partenaire camping la
 * voit en tête de son fil, l'ouvre et ajoute l'événement à son agenda (.ics en
 * text/calendar) ; un partenaire restaurant ne la voit ni dans son fil, ni dans
 * l'agenda, ni par son adresse. axe passe sur le fil, l'actualité, l'agenda et
 * l'éditeur. (L'étape « commentaire » est celle de la participation.)
 */

const POST = {
  title: 'Salon des campings cévenols',
  summary: 'Rencontre des gestionnaires de campings au bureau du Vigan.',
  body: 'Programme : accueil, ateliers et échanges entre campings du réseau.',
  alt: 'Tentes sous les châtaigniers au bord de l’Arre',
};
const CAMPING = { name: 'Bruno Castanet', email: 'bruno.news@camping-de-l-arre.example', establishment: "Camping de l'Arre" };
const RESTAURANT = { name: 'Rose Nadal', email: 'rose.news@auberge-du-col.example', establishment: 'Auberge du Col' };

const journey = browserJourney('actualites');
const { as } = journey;
let server: E2eServer;
let staff: Actor;
let camping: Actor;
let restaurant: Actor;
let users: Record<'staff' | 'camping' | 'restaurant', TestUser>;
let postPath = '';

/** The 15th of next month, as the date picker names its day button ("15 janvier 2027"). */
function nextMonth15() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  const year = m === 12 ? y! + 1 : y!;
  const month = m === 12 ? 1 : m! + 1;
  return `15 ${new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15))} ${year}`;
}

beforeAll(async () => {
  server = journey.server;
  const cast = await createNewsCast(journey, { camping: { ...CAMPING, kind: 'camping' }, restaurant: { ...RESTAURANT, kind: 'restaurant' } });
  ({ users } = cast);
  ({ staff, camping, restaurant } = cast.actors);
});

/** Opens a date picker by its label, goes to next month, picks the 15th (09:00 by default) and validates. */
async function pickNextMonth15(actor: Actor, label: string) {
  const { page } = actor;
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('button', { name: 'Mois suivant' }).click();
  await page.getByRole('button', { name: nextMonth15(), exact: true }).click();
  await page.getByRole('button', { name: "Valider la date et l'heure" }).click();
}

describe('actualités, dans le navigateur', () => {
  test('le personnel publie une actualité épinglée pour les campings, avec image et événement', async () => {
    const { page, visit, settle, expectAccessible } = as(staff);
    await staff.logIn(server.url, OFFICE_STAFF.email, users.staff.password);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Actualités du réseau' }).click();
    await visit('Actualités du réseau', 'liste des actualités (personnel, vide)', 'actualites-gestion');
    await page.getByRole('link', { name: 'Nouvelle actualité' }).click();
    await settle('Nouvelle actualité');
    const editor = page.getByRole('textbox', { name: 'Texte', exact: true });
    await editor.waitFor();
    await expectAccessible('éditeur (vide)');

    await page.getByRole('textbox', { name: 'Titre', exact: true }).fill(POST.title);
    await page.getByRole('textbox', { name: 'Chapeau (résumé affiché dans la liste)' }).fill(POST.summary);
    await editor.click();
    await page.keyboard.type(POST.body);
    await page.getByRole('combobox', { name: 'Catégorie', exact: true }).click();
    await page.getByRole('option', { name: 'Événements' }).click();
    const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: { r: 60, g: 110, b: 70 } } }).png().toBuffer();
    await page.locator('input[type="file"]').setInputFiles({ name: 'salon.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('textbox', { name: 'Texte alternatif de l’image' }).fill(POST.alt);
    // Audience: campsites only.
    await page.getByRole('radio', { name: 'Certains partenaires' }).check();
    await page.getByRole('combobox', { name: 'Sous-catégories', exact: true }).click();
    await page.getByRole('option', { name: 'Camping', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('radio', { name: 'Publier maintenant' }).check();
    await pickNextMonth15(staff, 'Épinglée jusqu’au');
    await page.getByRole('checkbox', { name: /annonce un événement/ }).check();
    await pickNextMonth15(staff, 'Début');
    await page.getByRole('radio', { name: 'Un bureau d’information' }).check();
    await page.getByRole('combobox', { name: 'Bureau d’information', exact: true }).click();
    await page.getByRole('option', { name: JOURNEY_OFFICE.name }).click();
    await expectAccessible('éditeur (rempli)');
    await staff.shoot('actualites-editeur');

    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.waitForURL(/\/actualites\/gestion\/[0-9a-f-]{36}$/);
    await staff.notified('Actualité publiée.');
    postPath = new URL(page.url()).pathname.replace('/gestion', '');
    await settle('Modifier l’actualité');
    await page.getByRole('link', { name: 'Aperçu comme partenaire' }).click();
    await visit('Aperçu comme partenaire', 'aperçu comme partenaire', 'actualites-apercu');
    await expect(page.getByRole('img', { name: POST.alt }).isVisible()).resolves.toBe(true);
  });

  test('un partenaire camping la voit en tête de son fil, non lue, et ajoute l’événement à son agenda', async () => {
    const { page, visit } = as(camping);
    await camping.logIn(server.url, CAMPING.email, users.camping.password);
    await page.getByRole('region', { name: 'Actualités non lues' }).getByRole('link', { name: POST.title }).waitFor();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Actualités', exact: true }).click();
    await visit('Actualités', 'fil des actualités (camping)', 'actualites-fil');
    const first = page.getByRole('article').first();
    await expect(first.getByRole('heading').textContent()).resolves.toBe(POST.title);
    await expect(first.getByText('Non lu').isVisible()).resolves.toBe(true);
    await expect(first.getByText('Épinglé').isVisible()).resolves.toBe(true);

    await first.getByRole('link', { name: POST.title }).click();
    await visit(POST.title, 'actualité (camping)', 'actualites-actualite');
    await expect(page.getByRole('img', { name: POST.alt }).isVisible()).resolves.toBe(true);
    const event = page.getByRole('region', { name: 'Événement' });
    await expect(event.getByText(JOURNEY_OFFICE.name).isVisible()).resolves.toBe(true);
    const ics = await event.getByRole('link', { name: 'Ajouter à mon agenda' }).getAttribute('href');
    const res = await page.request.get(new URL(ics!, server.url).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await res.text()).toContain('BEGIN:VEVENT');

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Agenda' }).click();
    await visit('Agenda du réseau', 'agenda (camping)', 'actualites-agenda');
    await page.getByRole('link', { name: POST.title, exact: true }).waitFor();
    // The segmented control's radio is visually hidden (outside the viewport): its label is what one clicks.
    await page.locator('label').filter({ hasText: /^Par mois$/ }).click();
    await page.getByRole('radio', { name: 'Par mois', checked: true }).waitFor({ state: 'attached' });
    await camping.settle('Agenda du réseau');
    await camping.expectAccessible('agenda par mois (camping)');
  });

  test('un partenaire restaurant ne la voit ni dans son fil, ni dans l’agenda, ni par son adresse', async () => {
    const { page, visit, settle } = as(restaurant);
    await restaurant.logIn(server.url, RESTAURANT.email, users.restaurant.password);
    await page.goto(`${server.url}/actualites`);
    await visit('Actualités', 'fil des actualités (restaurant)');
    await page.getByText('Aucune actualité pour le moment.').waitFor();
    expect(await page.getByText(POST.title).count()).toBe(0);
    await page.goto(`${server.url}/agenda`);
    await settle('Agenda du réseau');
    await page.getByText('Aucun événement à venir.').waitFor();
    await page.goto(`${server.url}${postPath}`);
    await page.getByText(/introuvable/i).first().waitFor();
    expect(await page.getByText(POST.title).count()).toBe(0);
  });
});
