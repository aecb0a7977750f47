import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentFolders, documents, documentVersions } from '../../db/schema';
import { createEstablishment, createUser, type TestUser } from '../helpers/app';
import { axeViolations } from '../helpers/browser';
import { OFFICE_STAFF } from '../helpers/e2e-cast';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import type { Actor } from '../helpers/trainings-e2e';
import { until } from '../helpers/until';

/**
 * Parcours « documents » dans Chromium sur l'application construite (api +
 * workers, dont l'extraction du texte des PDF) : le personnel crée un
 * dossier, y dépose un PDF et une image en voyant leur progression (le débit
 * montant est bridé pour que la barre avance), réserve le PDF aux campings ;
 * une partenaire d'un camping trouve le PDF par un mot de son texte et le
 * télécharge ; un partenaire d'un restaurant (interface en anglais) ne le
 * voit ni dans la liste, ni dans la recherche, ni par son adresse. Chaque
 * page passe axe (WCAG 2.0/2.1 A + AA) ; captures à 1280 et 360 px.
 */

const FOLDER = 'Guides pratiques';
const WORD = 'transhumance';
const CAMPSITE = { name: 'Bruno Castanet', email: 'bruno@camping-de-l-arre.example', establishment: "Camping de l'Arre" };
const RESTAURANT = { name: 'Hannah Visser', email: 'hannah@auberge-du-causse.example', establishment: 'Auberge du Causse' };

// The machine is shared: allow a loaded moment more than the trainings journey's 10 s.
const journey = browserJourney('documents', { timeout: 20_000 });
const { as, url } = journey;
let server: E2eServer;
let staff: Actor;
let campsite: Actor;
let restaurant: Actor;
const users = {} as Record<'staff' | 'campsite' | 'restaurant', TestUser>;
let files: { dir: string; pdf: string; image: string };
let pdfId = '';
let imageId = '';

// The PDF is shown in a sandboxed frame (the server's CSP allows no script in it): axe cannot enter it.
const PDF_FRAME = '[data-testid="pdf-preview"]';

/** Random pixels: a PNG that does not compress, so that its upload takes a visible while. */
function noise(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(Math.random() * 256);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** A PDF whose text holds WORD (found by the extraction worker), padded by a picture. */
async function guidePdf(): Promise<Buffer> {
  const picture = await noise(360, 360);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: "Guide d'accueil" } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text("Guide d'accueil des campings");
    doc.text(`Les chemins de ${WORD} traversent le causse : prévenez vos clients des passages de troupeaux en juin.`);
    doc.image(picture, { width: 300 });
    doc.end();
  });
}

/** axe on the current page, the PDF frame left out. */
async function accessible(actor: Actor, what: string) {
  const violations = await axeViolations(actor.page, { exclude: [PDF_FRAME] });
  const readable = violations.map((v) => `  - ${v.id} [${v.impact}] ${v.help}\n      ${v.nodes.join('\n      ')}`).join('\n');
  expect(violations, `axe : ${violations.length} violation(s) sur « ${what} » (${actor.label})\n${readable}`).toEqual([]);
}

async function openDocuments(actor: Actor, label = 'Documents') {
  await actor.page.getByRole('navigation', { name: /Navigation principale|Main navigation/ }).getByRole('link', { name: label }).click();
}

beforeAll(async () => {
  server = journey.server;
  users.staff = await createUser(server, 'staff', OFFICE_STAFF);
  const camping = await createEstablishment(server, { name: CAMPSITE.establishment, category: 'hebergement', subcategory: 'camping', communeInsee: '30350' });
  const resto = await createEstablishment(server, { name: RESTAURANT.establishment, category: 'restauration', subcategory: 'restaurant', communeInsee: '30350' });
  users.campsite = await createUser(server, 'partner', { name: CAMPSITE.name, email: CAMPSITE.email, establishmentId: camping.id });
  users.restaurant = await createUser(server, 'partner', { name: RESTAURANT.name, email: RESTAURANT.email, establishmentId: resto.id, language: 'en' });
  const dir = mkdtempSync(join(tmpdir(), 'ep-documents-e2e-'));
  files = { dir, pdf: join(dir, 'guide-accueil.pdf'), image: join(dir, 'vue-du-causse.png') };
  writeFileSync(files.pdf, await guidePdf());
  writeFileSync(files.image, await noise(420, 420));
  staff = await journey.actor('personnel');
  campsite = await journey.actor(CAMPSITE.name);
  restaurant = await journey.actor(RESTAURANT.name);
});

