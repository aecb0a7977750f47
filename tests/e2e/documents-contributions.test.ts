import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, like } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentContributions, documentFolders, documents } from '../../db/schema';
import { createEstablishment, createUser, type TestUser } from '../helpers/app';
import { OFFICE_STAFF } from '../helpers/e2e-cast';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import type { Actor } from '../helpers/trainings-e2e';

/**
 * Parcours « propositions » dans Chromium sur l'application construite : une
 * partenaire propose une photo (mention d'auteur, licence acceptée), le
 * personnel l'accepte dans un dossier, la partenaire voit « Acceptée » et la
 * photo dans le dossier ; puis elle propose trois fichiers d'un coup (une
 * proposition chacun, l'un refusé par le serveur reste affiché avec son
 * message). axe (WCAG 2.0/2.1 A + AA) sur le formulaire, « Mes propositions »
 * et la file du personnel ; captures à 1280 et 360 px.
 */

const FOLDER = 'Photothèque';
const TITLE = 'Lever du jour sur le cirque de Navacelles';
const CREDIT = 'Photo : Jeanne Martin';
const PARTNER = { name: 'Jeanne Martin', email: 'jeanne@gite-du-vis.example', establishment: 'Gîte du Vis' };

const journey = browserJourney('propositions', { timeout: 20_000 });
const { as } = journey;
let server: E2eServer;
let staff: Actor;
let partner: Actor;
const users = {} as Record<'staff' | 'partner', TestUser>;
let dir = '';
let photo = '';
let folderId = '';

