import { beforeAll, expect, test } from 'vitest';
import sharp from 'sharp';
import { TEST_PASSWORD, type TestUser } from '../helpers/app';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import { createNewsletterAdmins, pickOption, seedSegmentPartners } from '../helpers/newsletters-e2e';
import type { Actor } from '../helpers/trainings-e2e';

/**
 * Le parcours « lettres » de l'issue, dans Chromium sur l'application
 * construite (api + workers, courrier capturé) : une administratrice
 * construit le segment « Campings du Pays Viganais », compose une lettre
 * avec une image (texte alternatif exigé) et un champ personnel, regarde les
 * vérifications et l'aperçu à la largeur d'un téléphone, s'envoie un test
 * ([TEST] reçu), lance l'envoi et voit la barre atteindre 100 % ; un
 * partenaire du segment reçoit la lettre (son prénom dedans), se désabonne en
 * un clic (POST RFC 8058 sans cookie) et ne reçoit rien de la campagne
 * suivante (dupliquée puis lancée), que l'autre partenaire reçoit. La lettre
 * archivée se relit côté partenaire. axe sur chaque page ; captures à 1280 et
 * 360 px, en français et en anglais.
 */
const journey = browserJourney('lettres', { timeout: 20_000 });
const { as } = journey;
let server: E2eServer;
let admin: TestUser;
let english: TestUser;
let people: Record<string, TestUser> = {};
let adminActor: Actor;

const SUBJECT = 'Lettre du réseau — décembre';

beforeAll(async () => {
  server = journey.server;
  ({ admin, english } = await createNewsletterAdmins(server));
  people = await seedSegmentPartners(server);
  adminActor = await journey.actor('admin');
}, 120_000);

/** Launches the campaign shown and waits for the bar to reach 100 % and the campaign to be finished. */
async function launchAndFollow(a: Actor) {
  await a.page.getByRole('button', { name: 'Lancer l’envoi' }).click();
  const bar = a.page.getByRole('progressbar', { name: 'Progression de l’envoi' });
  await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 45_000 }).toBe('100');
  await a.page.getByText('Terminée').first().waitFor({ timeout: 45_000 });
}