afterAll(async () => {
  if (files) rmSync(files.dir, { recursive: true, force: true });
});

describe('documents, dans le navigateur', () => {
  test('le personnel crée un dossier et y dépose un PDF et une image en voyant la progression de chacun', async () => {
    const { page, settle } = as(staff);
    await staff.logIn(server.url, OFFICE_STAFF.email, users.staff.password);
    await openDocuments(staff);
    await settle('Documents');
    await page.getByText('La bibliothèque est vide.').waitFor();
    await accessible(staff, 'bibliothèque vide (personnel)');

    await page.getByRole('button', { name: 'Nouveau dossier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau dossier' });
    await dialog.getByRole('textbox', { name: 'Nom du dossier' }).fill(FOLDER);
    await dialog.getByRole('radio', { name: 'Tout le réseau' }).waitFor();
    await page.waitForTimeout(250);
    await accessible(staff, 'nouveau dossier');
    await dialog.getByRole('button', { name: 'Nouveau dossier' }).click();
    await staff.notified(`Dossier « ${FOLDER} » créé.`);
    const [folder] = await server.db.select().from(documentFolders);
    expect(folder).toMatchObject({ name: FOLDER, parentId: null, audienceKind: 'everyone' });

    await page.getByRole('link', { name: FOLDER }).click();
    await settle(FOLDER);
    await page.getByLabel("Fil d'Ariane").getByRole('link', { name: 'Documents' }).waitFor();
    await accessible(staff, 'dossier vide');

    await page.getByRole('link', { name: 'Déposer des fichiers' }).first().click();
    await settle('Déposer des fichiers');
    await expect(page.getByRole('combobox', { name: 'Dossier' }).inputValue()).resolves.toBe(FOLDER);
    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Publié' }).click();
    await accessible(staff, 'dépôt (avant les fichiers)');
    await staff.shoot('documents-depot');

    // A slow uplink (256 KiB/s) so that each file's bar is seen moving.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    const chooser = page.waitForEvent('filechooser');
    // The keyboard path: the real button opens the picker.
    await page.getByRole('button', { name: 'Choisir des fichiers' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles([files.pdf, files.image]);

    const uploading = page.locator('[data-testid="upload-item"][data-status="uploading"]').first();
    await uploading.waitFor();
    const label = await uploading.getByText(/Envoi en cours\s:\s\d+\s%/).textContent();
    const percent = Number(/(\d+)\s%/.exec(label ?? '')?.[1]);
    expect(percent).toBeGreaterThanOrEqual(0);
    expect(percent).toBeLessThan(100);
    await expect(uploading.getByRole('button', { name: /Annuler l'envoi de/ }).isVisible()).resolves.toBe(true);
    await accessible(staff, 'dépôt en cours');
    await staff.shoot('documents-depot-en-cours');

    await page.locator('[data-testid="upload-item"][data-status="done"]').nth(1).waitFor({ timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await accessible(staff, 'dépôt terminé');
    await staff.shoot('documents-depot-termine');

    const rows = await server.db.select().from(documents);
    expect(rows.map((r) => [r.title, r.status, r.folderId, r.audienceKind]).sort()).toEqual([
      ['guide-accueil', 'published', folder!.id, 'everyone'],
      ['vue-du-causse', 'published', folder!.id, 'everyone'],
    ]);
    pdfId = rows.find((r) => r.title === 'guide-accueil')!.id;
    imageId = rows.find((r) => r.title === 'vue-du-causse')!.id;
    const versions = await server.db.select().from(documentVersions);
    expect(versions.map((v) => v.originalName).sort()).toEqual(['guide-accueil.pdf', 'vue-du-causse.png']);
    expect(versions.find((v) => v.originalName === 'guide-accueil.pdf')!.size).toBe(readFileSync(files.pdf).length);
  }, 300_000);

  test('le personnel réserve le PDF aux campings depuis sa page ; le texte du PDF est extrait par le worker', async () => {
    const { page, settle } = as(staff);
    await page.getByRole('link', { name: 'guide-accueil' }).click();
    await settle('guide-accueil');
    await page.getByText('Version 1', { exact: true }).waitFor();
    await accessible(staff, 'page du PDF (personnel)');
    await staff.shoot('documents-document-personnel');

    await page.getByRole('button', { name: 'Modifier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier le document' });
    await dialog.getByRole('textbox', { name: 'Titre' }).fill("Guide d'accueil des campings");
    await dialog.getByRole('radio', { name: 'Certains partenaires' }).check();
    await dialog.getByLabel('Sous-catégories', { exact: true }).click();
    await page.getByRole('option', { name: 'Camping', exact: true }).click();
    // Leaves the list (Escape would also close the dialog).
    await dialog.getByRole('textbox', { name: 'Titre' }).click();
    await page.waitForTimeout(250);
    await accessible(staff, 'modifier le document (public : campings)');
    await staff.shoot('documents-modifier');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await staff.notified('Document enregistré.');
    await settle("Guide d'accueil des campings");
    await page.getByText(/^Partenaires\s:\sCamping\s;\stout le territoire$/).waitFor();

    const [doc] = await server.db.select().from(documents).where(eq(documents.id, pdfId));
    expect(doc).toMatchObject({ title: "Guide d'accueil des campings", audienceKind: 'partners', audienceSubcategories: ['camping'], audienceCategories: [] });
    // The extraction worker of the e2e server reads the PDF's text.
    const extracted = await until(async () => {
      await new Promise((r) => setTimeout(r, 250));
      return (await server.db.select().from(documentVersions).where(eq(documentVersions.documentId, pdfId)))[0]?.textStatus === 'done';
    }, 30_000);
    expect(extracted).toBe(true);
  }, 240_000);

  test("une partenaire d'un camping trouve le PDF par un mot de son texte, sans accent ni majuscule, et le télécharge", async () => {
    const { page, settle } = as(campsite);
    await campsite.logIn(server.url, CAMPSITE.email, users.campsite.password);
    await openDocuments(campsite);
    await settle('Documents');
    await page.getByRole('link', { name: FOLDER }).waitFor();
    await accessible(campsite, 'bibliothèque (camping)');
    await campsite.shoot('documents-bibliotheque');

    await page.getByRole('searchbox', { name: 'Rechercher' }).fill(WORD.toUpperCase());
    const result = page.getByRole('row').filter({ hasText: "Guide d'accueil des campings" });
    await result.waitFor();
    await expect(result.locator('mark').first().textContent()).resolves.toMatch(new RegExp(WORD, 'i'));
    await page.getByText(/1 résultat pour/).waitFor();
    await accessible(campsite, 'recherche (camping)');
    await campsite.shoot('documents-recherche');

    await page.locator('label', { hasText: 'Vignettes' }).click();
    await page.locator('[data-testid="document-card"]').first().waitFor();
    await accessible(campsite, 'recherche en vignettes');

    await result.or(page.locator('[data-testid="document-card"]')).getByRole('link', { name: "Guide d'accueil des campings" }).first().click();
    await settle("Guide d'accueil des campings");
    await accessible(campsite, 'page du PDF (camping)');
    await campsite.shoot('documents-document');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger « guide-accueil.pdf »' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('guide-accueil.pdf');
    expect(readFileSync((await file.path())!).equals(readFileSync(files.pdf))).toBe(true);
  }, 240_000);

  test("un partenaire d'un restaurant (en anglais) ne voit le PDF ni dans la liste, ni dans la recherche, ni par son adresse", async () => {
    const { page, settle } = as(restaurant);
    await page.goto(url('/connexion'));
    await settle('Connexion');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(RESTAURANT.email);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(users.restaurant.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await settle(/^Hello /);
    await openDocuments(restaurant);
    await settle('Documents');
    await page.getByRole('link', { name: FOLDER }).click();
    await settle(FOLDER);
    await page.getByRole('link', { name: 'vue-du-causse' }).waitFor();
    await expect(page.getByRole('link', { name: "Guide d'accueil des campings" }).count()).resolves.toBe(0);
    await accessible(restaurant, 'folder (restaurant, English)');
    await restaurant.shoot('documents-dossier-en');

    await page.getByRole('searchbox', { name: 'Search' }).fill(WORD);
    await page.getByText('No documents match these criteria.').waitFor();
    await accessible(restaurant, 'search without result (English)');

    await page.goto(url(`/documents/${imageId}`));
    await settle('vue-du-causse');
    await page.getByRole('img', { name: 'Preview of “vue-du-causse”' }).waitFor();
    await accessible(restaurant, 'image document (English)');
    await restaurant.shoot('documents-image-en');

    await page.goto(url(`/documents/${pdfId}`));
    await page.getByText('Document not found.').waitFor();
    const direct = await page.request.get(url(`/api/documents/${pdfId}/download`));
    expect(direct.status()).toBe(404);
    const thumbnail = await page.request.get(url(`/api/documents/${pdfId}/thumbnail`));
    expect(thumbnail.status()).toBe(404);
  }, 240_000);
});
