import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { newsPosts } from '../../db/schema';
import type { TestUser } from '../helpers/app';
import { createCommentRow, createLivePost, partnersOf } from '../helpers/news-participation';
import { OFFICE_STAFF } from '../helpers/e2e-cast';
import { browserJourney } from '../helpers/e2e-journey';
import { createNewsCast } from '../helpers/news-e2e';
import type { Actor } from '../helpers/trainings-e2e';

/**
 * Parcours « participation » dans Chromium sur l'application construite : un
 * partenaire camping commente une actualité des campings, corrige son
 * commentaire et en signale un autre ; le personnel masque un commentaire
 * avec un motif et traite le signalement dans la file de modération ; le
 * partenaire propose un retour d'expérience avec une photo, le personnel le
 * publie, il paraît dans « Retours d'expérience » et dans la recherche. axe
 * passe sur chaque page ; captures à 1280 et 360 px, en français puis en
 * anglais (fil, actualité commentée, agenda dans ses deux vues, formulaire
 * du retour, éditeur du personnel, file de modération).
 */

const CAMPING = { name: 'Bruno Castanet', email: 'bruno.participation@camping-de-l-arre.example', establishment: "Camping de l'Arre" };
const NEIGHBOUR = { name: 'Lucie Pagès', email: 'lucie.participation@camping-du-lac.example', establishment: 'Camping du Lac' };
const POST = 'Nouvelle taxe de séjour des campings';
const COMMENT = 'Merci ! Le barème est-il le même pour les emplacements nus ?';
const EDITED = 'Merci ! Le barème vaut-il aussi pour les emplacements nus et les tentes louées ?';
const OFF_TOPIC = 'Qui vend une caravane ? Appelez-moi.';
const RUDE = 'Ce barème est une honte, personne ne le paiera.';
const SHEET = {
  title: 'Des vélos pour les clients venus en train',
  context: 'Nos clients arrivent en train à Ganges et nous demandaient comment circuler.',
  actions: 'Prêt de vélos électriques et navette vers le marché le mardi.',
  result: 'Séjours plus longs et meilleurs avis.',
  alt: 'Six vélos électriques alignés devant l’accueil du camping',
};

const journey = browserJourney('participation');
const { as, url } = journey;
let users: Record<'staff' | 'camping' | 'neighbour', TestUser>;
let staff: Actor;
let camping: Actor;
let postId = '';
let sheetPath = '';

beforeAll(async () => {
  const cast = await createNewsCast(journey, { camping: { ...CAMPING, kind: 'camping' }, neighbour: { ...NEIGHBOUR, kind: 'camping' } });
  ({ users } = cast);
  ({ staff, camping } = cast.actors);
  // The post and the neighbour's comments are written straight to the tables (the post editor has its own journey: news.test.ts).
  postId = await createLivePost(journey.server, { title: POST, audience: partnersOf([], ['camping']), authorId: users.staff.id });
  // An event over three days, this month or the next (both agenda views show it).
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCHours(8, 0, 0, 0);
  await journey.server.db.update(newsPosts).set({
    eventStart: start, eventEnd: new Date(start.getTime() + 2 * 86_400_000 + 9 * 3_600_000), placeKind: 'online', onlineUrl: 'https://visio.example.org/taxe',
  }).where(eq(newsPosts.id, postId));
  await createCommentRow(journey.server, { postId, authorId: users.neighbour.id, body: OFF_TOPIC });
  await createCommentRow(journey.server, { postId, authorId: users.neighbour.id, body: RUDE });
});

const commentCard = (actor: Actor, text: string) => actor.page.locator('.mantine-Paper-root').filter({ hasText: text });

