import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { visitContacts } from '../../db/schema';
import { createUser, type TestUser } from '../helpers/app';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import type { Actor } from '../helpers/trainings-e2e';
import { until } from '../helpers/until';

/**
 * Parcours « fréquentation » dans Chromium, à la largeur d'un téléphone
 * (360 px), sur l'application construite (api + workers, dont le job de
 * consolidation) : au comptoir, une agente enregistre cinq contacts, dont un
 * pendant une coupure de connexion ; il part au retour de la connexion et
 * n'est compté qu'une fois ; le tableau de bord montre les cinq contacts ;
 * ses graphiques et tableaux passent axe. Captures à 1280 et 360 px, en
 * français et en anglais, du comptoir, de la saisie, de l'import et du tableau de bord.
 */

const STAFF = { name: 'Mireille Roux', email: 'mireille.roux@cevennes-tourisme.example' };
let server: E2eServer;
let staff: Actor;
let user: TestUser;

// Back online after each test; registered before the journey's hooks, so that a failed step is pictured first (after-hooks run last-registered first).
afterEach(async () => {
  await staff?.page.context().setOffline(false);
});
const journey = browserJourney('visits', { timeout: 20_000 });

beforeAll(async () => {
  server = journey.server;
  user = await createUser(server, 'staff', { name: STAFF.name, email: STAFF.email, officeId: 'bit-ganges' });
  // The journey's one person: hers is the page pictured when a step fails.
  staff = journey.as(await journey.actor('personnel'));
  await staff.page.setViewportSize({ width: 360, height: 740 });
});

describe('fréquentation, sur un téléphone', { timeout: 180_000 }, () => {
  test('cinq contacts au comptoir, dont un hors connexion, comptés une fois chacun', async () => {
    const { page } = staff;
    await staff.logIn(server.url, STAFF.email, user.password);
    await page.goto(`${server.url}/frequentation/comptoir`);
    await staff.visit('Comptoir', 'comptoir (personnel)');
    await page.getByTestId('queue-status').getByText('Tous les contacts sont envoyés.').waitFor();

    // 1: defaults (comptoir, 1 person), one tap on the origin.
    await page.getByRole('button', { name: 'Gard (30)', exact: true }).click();
    await staff.notified('Contact enregistré : Gard (30), 1 personne.');
    // 2: a group of three from Belgium, about hiking.
    await page.getByRole('button', { name: 'Une personne de plus' }).click();
    await page.getByRole('button', { name: 'Une personne de plus' }).click();
    await page.locator('label', { hasText: /^Randonnée$/ }).click();
    await page.getByRole('button', { name: 'Belgique', exact: true }).click();
    await staff.notified('Contact enregistré : Belgique, 3 personnes.');
    // 3: by telephone.
    await page.locator('label', { hasText: /^Téléphone$/ }).click();
    await page.getByRole('button', { name: 'Hérault (34)', exact: true }).click();
    await page.locator('label', { hasText: /^Comptoir$/ }).click();
    expect(await until(async () => (await server.db.$count(visitContacts)) === 3, 10_000)).toBe(true);

    // 4: the connection drops; the contact waits in the browser.
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Pays-Bas', exact: true }).click();
    await page.getByTestId('queue-status').getByText("1 contact en attente d'envoi", { exact: false }).waitFor();
    await page.getByText("En attente d'envoi", { exact: true }).waitFor();
    await staff.expectAccessible('comptoir hors connexion');
    await staff.shoot('visits-counter-offline');
    expect(await server.db.$count(visitContacts)).toBe(3);
    // 5: still offline.
    await page.getByRole('button', { name: 'Gard (30)', exact: true }).click();
    await page.getByTestId('queue-status').getByText("2 contacts en attente d'envoi", { exact: false }).waitFor();

    // Back online: both leave, each counted once; sending the queue again changes nothing.
    await page.context().setOffline(false);
    await page.getByTestId('queue-status').getByText('Tous les contacts sont envoyés.').waitFor({ timeout: 30_000 });
    expect(await server.db.$count(visitContacts)).toBe(5);
    const [nl] = await server.db.select().from(visitContacts).where(eq(visitContacts.origin, 'NL'));
    const again = await page.evaluate(async (body) => (await fetch('/api/visits/contacts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status,
      { id: nl!.id, officeId: nl!.officeId, mode: nl!.mode, partySize: nl!.partySize, origin: nl!.origin, language: nl!.language, themeIds: nl!.themeIds, occurredAt: nl!.occurredAt.toISOString() });
    expect(again).toBe(200);
    expect(await server.db.$count(visitContacts)).toBe(5);
    const rows = await server.db.select().from(visitContacts);
    expect(rows.map((r) => [r.origin, r.partySize, r.mode]).sort()).toEqual([
      ['BE', 3, 'comptoir'], ['FR-30', 1, 'comptoir'], ['FR-30', 1, 'comptoir'], ['FR-34', 1, 'telephone'], ['NL', 1, 'comptoir'],
    ]);
    await staff.shoot('visits-counter');
  });

  test('le tableau de bord montre les cinq contacts (consolidés par le worker), graphiques et tableaux accessibles', async () => {
    const { page } = staff;
    await page.goto(`${server.url}/frequentation`);
    await staff.settle('Fréquentation des bureaux');
    const year = new Date().getFullYear();
    // The worker's rollup runs every 20 s: the page refreshes itself every minute; reload until it shows.
    let shown = false;
    for (let attempt = 0; attempt < 12 && !shown; attempt++) {
      shown = (await page.getByRole('status').filter({ hasText: `Contacts en ${year} : 5` }).count()) > 0;
      if (!shown) {
        await page.waitForTimeout(3000);
        await page.reload();
        await staff.settle('Fréquentation des bureaux');
      }
    }
    expect(shown, 'the dashboard shows the five contacts').toBe(true);
    await page.getByRole('table').first().waitFor();
    await staff.expectAccessible('tableau de bord (graphiques et tableaux)');
    await staff.shoot('visits-dashboard');
    await page.locator('label', { hasText: /^Visiteurs$/ }).click();
    await page.getByRole('status').filter({ hasText: `Visiteurs en ${year} : 7` }).waitFor();
  });

  test('saisie mensuelle et import : captures, erreurs de l’import ligne par ligne', async () => {
    const { page } = staff;
    await page.goto(`${server.url}/frequentation/saisie`);
    await staff.visit('Saisie mensuelle et import', 'saisie et import');
    await page.locator('input[type="file"]').setInputFiles({ name: 'ancien.csv', mimeType: 'text/csv', buffer: Buffer.from('bureau;mois;ventilation;valeur;contacts;visiteurs\nbit-ganges;2019-13;total;;10;20\nbit-ganges;2019-07;mode;fusee;1;1\n') });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByTestId('import-errors').getByText('Ligne 2 : Mois invalide', { exact: false }).waitFor();
    await page.getByTestId('import-errors').getByText('Ligne 3 :', { exact: false }).waitFor();
    await staff.expectAccessible('import refusé');
    await staff.shoot('visits-bulk-import');
  });

  test('en anglais', async () => {
    const { page } = staff;
    await page.evaluate(async () => fetch('/api/me', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en' }) }));
    await page.goto(`${server.url}/frequentation/comptoir`);
    await staff.visit('Counter', 'counter (English)', 'visits-counter-en');
    await page.goto(`${server.url}/frequentation`);
    await staff.visit('Office visits', 'dashboard (English)', 'visits-dashboard-en');
    await page.goto(`${server.url}/frequentation/saisie`);
    await staff.visit('Monthly entry and import', 'entry and import (English)', 'visits-bulk-en');
  });
});
