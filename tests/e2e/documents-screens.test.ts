import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/browser';
import { createEstablishment, createUser, injectAs, type Injector, type TestUser } from '../helpers/app';
import { pdfWith, uploadForm } from '../helpers/documents';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import type { Actor } from '../helpers/trainings-e2e';
import { EVERYONE } from '../helpers/audience';

/**
 * The documents screens the journeys pass through quickly or not at all,
 * in French and in English: the staff's « À revoir » list, the four folder
 * dialogs (new, rename, move, delete), a document's page with its download
 * counts (by category, day and version), the staff queue « Propositions »,
 * and the partner's « Proposer un document » and « Mes propositions ». Each
 * is checked by axe (WCAG 2.0/2.1 A + AA) with its text in the reader's
 * language, and pictured at 1280 and 360 px (SCREENSHOT_DIR).
 */

const FOLDER = 'Photothèque des Cévennes';

const journey = browserJourney('documents-screens', { timeout: 20_000 });
const { as } = journey;
let server: E2eServer;
let documentId = '';
const people = {} as Record<'staffFr' | 'staffEn' | 'partnerFr' | 'partnerEn', TestUser>;

/** The words each screen shows, per language: a screen in English must not show the French ones. */
const words = {
  fr: {
    review: 'Documents à revoir', overdue: /Depuis le/, library: 'Documents', newFolder: 'Nouveau dossier', actions: `Actions sur le dossier « ${FOLDER} »`,
    rename: 'Renommer', renameTitle: `Renommer « ${FOLDER} »`, move: 'Déplacer', moveTitle: `Déplacer « ${FOLDER} »`, delete: 'Supprimer',
    deleteTitle: `Supprimer le dossier « ${FOLDER} » ?`, queue: 'Propositions', approve: 'Accepter dans ce dossier', propose: 'Proposer un document',
    licence: /J’accepte que l’office/, mine: 'Mes propositions', statuses: ['En attente', 'Acceptée', 'Refusée'], cancel: 'Annuler', byDay: 'Par jour (30 derniers jours)',
    titleField: 'Titre', credit: /Mention d’auteur/, send: 'Envoyer la proposition', summary: 'Aucune proposition envoyée. 1 refusée',
    refused: 'Refusé : Le contenu du fichier ne correspond pas à son extension', retry: 'Réessayer « pas-une-photo.jpg »',
  },
  en: {
    review: 'Documents to review', overdue: /Since/, library: 'Documents', newFolder: 'New folder', actions: `Actions on the folder “${FOLDER}”`,
    rename: 'Rename', renameTitle: `Rename “${FOLDER}”`, move: 'Move', moveTitle: `Move “${FOLDER}”`, delete: 'Delete',
    deleteTitle: `Delete the folder “${FOLDER}”?`, queue: 'Proposals', approve: 'Approve into this folder', propose: 'Propose a document',
    licence: /I agree that the tourist office/, mine: 'My proposals', statuses: ['Pending', 'Approved', 'Declined'], cancel: 'Cancel', byDay: 'By day (last 30 days)',
    titleField: 'Title', credit: /Author credit/, send: 'Send the proposal', summary: 'No proposal sent. 1 refused',
    refused: 'Refused: The file’s content does not match its extension', retry: 'Retry “pas-une-photo.jpg”',
  },
} as const;

