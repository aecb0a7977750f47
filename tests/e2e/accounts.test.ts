import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, launchBrowser, screenshotDir, screenshots } from '../helpers/browser';
import { linkIn, startE2eServer } from '../helpers/e2e-server';

/**
 * Parcours « comptes » dans Chromium sur l'application construite (api +
 * workers + client, courrier capturé) : premier administrateur, invitation
 * d'un partenaire, mot de passe oublié, pages réservées, langue, expiration
 * de session. Chaque page visitée passe axe (WCAG 2.0/2.1 A + AA).
 * Les tests se suivent et partagent un navigateur : chacun part de l'état laissé par le précédent.
 */

const ADMIN = { name: 'Claire Rouvière', password: 'Lauze-Aigoual-Châtaigne-73' };
const PARTNER = {
  email: 'pieter.vandijk@gite-filature.example',
  name: 'Pieter van Dijk',
  password: 'Mûrier-Arre-Filature-2931',
  newPassword: 'Clède-Valat-Bancels-4417',
};
const ESTABLISHMENT = { name: 'Gîte de la Filature', commune: 'Le Vigan (30120)' };

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
/** Script errors of the page, shown when a step fails. */
const pageErrors: string[] = [];

beforeAll(async () => {
  // Pictures of failures from an earlier run would mislead.
  if (existsSync(screenshotDir)) for (const f of readdirSync(screenshotDir)) if (f.startsWith('echec-accounts--')) rmSync(join(screenshotDir, f), { force: true });
  server = await startE2eServer();
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
});

// A failed step leaves a picture and the page's address and heading behind, to see what the browser showed.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || !page) return;
  const path = join(screenshotDir, `echec-accounts--${ctx.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => {});
  const heading = await page.locator('h1').first().textContent({ timeout: 1000 }).catch(() => null);
  console.log(`Échec sur ${page.url()} (h1 : ${heading ?? 'aucun'}) ; capture : ${path}`);
  if (pageErrors.length) console.log(`Erreurs de la page :\n  ${pageErrors.slice(-10).join('\n  ')}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.log(`Captures d'écran (bureau 1280 px, téléphone 360 px) : ${screenshotDir}`);
});

// ---------- helpers ----------

const url = (path: string) => `${server.url}${path}`;
const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
/** A text field by its accessible name (Mantine's required asterisk is aria-hidden, so not part of it). */
const field = (name: string) => page.getByRole('textbox', { name, exact: true });
const combo = (name: string) => page.getByRole('combobox', { name, exact: true });
const nav = () => page.getByRole('navigation', { name: /^(Navigation principale|Main navigation)$/ });

/** Waits until the page shows its h1 and nothing is loading any more. */
async function settle(title: string | RegExp): Promise<void> {
  if (process.env.E2E_TRACE) console.log(`[${new Date().toISOString().slice(11, 23)}] ${String(title)}`);
  await h1(title).waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .mantine-Loader-root'));
  // Mantine's enter transitions (notifications, menus) must end before contrast is measured.
  await page.waitForTimeout(250);
}

/** axe on the current page (WCAG 2.0/2.1 A + AA): no violation, listed readably otherwise. */
async function expectAccessible(label: string, options: { exclude?: string[]; disableRules?: string[]; on?: Page } = {}): Promise<void> {
  const target = options.on ?? page;
  // axe cannot run inside a sandboxed iframe without scripts (the outbox preview) and would wait forever.
  const exclude = ['iframe[sandbox]:not([sandbox~="allow-scripts"])', ...(options.exclude ?? [])];
  const started = Date.now();
  const violations = await Promise.race([
    axeViolations(target, { ...options, exclude }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`axe did not finish on « ${label} »`)), 30_000).unref()),
  ]);
  if (process.env.E2E_TRACE) console.log(`[axe ${Date.now() - started} ms] ${label}`);
  const readable = violations
    .map((v) => `  - ${v.id} [${v.impact}] ${v.help}\n      ${v.nodes.join('\n      ')}`)
    .join('\n');
  expect(violations, `axe: ${violations.length} violation(s) sur « ${label} » (${target.url()})\n${readable}`).toEqual([]);
}