beforeAll(async () => {
  server = journey.server;
  users.staff = await createUser(server, 'staff', OFFICE_STAFF);
  const gite = await createEstablishment(server, { name: PARTNER.establishment, category: 'hebergement', subcategory: 'gite', communeInsee: '30350' });
  users.partner = await createUser(server, 'partner', { name: PARTNER.name, email: PARTNER.email, establishmentId: gite.id });
  const [folder] = await server.db.insert(documentFolders).values({ name: FOLDER, audienceKind: 'everyone' }).returning({ id: documentFolders.id });
  folderId = folder!.id;
  dir = mkdtempSync(join(tmpdir(), 'ep-proposals-e2e-'));
  photo = join(dir, 'navacelles.jpg');
  writeFileSync(photo, await sharp({ create: { width: 640, height: 420, channels: 3, background: { r: 200, g: 140, b: 60 } } }).jpeg().toBuffer());
  partner = await journey.actor(PARTNER.name);
  staff = await journey.actor('personnel');
});

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('propositions, dans le navigateur', () => {
  test('une partenaire propose une photo avec sa mention d’auteur et la licence acceptée', async () => {
    const { page, settle } = as(partner);
    await partner.logIn(server.url, PARTNER.email, users.partner.password);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes propositions' }).click();
    await partner.visit('Mes propositions', 'mes propositions (vide)');
    await page.getByText('Aucune proposition pour l’instant.').waitFor();
    await page.getByRole('link', { name: 'Proposer un document' }).first().click();
    await settle('Proposer un document');
    await partner.expectAccessible('proposer un document');
    await partner.shoot('propositions-formulaire');

    // Sending without the licence is refused on the form, with a message tied to the box.
    await page.locator('input[type="file"]').setInputFiles(photo);
    await page.getByRole('textbox', { name: 'Titre' }).fill(TITLE);
    await page.getByRole('textbox', { name: /Mention d’auteur/ }).fill(CREDIT);
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await page.getByText('Acceptez la licence d’utilisation pour envoyer votre proposition.').waitFor();
    expect(await server.db.$count(documentContributions)).toBe(0);
    await partner.expectAccessible('proposer un document (licence manquante)');

    await page.getByRole('checkbox', { name: /J’accepte que l’office de tourisme utilise ce fichier/ }).check();
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await partner.notified('Merci ! Votre proposition a été envoyée à l’office.');
    await settle('Mes propositions');
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('En attente').waitFor();
    await partner.expectAccessible('mes propositions (en attente)');
    await partner.shoot('propositions-mes-propositions');
    const [stored] = await server.db.select().from(documentContributions);
    expect(stored).toMatchObject({ title: TITLE, credit: CREDIT, status: 'pending', mediaType: 'image/jpeg', proposedBy: users.partner.id });
    expect(stored!.licenceAcceptedAt).toBeInstanceOf(Date);
  }, 240_000);

  test('le personnel l’accepte dans un dossier depuis la file des propositions', async () => {
    const { page, settle } = as(staff);
    await staff.logIn(server.url, OFFICE_STAFF.email, users.staff.password);
    await page.getByRole('link', { name: 'Propositions', exact: true }).click();
    await settle('Propositions');
    const card = page.getByRole('article', { name: TITLE });
    await card.getByText(`Mention d’auteur : « ${CREDIT} »`).waitFor();
    await staff.expectAccessible('file des propositions');
    await staff.shoot('propositions-file');
    await card.getByRole('combobox', { name: 'Dossier de destination' }).click();
    await page.getByRole('option', { name: FOLDER }).click();
    await card.getByRole('button', { name: 'Accepter dans ce dossier' }).click();
    await staff.notified('Proposition acceptée : le document est publié.');
    await page.getByText('Aucune proposition en attente.').waitFor();
    await staff.expectAccessible('file des propositions (vide)');
    const [doc] = await server.db.select().from(documents).where(eq(documents.folderId, folderId));
    expect(doc).toMatchObject({ title: TITLE, credit: CREDIT, status: 'published' });
  }, 240_000);

  test('la partenaire voit « Acceptée » et la photo dans le dossier', async () => {
    const { page, settle } = as(partner);
    await page.reload();
    await settle('Mes propositions');
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('Acceptée').waitFor();
    await partner.expectAccessible('mes propositions (acceptée)');
    await partner.shoot('propositions-acceptee');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Documents' }).click();
    await settle('Documents');
    await page.getByRole('link', { name: FOLDER }).click();
    await settle(FOLDER);
    await page.getByRole('link', { name: TITLE }).click();
    await settle(TITLE);
    await page.getByText(CREDIT).first().waitFor();
    await partner.expectAccessible('la photo acceptée');
  }, 240_000);

  test('elle propose trois fichiers d’un coup : une proposition chacun, le fichier refusé garde son message', async () => {
    const { page, settle } = as(partner);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes propositions' }).click();
    await settle('Mes propositions');
    await page.getByRole('link', { name: 'Proposer un document' }).first().click();
    await settle('Proposer un document');
    const second = join(dir, 'terrasse.jpg');
    writeFileSync(second, await sharp({ create: { width: 480, height: 320, channels: 3, background: { r: 60, g: 120, b: 90 } } }).jpeg().toBuffer());
    // Text under a photo's extension: the server checks the content and refuses it.
    const fake = join(dir, 'pas-une-photo.jpg');
    writeFileSync(fake, 'Ceci n’est pas une photo.');
    await page.locator('input[type="file"]').setInputFiles([photo, fake, second]);
    await page.getByRole('textbox', { name: 'Titre' }).fill(PARTNER.establishment);
    await page.getByRole('textbox', { name: /Mention d’auteur/ }).fill(CREDIT);
    await page.getByRole('checkbox', { name: /J’accepte que l’office de tourisme utilise ce fichier/ }).check();
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await page.getByRole('status').filter({ hasText: '2 propositions envoyées. 1 refusée' }).waitFor();
    const refused = page.getByTestId('upload-item').filter({ hasText: 'pas-une-photo.jpg' });
    await refused.getByRole('alert').filter({ hasText: 'Refusé : Le contenu du fichier ne correspond pas à son extension' }).waitFor();
    await refused.getByRole('button', { name: 'Réessayer « pas-une-photo.jpg »' }).waitFor();
    await partner.expectAccessible('proposer plusieurs fichiers (un refusé)');
    await partner.shoot('propositions-plusieurs-fichiers');
    const stored = await server.db.select().from(documentContributions).where(like(documentContributions.title, `${PARTNER.establishment} (%`));
    expect(stored.map((c) => c.title).sort()).toEqual([`${PARTNER.establishment} (1/3)`, `${PARTNER.establishment} (3/3)`]);
    expect(stored.every((c) => c.credit === CREDIT && c.status === 'pending' && c.licenceAcceptedAt instanceof Date)).toBe(true);
  }, 240_000);
});