/** Logs in through the (French) log-in page; the app then speaks the account's language. */
async function signIn(user: TestUser, lang: 'fr' | 'en'): Promise<Actor> {
  const actor = await journey.actor(`${user.role} ${user.email}`);
  const { page } = actor;
  await page.goto(`${server.url}/connexion`);
  await actor.settle('Connexion');
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(user.email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${server.url}/`);
  await actor.settle(lang === 'fr' ? /^Bonjour / : /^Hello /);
  return actor;
}

async function seed(asStaff: Injector, asPartner: Injector) {
  const folder = await asStaff({ method: 'POST', url: '/api/documents/folders', payload: { name: FOLDER, audience: EVERYONE } });
  expect(folder.statusCode, folder.body).toBe(201);
  await asStaff({ method: 'POST', url: '/api/documents/folders', payload: { name: 'Cartes et plans', audience: EVERYONE } });
  for (const [title, reviewOn] of [['Grille tarifaire de la taxe de séjour 2026', '2026-01-15'], ['Charte graphique et logos de la destination', '2026-06-30']] as const) {
    const form = uploadForm({ title, status: 'published', audience: EVERYONE, reviewOn }, { filename: 'grille.pdf', data: await pdfWith([title]) });
    const res = await asStaff({ method: 'POST', url: '/api/documents', payload: form.payload, headers: form.headers });
    expect(res.statusCode).toBe(201);
    documentId ||= res.json().document.id;
  }
  // Counted downloads, for the staff's figures on the document page.
  for (let i = 0; i < 3; i++) expect((await asPartner({ method: 'GET', url: `/api/documents/${documentId}/download` })).statusCode).toBe(200);
  const photo = await sharp({ create: { width: 640, height: 420, channels: 3, background: { r: 200, g: 140, b: 60 } } }).jpeg().toBuffer();
  const proposals: string[] = [];
  for (const title of ['Lever du jour sur le cirque de Navacelles', 'Marché de Saint-Jean-du-Gard', 'Sentier des Fenouillèdes sous la neige']) {
    const meta = { title, description: 'Vue depuis le belvédère, en fin d’été', credit: 'Photo : Jeanne Martin', licenceAccepted: true };
    const form = uploadForm(meta, { filename: 'navacelles.jpg', data: photo });
    const res = await asPartner({ method: 'POST', url: '/api/documents/contributions', payload: form.payload, headers: form.headers });
    expect(res.statusCode, res.body).toBe(201);
    proposals.push(res.json().id);
  }
  expect((await asStaff({ method: 'POST', url: `/api/documents/contributions/${proposals[1]}/approve`, payload: { folderId: folder.json().id } })).statusCode).toBe(200);
  const message = 'Merci ! Nous avons déjà une photo très proche de ce sentier ; n’hésitez pas à en proposer d’autres.';
  expect((await asStaff({ method: 'POST', url: `/api/documents/contributions/${proposals[2]}/decline`, payload: { message } })).statusCode).toBe(200);
}

beforeAll(async () => {
  server = journey.server;
  const gite = await createEstablishment(server, { name: 'Gîte du Vis', category: 'hebergement', subcategory: 'gite', communeInsee: '30350' });
  people.staffFr = await createUser(server, 'staff', { name: 'Élodie Sabatier' });
  people.staffEn = await createUser(server, 'staff', { name: 'Oliver Brown', language: 'en' });
  people.partnerFr = await createUser(server, 'partner', { name: 'Jeanne Martin', establishmentId: gite.id });
  people.partnerEn = await createUser(server, 'partner', { name: 'Hannah Visser', establishmentId: gite.id, language: 'en' });
  await seed(await injectAs(server, people.staffFr), await injectAs(server, people.partnerFr));
}, 120_000);

describe.each(['fr', 'en'] as const)('documents screens (%s)', (lang) => {
  const w = words[lang];
  const other = words[lang === 'fr' ? 'en' : 'fr'];

  test('staff: « À revoir », the folder dialogs and the proposals queue', async () => {
    const actor = as(await signIn(lang === 'fr' ? people.staffFr : people.staffEn, lang));
    const { page } = actor;

    await page.goto(`${server.url}/documents/a-revoir`);
    await actor.visit(w.review, `à revoir (${lang})`, `documents-a-revoir-${lang}`);
    await expect(page.getByText(w.overdue).count()).resolves.toBe(2);

    await page.goto(`${server.url}/documents`);
    await actor.settle(w.library);
    await page.getByRole('button', { name: w.newFolder }).click();
    const create = page.getByRole('dialog', { name: w.newFolder });
    await create.waitFor();
    await page.waitForTimeout(250);
    await actor.expectAccessible(`nouveau dossier (${lang})`);
    await actor.shoot(`documents-dossier-nouveau-${lang}`);
    await create.getByRole('button', { name: w.cancel }).click();
    await create.waitFor({ state: 'detached' });

    for (const [item, dialogName, shot] of [[w.rename, w.renameTitle, 'renommer'], [w.move, w.moveTitle, 'deplacer'], [w.delete, w.deleteTitle, 'supprimer']] as const) {
      await page.getByRole('button', { name: w.actions }).click();
      await page.getByRole('menuitem', { name: item }).click();
      const dialog = page.getByRole(shot === 'supprimer' ? 'alertdialog' : 'dialog', { name: dialogName }).or(page.getByRole('dialog', { name: dialogName }));
      await dialog.first().waitFor();
      await page.waitForTimeout(250);
      await actor.expectAccessible(`dossier : ${shot} (${lang})`);
      await actor.shoot(`documents-dossier-${shot}-${lang}`);
      await dialog.first().getByRole('button', { name: w.cancel }).click();
      await dialog.first().waitFor({ state: 'detached' });
    }

    // The document page: downloads by category, by day and by version (staff only). axe cannot enter the sandboxed PDF frame.
    await page.goto(`${server.url}/documents/${documentId}`);
    await actor.settle('Grille tarifaire de la taxe de séjour 2026');
    await page.getByText(w.byDay).waitFor();
    expect(await axeViolations(page, { exclude: ['[data-testid="pdf-preview"]'] })).toEqual([]);
    await actor.shoot(`documents-document-${lang}`);

    await page.goto(`${server.url}/documents/propositions`);
    await actor.visit(w.queue, `file des propositions (${lang})`, `documents-propositions-file-${lang}`);
    await expect(page.getByRole('button', { name: w.approve }).count()).resolves.toBe(1);
    await expect(page.getByText(other.approve).count()).resolves.toBe(0);
    expect(actor.errors).toEqual([]);
  }, 240_000);

  test('partner: « Proposer un document » and « Mes propositions »', async () => {
    const actor = as(await signIn(lang === 'fr' ? people.partnerFr : people.partnerEn, lang));
    const { page } = actor;

    await page.goto(`${server.url}/documents/proposer`);
    await actor.visit(w.propose, `proposer (${lang})`, `documents-proposer-${lang}`);
    await page.getByText(w.licence).waitFor();

    // A refused file stays on the form, with the server's words in the reader's language (nothing is stored).
    await page.locator('input[type="file"]').setInputFiles([{ name: 'pas-une-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Pas une photo.') }]);
    await page.getByRole('textbox', { name: w.titleField }).fill('Terrasse');
    await page.getByRole('textbox', { name: w.credit }).fill('Photo : Hannah Visser');
    await page.getByRole('checkbox', { name: w.licence }).check();
    await page.getByRole('button', { name: w.send }).click();
    await page.getByRole('status').filter({ hasText: w.summary }).waitFor();
    await page.getByTestId('upload-item').getByRole('alert').filter({ hasText: w.refused }).waitFor();
    await page.getByRole('button', { name: w.retry }).waitFor();
    await expect(page.getByText(other.refused).count()).resolves.toBe(0);
    // The refusal is the browser's one logged error here; the rest of the visit must add none.
    expect(actor.errors).toEqual(['Failed to load resource: the server responded with a status of 415 (Unsupported Media Type)']);
    actor.errors.length = 0;
    await actor.expectAccessible(`proposer, un fichier refusé (${lang})`);
    await actor.shoot(`documents-proposer-refus-${lang}`);

    await page.goto(`${server.url}/documents/mes-propositions`);
    await actor.visit(w.mine, `mes propositions (${lang})`, `documents-mes-propositions-${lang}`);
    for (const status of w.statuses) await expect(page.getByText(status, { exact: true }).count()).resolves.toBeGreaterThan(0);
    for (const status of other.statuses) await expect(page.getByText(status, { exact: true }).count()).resolves.toBe(0);
    expect(actor.errors).toEqual([]);
  }, 240_000);
});