test('segment, composer with an image, phone preview, test send, launch to 100 %; one-click unsubscribe; nothing from the next campaign', async () => {
  const a = as(adminActor);
  const page = a.page;
  await a.logIn(server.url, admin.email, TEST_PASSWORD);

  // 1. The segment « Campings du Pays Viganais ».
  await page.goto(`${server.url}/lettres/segments/nouveau`);
  await a.settle('Nouveau segment');
  await page.getByRole('textbox', { name: 'Nom du segment' }).fill('Campings du Pays Viganais');
  await page.getByRole('radio', { name: 'Partenaires' }).check();
  await pickOption(a, 'Sous-catégories', 'Camp', 'Camping');
  await pickOption(a, 'Communautés de communes', 'Viganais', 'Communauté de communes du Pays Viganais');
  await expect.poll(() => page.getByTestId('segment-count').textContent()).toBe('2 destinataires');
  await page.getByRole('button', { name: 'Enregistrer le segment' }).click();
  await page.getByRole('link', { name: 'Campings du Pays Viganais' }).waitFor();

  // 2. The composer: subject, sender, segment, body with a personal field and an image (alt text required).
  await page.goto(`${server.url}/lettres/campagnes/nouvelle`);
  await a.settle('Nouvelle campagne');
  await page.getByRole('textbox', { name: 'Objet' }).fill(SUBJECT);
  await page.getByRole('textbox', { name: 'Texte d’aperçu' }).fill('Carte PASS, formations, chiffres');
  await page.getByRole('textbox', { name: 'Expéditeur' }).or(page.getByRole('combobox', { name: 'Expéditeur' })).first().click();
  await page.getByRole('option').first().click();
  await page.getByRole('combobox', { name: 'Segment', exact: true }).click();
  await page.getByRole('option', { name: 'Campings du Pays Viganais' }).click();
  const editor = page.getByRole('textbox', { name: 'Contenu de la lettre' });
  await editor.click();
  await page.keyboard.type('Bonjour ');
  await page.getByRole('button', { name: 'Champ personnel' }).click();
  await page.getByRole('menuitem', { name: 'Prénom' }).click();
  await page.keyboard.type(', la campagne Carte PASS 2027 est ouverte.');
  await page.getByRole('button', { name: 'Image', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Insérer une image' });
  const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 45, g: 90, b: 61 } } }).jpeg().toBuffer();
  await dialog.locator('input[type=file]').setInputFiles({ name: 'gorges-de-la-vis.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await dialog.getByRole('button', { name: 'Envoyer et insérer' }).click();
  await dialog.getByText('Le texte alternatif est obligatoire.').waitFor();
  await dialog.getByRole('textbox', { name: 'Texte alternatif' }).fill('Les gorges de la Vis en automne');
  await a.expectAccessible('insertion d’image');
  await dialog.getByRole('button', { name: 'Envoyer et insérer' }).click();
  await dialog.waitFor({ state: 'detached' });
  await editor.locator('img[alt="Les gorges de la Vis en automne"]').waitFor();
  await a.expectAccessible('compositeur');
  await a.shoot('lettres-compositeur');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

  // 3. The campaign page: checks all passed, preview at phone width and as text.
  await a.settle(SUBJECT);
  await page.getByText('Lancée maintenant, cette lettre partirait à 2 destinataires.').waitFor();
  const checks = page.getByRole('list').filter({ hasText: 'texte alternatif' });
  await expect.poll(() => checks.getByText('Conforme').count()).toBe(7);
  await page.getByText('Téléphone', { exact: true }).click();
  const phone = page.frameLocator('iframe[title="Aperçu de la lettre sur téléphone"]');
  await phone.getByText('Bonjour Claire, la campagne Carte PASS 2027 est ouverte.').waitFor();
  await phone.locator('img[alt="Les gorges de la Vis en automne"]').waitFor();
  expect(await page.locator('iframe[title="Aperçu de la lettre sur téléphone"]').getAttribute('width')).toBe('360');
  await a.expectAccessible('campagne : vérifications et aperçu téléphone');
  await a.shoot('lettres-apercu-telephone');
  // At phone width (shoot checks that nothing is cut off there, the three views included) the phone view fits the card instead of being cut at its right edge.
  await page.setViewportSize({ width: 360, height: 740 });
  const [frame, group] = await Promise.all([page.locator('iframe[title="Aperçu de la lettre sur téléphone"]').boundingBox(), page.getByRole('radiogroup', { name: 'Affichage de l’aperçu' }).boundingBox()]);
  expect(frame!.x + frame!.width).toBeLessThanOrEqual(group!.x + group!.width + 0.5);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByText('Texte brut', { exact: true }).click();
  await page.getByLabel('Version texte brut de la lettre').getByText(/Bonjour Claire/).waitFor();
  await a.shoot('lettres-apercu-texte');

  // 4. A test send to myself.
  await page.getByRole('button', { name: 'M’envoyer un test' }).click();
  await page.getByRole('status').filter({ hasText: 'Test envoyé' }).waitFor();
  const test = await server.mailTo(admin.email, `[TEST] ${SUBJECT}`, 30_000);
  expect(test.html).toContain('Bonjour Claire');

  // 5. Launch and follow to 100 %.
  await launchAndFollow(a);
  await a.visit(SUBJECT, 'campagne terminée', 'lettres-terminee');

  // 6. The partners of the segment got it, with their first name and the image; the others did not.
  const bruno = await server.mailTo(people.Bruno!.email, SUBJECT);
  expect(bruno.html).toContain('Bonjour Bruno, la campagne Carte PASS 2027 est ouverte.');
  expect(bruno.html).toMatch(/<img[^>]+alt="Les gorges de la Vis en automne"/);
  await server.mailTo(people.Hannah!.email, SUBJECT);
  await expect(server.mailTo(people.Jeanne!.email, SUBJECT, 1500)).rejects.toThrow();

  // 7. One click (RFC 8058: a POST without cookies to the List-Unsubscribe address).
  expect(bruno.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  const url = /^<(.+)>$/.exec(bruno.headers['List-Unsubscribe']!)![1]!;
  const oneClick = await fetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(oneClick.status).toBe(204);
  const visitor = await journey.actor('partenaire');
  await visitor.page.goto(url); // the same link opened in a browser: the confirmation page says it is done
  await visitor.visit('Se désabonner', 'désabonnement', 'lettres-desabonnement');

  // 8. The next campaign (a duplicate), launched: Hannah gets it, Bruno nothing.
  // The switch follows the server's answer (controlled): clicked, then seen checked once saved.
  const archived = page.getByRole('switch', { name: 'Montrer dans les archives des partenaires' });
  await archived.click({ force: true });
  await expect.poll(() => archived.isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Dupliquer' }).click();
  await a.settle(`${SUBJECT} (copie)`);
  await expect.poll(() => page.getByRole('list').filter({ hasText: 'texte alternatif' }).getByText('Conforme').count()).toBe(7);
  await launchAndFollow(a);
  await server.mailTo(people.Hannah!.email, `${SUBJECT} (copie)`);
  await expect(server.mailTo(people.Bruno!.email, `${SUBJECT} (copie)`, 3000)).rejects.toThrow();

  // 9. A partner reads the archived letter.
  const hannah = await journey.actor('partenaire (archives)');
  await hannah.logIn(server.url, people.Hannah!.email, TEST_PASSWORD);
  await hannah.page.goto(`${server.url}/lettres/archives`);
  await hannah.visit('Archives des lettres', 'archives', 'lettres-archives');
  await hannah.page.getByRole('link', { name: SUBJECT, exact: true }).click();
  await hannah.page.frameLocator(`iframe[title="Lettre « ${SUBJECT} »"]`).getByText('Bonjour ami partenaire').waitFor();
  await hannah.visit(SUBJECT, 'lettre archivée', 'lettres-archive-lettre');
}, 300_000);

test('an English-speaking admin sees the composer, checks and previews in English', async () => {
  const a = as(await journey.actor('admin (en)'));
  await a.logIn(server.url, english.email, TEST_PASSWORD).catch(async () => a.settle(/^Hello|^Bonjour/));
  await a.page.goto(`${server.url}/lettres/campagnes/nouvelle`);
  await a.settle('New campaign');
  await a.page.getByRole('button', { name: 'Personal field' }).waitFor();
  await a.expectAccessible('composer (English)');
  await a.shoot('lettres-composer-en');
  await a.page.goto(`${server.url}/lettres/campagnes`);
  await a.settle('Network letters');
  await a.page.getByRole('link', { name: `${SUBJECT} (copie)` }).click();
  await a.settle(`${SUBJECT} (copie)`);
  await a.page.getByText('Phone', { exact: true }).click();
  await a.page.frameLocator('iframe[title="Preview of the letter on a phone"]').getByText('Unsubscribe in one click').waitFor();
  await a.expectAccessible('campaign preview (English)');
  await a.shoot('lettres-preview-en');
}, 120_000);