/** Page visited: settled, checked by axe, and photographed at both widths when it is a main page. */
async function visit(title: string | RegExp, label: string, shot?: string): Promise<void> {
  await settle(title);
  await expectAccessible(label);
  if (shot) await shoot(shot);
}

/** Screenshots at both widths, without the passing notifications that would cover the header. */
async function shoot(name: string): Promise<void> {
  const notices = page.locator('.mantine-Notification-root');
  for (const close of await notices.getByRole('button').all()) await close.click().catch(() => {});
  await notices.first().waitFor({ state: 'detached', timeout: 2000 }).catch(() => {});
  await screenshots(page, name);
  if (process.env.E2E_TRACE) console.log(`[${new Date().toISOString().slice(11, 23)}] capture ${name}`);
}

/** Keyboard only: presses Tab until `target` has the focus (fails if it is never reached). */
async function tabTo(target: Locator, max = 30): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`focus never reached ${target.toString()} after ${max} Tab presses`);
}

async function logInWithKeyboard(email: string, password: string): Promise<void> {
  await tabTo(field('Adresse e-mail'));
  await page.keyboard.type(email);
  await tabTo(field('Mot de passe'));
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

async function openUserMenu(name: string): Promise<void> {
  // « Menu de … » in French, "Menu for …" in English: named after the user in both languages.
  await page.getByRole('banner').getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('menu').waitFor();
}

async function logOut(name: string): Promise<void> {
  await openUserMenu(name);
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await page.waitForURL(url('/connexion'));
  await settle('Connexion');
}

/** The session cookies the browser holds (not ep_device, which marks a browser that logged in before: abuse-login.test.ts). */
async function cookieNames(): Promise<string[]> {
  return (await browser.context.cookies()).map((c) => c.name).filter((n) => n !== 'ep_device').sort();
}

// ---------- journeys ----------

describe('comptes, dans le navigateur', () => {
  test('le premier administrateur ouvre le lien affiché au démarrage, choisit son mot de passe au clavier et arrive connecté', async () => {
    expect(server.adminLink).toMatch(new RegExp(`^${server.url}/invitation/`));
    await page.goto(server.adminLink);
    await visit("Bienvenue sur l'Espace Pro", 'invitation (administrateur)', 'invitation');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toContain("Bienvenue sur l'Espace Pro");

    // Keyboard only: Tab to each field, type, Enter submits.
    await tabTo(field('Nom'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(ADMIN.name);
    await tabTo(field('Nouveau mot de passe'));
    await page.keyboard.type(ADMIN.password);
    await tabTo(field('Confirmer le mot de passe'));
    await page.keyboard.type(ADMIN.password);
    await page.getByText('Fort', { exact: false }).first().waitFor(); // the strength hint follows the typing
    await page.keyboard.press('Enter');

    await page.waitForURL(url('/'));
    await visit('Bonjour Claire', 'accueil (administrateur)', 'accueil-administrateur');
    await expect(cookieNames()).resolves.toEqual(['ep_access', 'ep_refresh', 'ep_session']);
    // The one-time link is spent.
    const again = await page.request.get(url(`/api/auth/tokens/${server.adminLink.split('/').pop()}?purpose=invitation`));
    expect(again.status()).toBe(404);
  });

  test("l'administrateur crée un établissement puis invite un partenaire, qui accepte au clavier, se connecte et modifie son établissement", async () => {
    // Établissements: empty, then created through the form.
    await nav().getByRole('link', { name: 'Établissements' }).click();
    await visit('Établissements', 'établissements (vide)');
    await page.getByText('Aucun établissement pour l\'instant').waitFor();
    await page.getByRole('link', { name: 'Nouvel établissement' }).first().click();
    await visit('Nouvel établissement', 'nouvel établissement');
    await field('Nom').fill(ESTABLISHMENT.name);
    await combo('Catégorie').click();
    await page.getByRole('option', { name: 'Hébergement' }).click();
    await combo('Sous-catégorie').click();
    await page.getByRole('option', { name: 'Gîte / meublé de tourisme' }).click();
    await combo('Commune').fill('Vigan');
    await page.getByRole('option', { name: ESTABLISHMENT.commune }).click();
    await page.getByRole('button', { name: "Créer l'établissement" }).click();
    await page.waitForURL(/\/etablissements\/[0-9a-f-]{36}$/);
    await visit(ESTABLISHMENT.name, 'fiche établissement (personnel)');

    await nav().getByRole('link', { name: 'Établissements' }).click();
    await settle('Établissements');
    await page.getByRole('rowheader', { name: ESTABLISHMENT.name }).waitFor();
    await expectAccessible('établissements');
    await shoot('etablissements');

    // Utilisateurs: invite the partner of that establishment.
    await nav().getByRole('link', { name: 'Utilisateurs' }).click();
    await visit('Utilisateurs', 'utilisateurs');
    await page.getByRole('link', { name: 'Inviter un utilisateur' }).first().click();
    await visit('Inviter un utilisateur', 'inviter un utilisateur', 'inviter');
    await field('Adresse e-mail').fill(PARTNER.email);
    await field('Nom').fill(PARTNER.name);
    await combo('Établissement').click();
    await page.getByRole('option', { name: new RegExp(ESTABLISHMENT.name) }).click();
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await page.waitForURL(url('/utilisateurs'));
    await settle('Utilisateurs');
    const row = page.getByRole('row').filter({ hasText: PARTNER.name });
    await row.getByText('Invité').waitFor();
    await expect(row.textContent()).resolves.toContain(ESTABLISHMENT.name);
    await expectAccessible('utilisateurs (avec invitation)');
    await shoot('utilisateurs');

    // The invitation, as the worker rendered it into the captured outbox.
    const mail = await server.mailTo(PARTNER.email, 'invitation');
    const invitationLink = linkIn(mail.text, `${server.url}/invitation`);
    await nav().getByRole('link', { name: "Boîte d'envoi" }).click();
    await settle("Boîte d'envoi");
    await page.getByRole('link', { name: mail.subject }).waitFor();
    await expectAccessible("boîte d'envoi");
    await shoot('boite-d-envoi');
    await page.getByRole('link', { name: mail.subject }).click();
    await settle(mail.subject);
    await page.frameLocator('iframe').getByText(PARTNER.name, { exact: false }).first().waitFor();
    // The page around the sandboxed preview here, the e-mail's own HTML below.
    await expectAccessible("e-mail de la boîte d'envoi");
    await shoot('boite-d-envoi-message');
    const mailPage = await browser.context.newPage();
    await mailPage.setContent(mail.html);
    // The e-mail's own HTML, opened as a page: it must pass on its own too.
    await expectAccessible(`HTML de l'e-mail « ${mail.subject} »`, { on: mailPage });
    await mailPage.close();
    await page.bringToFront();

    await openUserMenu(ADMIN.name);
    await expectAccessible("menu de l'utilisateur");
    await page.keyboard.press('Escape');
    await logOut(ADMIN.name);

    // The partner accepts, keyboard only.
    await page.goto(invitationLink);
    await visit("Bienvenue sur l'Espace Pro", 'invitation (partenaire)');
    await page.getByText(`Cette invitation est adressée à ${PARTNER.email}`).waitFor();
    expect(await field('Nom').inputValue()).toBe(PARTNER.name);
    await tabTo(field('Nouveau mot de passe'));
    await page.keyboard.type(PARTNER.password);
    await tabTo(field('Confirmer le mot de passe'));
    await page.keyboard.type(PARTNER.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(url('/'));
    await visit('Bonjour Pieter', 'accueil (partenaire)', 'accueil');
    await page.getByRole('main').getByText(ESTABLISHMENT.name).waitFor(); // the home page names the partner's establishment

    // Logs out, then in again with the keyboard.
    await logOut(PARTNER.name);
    await expectAccessible('connexion');
    await shoot('connexion');
    await logInWithKeyboard(PARTNER.email, PARTNER.password);
    await page.waitForURL(url('/'));
    await settle('Bonjour Pieter');

    // Mon établissement: edits the public fields and finds them saved after a reload.
    await nav().getByRole('link', { name: 'Mon établissement' }).click();
    await visit('Mon établissement', 'mon établissement');
    expect(await field('Nom').count()).toBe(0); // kept by the office
    await field('Téléphone').fill('04 67 81 01 72');
    await field('Présentation').fill('Gîte de caractère dans une ancienne filature de soie, au bord de l’Arre.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText("L'établissement a été enregistré.").waitFor();
    await expectAccessible('mon établissement (enregistré)');
    await page.reload();
    await settle('Mon établissement');
    expect(await field('Téléphone').inputValue()).toBe('04 67 81 01 72');
    expect(await field('Présentation').inputValue()).toContain('ancienne filature de soie');
    await shoot('mon-etablissement');
  });

  test('mot de passe oublié : demande depuis la connexion, lien reçu par e-mail, nouveau mot de passe, connexion', async () => {
    await logOut(PARTNER.name);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await visit('Mot de passe oublié', 'mot de passe oublié', 'mot-de-passe-oublie');
    await field('Adresse e-mail').fill(PARTNER.email);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page.getByText('Demande enregistrée').waitFor();
    await expectAccessible('mot de passe oublié (demande envoyée)');

    const mail = await server.mailTo(PARTNER.email, 'Réinitialisation');
    await page.goto(linkIn(mail.text, `${server.url}/reinitialiser`));
    await visit('Nouveau mot de passe', 'nouveau mot de passe', 'reinitialiser');
    await field('Nouveau mot de passe').fill(PARTNER.newPassword);
    await field('Confirmer le mot de passe').fill(PARTNER.newPassword);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.waitForURL(url('/connexion'));
    await settle('Connexion');
    await page.getByText('Votre mot de passe a été modifié.').waitFor();

    // The old password no longer works; the new one does.
    await logInWithKeyboard(PARTNER.email, PARTNER.password);
    await page.getByRole('alert').filter({ hasText: 'Connexion impossible' }).waitFor();
    await expectAccessible('connexion (échec)');
    await field('Mot de passe').fill(PARTNER.newPassword);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(url('/'));
    await settle('Bonjour Pieter');
    await server.mailTo(PARTNER.email, 'modifié');
  });

  test("un partenaire n'ouvre pas les pages du personnel : navigation sans elles, page de refus, et 403 du serveur", async () => {
    const links = await nav().getByRole('link').allTextContents();
    expect(links).toEqual(expect.arrayContaining(['Accueil', 'Mon établissement']));
    for (const staffOnly of ['Établissements', 'Utilisateurs', 'Newsletters', "Boîte d'envoi"]) expect(links).not.toContain(staffOnly);

    for (const path of ['/etablissements', '/utilisateurs', '/utilisateurs/inviter', '/boite-d-envoi']) {
      await page.goto(url(path));
      await settle('Accès refusé');
      expect(await page.getByRole('table').count()).toBe(0);
    }
    await expectAccessible('accès refusé');
    await shoot('acces-refuse');

    // The server refuses the data itself, with the page's own cookies.
    for (const path of ['/api/establishments', '/api/users', '/api/outbox']) {
      const res = await page.request.get(url(path));
      expect(res.status(), path).toBe(403);
      expect(res.headers()['content-type']).toContain('application/problem+json');
    }
    const invite = await page.request.post(url('/api/users/invitations'), {
      data: { email: 'intrus@example.org', name: 'Intrus', role: 'partner', language: 'fr' },
    });
    expect(invite.status()).toBe(403);
    const me = (await (await page.request.get(url('/api/me'))).json()) as { establishment: { id: string } };
    const rename = await page.request.patch(url(`/api/establishments/${me.establishment.id}`), { data: { name: 'Renommé par le partenaire' } });
    expect(rename.status()).toBe(403);
  });

  test('en anglais : textes et <html lang> changent ; session expirée : rafraîchie sans bruit, sinon retour à la connexion puis à la page', async () => {
    await page.goto(url('/profil'));
    await visit('Mon profil', 'mon profil', 'profil');

    // Language, from the user menu; saved on the account.
    await openUserMenu(PARTNER.name);
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await settle('My profile');
    expect(await nav().getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Home', 'My establishment', 'Trainings']));
    await page.goto(url('/'));
    await visit('Hello Pieter', 'home (English)', 'accueil-en');
    expect(await page.title()).toContain('Home');
    expect(((await (await page.request.get(url('/api/me'))).json()) as { language: string }).language).toBe('en');
    await openUserMenu(PARTNER.name);
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await settle('Bonjour Pieter');

    // Phone width: the navigation folds behind the burger.
    await page.setViewportSize({ width: 360, height: 740 });
    // Folded: pushed off-screen and inert (out of the keyboard order and of the accessibility tree).
    await page.waitForFunction(() => {
      const el = document.getElementById('navigation-principale');
      return el !== null && el.inert && el.getBoundingClientRect().right <= 0;
    });
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await nav().getByRole('link', { name: 'Mon établissement' }).waitFor();
    await page.waitForTimeout(300);
    await expectAccessible('accueil (téléphone, menu ouvert)');
    await nav().getByRole('link', { name: 'Mon établissement' }).click();
    await settle('Mon établissement');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Access token gone (expired): the client refreshes silently and the user stays on the page.
    await browser.context.clearCookies({ name: 'ep_access' });
    expect(await cookieNames()).toEqual(['ep_refresh', 'ep_session']);
    await page.goto(url('/mon-etablissement'));
    await settle('Mon établissement');
    expect(page.url()).toBe(url('/mon-etablissement'));
    expect(await cookieNames()).toEqual(['ep_access', 'ep_refresh', 'ep_session']);

    // Both cookies gone: back to log-in, then back to the page after logging in.
    await browser.context.clearCookies();
    await page.goto(url('/mon-etablissement'));
    await page.waitForURL(url('/connexion?next=%2Fmon-etablissement'));
    await settle('Connexion');
    await page.getByText('Connectez-vous pour accéder à cette page.').waitFor();
    await expectAccessible('connexion (session expirée)');
    await logInWithKeyboard(PARTNER.email, PARTNER.newPassword);
    await page.waitForURL(url('/mon-etablissement'));
    await settle('Mon établissement');

    // The same while using the app: the session is lost while a form is open; saving fails,
    // the user is sent to log in and brought back to the page.
    await browser.context.clearCookies();
    await field('Téléphone').fill('04 67 81 01 73');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(url('/connexion?next=%2Fmon-etablissement'));
    await settle('Connexion');
    await page.getByText('Votre session a expiré.', { exact: false }).first().waitFor();
    await expectAccessible('connexion (session expirée en cours de route)');
    await logInWithKeyboard(PARTNER.email, PARTNER.newPassword);
    await page.waitForURL(url('/mon-etablissement'));
    await settle('Mon établissement');
    expect(await field('Téléphone').inputValue()).toBe('04 67 81 01 72'); // nothing was saved without a session
  });

  test("déclaration d'accessibilité et données personnelles, liées depuis le pied de chaque page", async () => {
    await page.getByRole('contentinfo').getByRole('link', { name: "Déclaration d'accessibilité" }).click();
    await visit("Déclaration d'accessibilité", "déclaration d'accessibilité", 'accessibilite');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
    await visit('Données personnelles', 'données personnelles', 'donnees-personnelles');

    // The same pages for a visitor who is not signed in.
    await nav().getByRole('link', { name: 'Accueil' }).click();
    await settle('Bonjour Pieter');
    await logOut(PARTNER.name);
    await page.getByRole('contentinfo').getByRole('link', { name: "Déclaration d'accessibilité" }).click();
    await visit("Déclaration d'accessibilité", "déclaration d'accessibilité (visiteur)");
    await page.goto(url('/page-qui-n-existe-pas'));
    await visit('Page introuvable', 'page introuvable');
  });
});