describe('participation, dans le navigateur', () => {
  test('un partenaire camping commente, corrige son commentaire et en signale un autre', async () => {
    const { page, visit, settle, expectAccessible } = as(camping);
    await camping.logIn(journey.server.url, CAMPING.email, users.camping.password);
    await page.goto(url(`/actualites/${postId}`));
    await settle(POST);
    await page.getByRole('textbox', { name: 'Votre commentaire' }).fill(COMMENT);
    await page.getByRole('button', { name: 'Publier le commentaire' }).click();
    await commentCard(camping, COMMENT).waitFor();

    await commentCard(camping, COMMENT).getByRole('button', { name: 'Modifier' }).click();
    const edit = page.getByRole('textbox', { name: 'Modifier votre commentaire' });
    await edit.fill(EDITED);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const mine = commentCard(camping, EDITED);
    await mine.getByText('modifié').waitFor();

    await commentCard(camping, RUDE).getByRole('button', { name: 'Signaler' }).click();
    await page.getByRole('textbox', { name: /Pourquoi signalez-vous ce commentaire/ }).fill('Propos insultants');
    await commentCard(camping, RUDE).getByRole('button', { name: 'Signaler' }).click();
    await commentCard(camping, RUDE).getByText('Vous avez signalé ce commentaire.').waitFor();
    await expectAccessible('actualité commentée (camping)');
    await camping.shoot('participation-actualite-commentee');

    await page.goto(url('/actualites'));
    await visit('Actualités', 'fil (camping)', 'participation-fil');
    await page.goto(url('/agenda'));
    await visit('Agenda du réseau', 'agenda à venir (camping)', 'participation-agenda');
  });

  test('l’agenda « Par mois » est une grille du mois, navigable au clavier', async () => {
    const { page, settle, expectAccessible } = as(camping);
    const start = new Date(Date.now() + 2 * 86_400_000);
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(start).slice(0, 7);
    await page.goto(url(`/agenda?view=month&month=${month}`));
    await settle('Agenda du réseau');
    const grid = page.getByRole('table');
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual(['Lun', 'Mar', 'Mer', 'Jeu', 'Ven', 'Sam', 'Dim']);
    // The event is on its start day and on the days it continues (within the month).
    const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(start);
    const list = grid.getByRole('list', { name: new RegExp(`^${day}, 1 événement$`, 'i') });
    await list.getByRole('link', { name: POST }).waitFor();
    expect(await grid.getByRole('link', { name: new RegExp(POST) }).count()).toBeGreaterThanOrEqual(1);
    // Keyboard: the focused day cell moves with the arrows, a week with up and down.
    const focusedDay = () => page.evaluate(() => document.activeElement?.getAttribute('data-day'));
    await grid.locator('td[tabindex="0"]').focus();
    const first = await focusedDay();
    await page.keyboard.press('ArrowRight');
    const next = await focusedDay();
    expect(next).not.toBe(first);
    await page.keyboard.press('ArrowLeft');
    expect(await focusedDay()).toBe(first);
    if (Number(first!.slice(8)) <= 20) {
      await page.keyboard.press('ArrowDown');
      expect(Number((await focusedDay())!.slice(8))).toBe(Number(first!.slice(8)) + 7);
    }
    await expectAccessible('agenda par mois (camping)');
    await camping.shoot('participation-agenda-mois');
  });

  test('le personnel masque un commentaire avec un motif et traite le signalement', async () => {
    const { page, visit, settle, expectAccessible } = as(staff);
    await staff.logIn(journey.server.url, OFFICE_STAFF.email, users.staff.password);
    await page.goto(url(`/actualites/${postId}`));
    await settle(POST);
    await commentCard(staff, OFF_TOPIC).getByRole('button', { name: 'Masquer' }).click();
    await page.getByRole('textbox', { name: 'Motif du masquage' }).fill('Petite annonce hors sujet');
    await commentCard(staff, OFF_TOPIC).getByRole('button', { name: 'Masquer' }).click();
    const hidden = commentCard(staff, OFF_TOPIC);
    await hidden.getByText('Commentaire masqué par la modération').waitFor();
    await hidden.getByText(/Motif\u00a0: Petite annonce hors sujet/).waitFor();
    await expectAccessible('actualité, commentaire masqué (personnel)');

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Modération' }).click();
    await visit('Modération des commentaires', 'file de modération (personnel)', 'participation-moderation');
    const report = page.locator('.mantine-Paper-root').filter({ hasText: RUDE });
    await report.getByText(/Propos insultants/).waitFor();
    await report.getByRole('textbox', { name: 'Motif du masquage' }).fill('Propos insultants envers l’Office');
    await report.getByRole('button', { name: 'Masquer le commentaire' }).click();
    await page.getByText('Aucun signalement.').waitFor();
    await expectAccessible('file de modération vide (personnel)');

    // The partner no longer reads either comment.
    await camping.page.goto(url(`/actualites/${postId}`));
    await camping.settle(POST);
    await commentCard(camping, EDITED).waitFor();
    expect(await camping.page.getByText(RUDE).count()).toBe(0);
    expect(await camping.page.getByText(OFF_TOPIC).count()).toBe(0);
  });

  test('un partenaire propose un retour d’expérience avec une photo', async () => {
    const { page, visit, settle, expectAccessible } = as(camping);
    await page.goto(url('/retours-experience'));
    await visit('Retours d’expérience', 'retours d’expérience (camping)');
    await page.getByRole('link', { name: 'Partager un retour d’expérience' }).click();
    await settle('Nouveau retour d’expérience');
    await page.getByRole('textbox', { name: 'Titre', exact: true }).fill(SHEET.title);
    await page.getByRole('textbox', { name: 'Le contexte' }).fill(SHEET.context);
    await page.getByRole('textbox', { name: 'Ce que nous avons fait' }).fill(SHEET.actions);
    await page.getByRole('textbox', { name: 'Le résultat' }).fill(SHEET.result);
    const jpeg = await sharp({ create: { width: 1600, height: 1067, channels: 3, background: { r: 40, g: 90, b: 120 } } }).jpeg().toBuffer();
    await page.locator('input[type="file"]').setInputFiles({ name: 'velos.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    // Without its description the photo is not sent: the field says why.
    await page.getByRole('button', { name: 'Envoyer à l’Office' }).click();
    await page.getByText('Décrivez la photo (texte alternatif).').waitFor();
    await page.getByRole('textbox', { name: 'Description de la photo 1' }).fill(SHEET.alt);
    await expectAccessible('formulaire du retour d’expérience (rempli)');
    await camping.shoot('participation-retour-formulaire');
    await page.getByRole('button', { name: 'Envoyer à l’Office' }).click();
    await page.waitForURL(/\/retours-experience\/[0-9a-f-]{36}$/);
    sheetPath = new URL(page.url()).pathname;
    await settle(SHEET.title);
    const photo = page.getByRole('img', { name: SHEET.alt });
    await photo.waitFor();
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    await page.getByText('En relecture').waitFor();
    await expectAccessible('retour d’expérience envoyé (camping)');
  });

  test('le personnel le publie ; il paraît dans « Retours d’expérience » et dans la recherche', async () => {
    const { page, settle, expectAccessible } = as(staff);
    await page.goto(url(sheetPath));
    await settle(SHEET.title);
    await page.getByRole('img', { name: SHEET.alt }).waitFor();
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByRole('heading', { name: 'Décision de l’Office' }).waitFor({ state: 'detached' });
    await expectAccessible('retour d’expérience publié (personnel)');

    const partner = as(camping);
    await partner.page.goto(url('/retours-experience'));
    await partner.settle('Retours d’expérience');
    await partner.page.getByRole('link', { name: SHEET.title }).waitFor();
    await partner.page.goto(url('/actualites'));
    await partner.settle('Actualités');
    await partner.page.getByRole('searchbox', { name: 'Rechercher dans les actualités' }).fill('vélos électriques');
    const hit = partner.page.getByRole('article').filter({ hasText: 'Retour d’expérience' });
    await hit.getByRole('link', { name: SHEET.title }).waitFor();
    await partner.expectAccessible('recherche, un retour d’expérience trouvé (camping)');
  });

  test('captures en anglais : fil, actualité commentée, agenda, formulaire, éditeur, modération', async () => {
    const toEnglish = async (actor: Actor, name: string) => {
      await actor.page.goto(url('/'));
      await actor.page.getByRole('banner').getByRole('button', { name: new RegExp(name) }).click();
      await actor.page.getByRole('menuitem', { name: 'English' }).click();
      await actor.page.waitForFunction(() => document.documentElement.lang === 'en');
    };
    const partner = as(camping);
    await toEnglish(partner, CAMPING.name);
    const shots: [string, string, string][] = [
      ['/actualites', 'News', 'participation-fil-en'],
      [`/actualites/${postId}`, POST, 'participation-actualite-commentee-en'],
      ['/agenda', 'Network calendar', 'participation-agenda-en'],
      ['/agenda?view=month', 'Network calendar', 'participation-agenda-mois-en'],
      ['/retours-experience/proposer', 'New experience sheet', 'participation-retour-formulaire-en'],
    ];
    for (const [path, title, shot] of shots) {
      await partner.page.goto(url(path));
      await partner.visit(title, `${path} (English)`, shot);
    }
    const office = as(staff);
    await toEnglish(office, OFFICE_STAFF.name);
    for (const [path, title, shot] of [
      ['/actualites/gestion/nouvelle', 'New post', 'participation-editeur-en'],
      ['/actualites/moderation', 'Comment moderation', 'participation-moderation-en'],
    ] as const) {
      await office.page.goto(url(path));
      await office.visit(title, `${path} (English)`, shot);
    }
    await office.page.goto(url('/actualites/gestion/nouvelle'));
    await office.settle('New post');
    // The brand (« Sud Cévennes ») is in the banner and footer; the page itself must be English.
    expect(await office.page.getByRole('main').getByText(/[àéèêç]/).allTextContents(), 'French words on the English editor').toEqual([]);
  });
});
