import { beforeAll, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { addSuppression } from '../../db/queries/newsletters';
import { users } from '../../db/schema';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/app';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';

/**
 * Pages d'administration des lettres dans Chromium sur l'application
 * construite : thèmes (modifier l'ordre, archiver), liste d'exclusion
 * (rechercher, ajouter une plainte, retirer avec un motif), puis le tableau
 * de bord des files (Bull Board) ouvert depuis le menu. En français puis en
 * anglais ; axe sur les pages de l'application ; captures à 1280 et 360 px.
 */
const journey = browserJourney('newsletters-admin');
let server: E2eServer;
let admin: TestUser;

beforeAll(async () => {
  server = journey.server;
  admin = await createUser({ db: server.db }, 'admin', { name: 'Claire Dupont', email: 'claire.dupont@cevennes-tourisme.example' });
  await addSuppression(server.db, 'ancien.gite@orange.example', 'hard_bounce', '550 5.1.1 mailbox unavailable');
  await addSuppression(server.db, 'mas.des.chenes@laposte.example', 'unsubscribe', null);
});

test('an admin edits topics and the suppression list, and opens the queue dashboard from the menu (French, then English)', async () => {
  const a = journey.as(await journey.actor('admin'));
  await a.logIn(server.url, admin.email, TEST_PASSWORD);
  await a.page.goto(`${server.url}/lettres/themes`);
  await a.visit('Thèmes des lettres', 'thèmes', 'lettres-themes');
  await a.page.getByRole('button', { name: 'Modifier le thème « Observatoire »' }).click();
  await a.page.getByRole('switch', { name: 'Actif' }).or(a.page.getByRole('checkbox', { name: 'Actif' })).click();
  await a.expectAccessible('thème (modale)');
  await a.shoot('lettres-theme-modale');
  await a.page.getByRole('button', { name: 'Enregistrer le thème' }).click();
  await a.page.getByRole('row', { name: /Observatoire/ }).getByText('Archivé').waitFor();

  await a.page.goto(`${server.url}/lettres/liste-de-suppression`);
  await a.visit('Liste d’exclusion', 'liste d’exclusion', 'lettres-exclusion');
  await a.page.getByRole('button', { name: 'Ajouter une plainte' }).click();
  await a.page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('plainte@camping.example');
  await a.page.getByRole('textbox', { name: 'Note' }).fill('Plainte reçue par téléphone');
  await a.page.getByRole('button', { name: 'Exclure cette adresse' }).click();
  await a.page.getByRole('rowheader', { name: 'plainte@camping.example' }).waitFor();
  await a.page.getByRole('searchbox', { name: 'Rechercher une adresse' }).fill('gite');
  await a.page.getByRole('rowheader', { name: 'plainte@camping.example' }).waitFor({ state: 'detached' });
  await a.page.getByRole('button', { name: 'Retirer ancien.gite@orange.example de la liste' }).click();
  await a.page.getByRole('textbox', { name: /Motif du retrait/ }).or(a.page.getByRole('combobox', { name: /Motif du retrait/ })).first().click();
  await a.page.getByRole('option', { name: 'La boîte aux lettres fonctionne de nouveau' }).click();
  await a.expectAccessible('retrait (modale)');
  await a.shoot('lettres-exclusion-retrait');
  await a.page.getByRole('button', { name: 'Retirer l’adresse' }).click();
  await a.page.getByText('Aucune adresse ne correspond').waitFor();

  expect(await a.page.getByRole('link', { name: 'Files de tâches' }).getAttribute('href')).toBe('/api/admin/queues');
  await a.page.goto(`${server.url}/api/admin/queues`);
  await a.page.getByText('newsletters').first().waitFor({ timeout: 20_000 });
  await a.shoot('files-de-taches');

  // The same administrator switches her account to English (the language comes from the account once signed in).
  await server.db.update(users).set({ language: 'en' }).where(eq(users.id, admin.id));
  const e = a;
  await e.page.goto(`${server.url}/lettres/themes`);
  await e.visit('Newsletter topics', 'topics (English)', 'lettres-themes-en');
  await e.page.goto(`${server.url}/lettres/liste-de-suppression`);
  // The list loads after the heading, and the pictures end at phone width (cards, no table) before
  // the page widens again: count its rows once loaded, before axe and the pictures.
  await e.page.getByRole('rowheader', { name: 'plainte@camping.example' }).waitFor();
  expect(await e.page.getByRole('rowheader', { name: 'plainte@camping.example' }).count()).toBe(1);
  await e.visit('Suppression list', 'suppression list (English)', 'lettres-exclusion-en');
}, 240_000);
