import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { users } from '../../db/schema';
import { accessCookieFor, createEstablishment, createUser, injectAs, type TestUser } from '../helpers/app';
import { screenshots } from '../helpers/browser';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import { apiSession, apiSignUp, apiTraining } from '../helpers/trainings-api';
import { newActor } from '../helpers/trainings-e2e';

/**
 * What a newcomer meets in the first hour (issue 10), in Chromium on the
 * built app, mail delivered to a real SMTP sink: anonymous pages without a
 * console error or a 401; an English invitee's whole path from the mail to the
 * home page, in English; the offer page in the mail's language; the English
 * time picker; an expired invitation; the lists at 360 px as cards with status
 * and actions in view. Every page visited passes axe.
 */

const journey = browserJourney('newcomer', { smtp: true });
const { as, url } = journey;
let server: E2eServer;
let admin: TestUser;
const ENGLISH = { name: 'Harriet Bramley', email: 'harriet@mas-des-figuiers.example', password: 'Figuier-Causse-Lavande-5582' };

/** A browser context in `locale`, signed in as `user` when given (session cookie + the client's marker). */
async function contextFor(locale: string, user?: TestUser): Promise<BrowserContext> {
  const context = await journey.chromium.browser.newContext({ locale, timezoneId: 'Europe/Paris', reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
  if (user) {
    const [name, value] = (await accessCookieFor(server, user)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url, httpOnly: true }, { name: 'ep_session', value: '1', url: server.url }]);
  }
  return context;
}

/** The text part and app link of the newest mail delivered to `to` with a link to `path` (waits for the worker). */
async function mailLink(to: string, path: string): Promise<{ text: string; link: string }> {
  const pattern = new RegExp(`${server.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}[^\\s"<>)]*`);
  const started = Date.now();
  while (Date.now() - started < 20_000) {
    for (const mail of journey.smtp.messages.filter((m) => m.to.includes(to)).reverse()) {
      const text = (await simpleParser(mail.raw)).text ?? '';
      const link = pattern.exec(text)?.[0];
      if (link) return { text, link };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} with a link to ${path}`);
}

beforeAll(async () => {
  server = journey.server;
  admin = await createUser(server, 'admin', { name: 'Claire Rouvière' });
});

describe('a newcomer, in the browser', () => {
  test('anonymous pages make no session call: no 401, no console error', async () => {
    const context = await contextFor('fr-FR');
    const visitor = as(await newActor(context, 'visiteur'));
    const unauthorised: string[] = [];
    const sessionCalls: string[] = [];
    visitor.page.on('response', (res) => res.status() === 401 && unauthorised.push(res.url()));
    visitor.page.on('request', (req) => /\/api\/(me|auth\/refresh)$/.test(new URL(req.url()).pathname) && sessionCalls.push(req.url()));
    const pages: [string, string | RegExp][] = [
      ['/connexion', 'Connexion'],
      ['/mot-de-passe-oublie', 'Mot de passe oublié'],
      [new URL(server.adminLink).pathname, "Bienvenue sur l'Espace Pro"],
      ['/accessibilite', "Déclaration d'accessibilité"],
      ['/donnees-personnelles', 'Données personnelles'],
    ];
    for (const [path, title] of pages) {
      await visitor.page.goto(url(path));
      await visitor.visit(title, `${path} (visiteur)`);
    }
    // The first administrator's link asks for a real name (issue 10, item 11).
    await visitor.page.goto(server.adminLink);
    await visitor.settle("Bienvenue sur l'Espace Pro");
    expect(await visitor.page.getByRole('textbox', { name: 'Nom', exact: true }).inputValue()).toBe('');
    expect({ errors: visitor.errors, unauthorised, sessionCalls }).toEqual({ errors: [], unauthorised: [], sessionCalls: [] });

    // Before log-in an English browser gets English, with the switch back to French in view.
    const english = await newActor(await contextFor('en-US'), 'visitor (en)');
    await english.page.goto(url('/connexion'));
    await english.visit('Log in', 'log-in (English browser)');
    await expect(english.page.getByRole('banner').getByRole('button', { name: 'Français' }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  test('an English invitee goes from the mail to the home page in English, and the offer page opens in the mail’s language', async () => {
    const establishment = await createEstablishment(server, { name: 'Mas des Figuiers' });
    const asAdmin = await injectAs(server, admin);
    const invited = await asAdmin({ method: 'POST', url: '/api/users/invitations', payload: { email: ENGLISH.email, name: ENGLISH.name, role: 'partner', establishmentId: establishment.id, language: 'en' } });
    expect(invited.statusCode, invited.body).toBe(201);
    const { text, link } = await mailLink(ENGLISH.email, '/invitation/');
    expect(text).toContain(`Hello ${ENGLISH.name}`);
    expect(link).toMatch(/\?lang=en$/);

    // A French computer: the page follows the mail, not the browser.
    const context = await contextFor('fr-FR');
    const invitee = as(await newActor(context, 'invitee'));
    await invitee.page.goto(link);
    await invitee.visit('Welcome to Espace Pro', 'invitation (English)');
    expect(await invitee.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(invitee.page.getByRole('banner').getByRole('button', { name: 'Français' }).isVisible()).resolves.toBe(true);
    await invitee.page.getByLabel('New password', { exact: true }).fill(ENGLISH.password);
    await invitee.page.getByLabel('Confirm password', { exact: true }).fill(ENGLISH.password);
    await invitee.page.getByRole('button', { name: 'Activate my account' }).click();
    await invitee.page.waitForURL(url('/'));
    await invitee.notified(`Welcome, ${ENGLISH.name}! Your account is active.`);
    // The toast sits away from the user menu it used to cover.
    const toast = await invitee.page.locator('.mantine-Notification-root').first().boundingBox();
    const menu = await invitee.page.getByRole('banner').getByRole('button', { name: new RegExp(ENGLISH.name) }).boundingBox();
    expect(toast && menu && (toast.y >= menu.y + menu.height || toast.x >= menu.x + menu.width || toast.x + toast.width <= menu.x)).toBe(true);
    await invitee.visit('Hello Harriet', 'home (English invitee)', 'nouveau-accueil-en');

    // A full session: the invitee waits, a seat frees up, the English offer mail opens the offer page in English.
    const staff = await createUser(server, 'staff', { name: 'Élodie Sabatier' });
    const asStaff = await injectAs(server, staff);
    const session = await apiSession(asStaff, await apiTraining(asStaff, { title: 'Accueillir la clientèle britannique' }), { capacity: 1 });
    const first = await createUser(server, 'partner', { name: 'Anaïs Bompard' });
    const seat = await apiSignUp(await injectAs(server, first), session);
    const [row] = await server.db.select({ id: users.id }).from(users).where(eq(users.email, ENGLISH.email));
    expect((await apiSignUp(await injectAs(server, { id: row!.id, role: 'partner' }), session)).status).toBe('waiting');
    expect((await (await injectAs(server, first))({ method: 'POST', url: `/api/trainings/registrations/${seat.id}/cancel` })).statusCode).toBe(200);
    const offer = await mailLink(ENGLISH.email, '/formations/offres/');
    expect(offer.link).toMatch(/\?lang=en$/);
    const phone = as(await newActor(await contextFor('fr-FR'), 'invitee, another device'));
    await phone.page.goto(offer.link);
    await phone.visit('Seat offered', 'offer page (English mail)');
    expect(await phone.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await context.close();
  });

  test('the English time picker names its AM/PM select; an expired invitation says to ask the office', async () => {
    const staff = await createUser(server, 'staff', { name: 'Rhys Morgan', language: 'en' });
    const training = await apiTraining(await injectAs(server, staff), { title: 'Walking tours for beginners' });
    const actor = as(await newActor(await contextFor('en-GB', staff), 'staff (en)'));
    await actor.page.goto(url(`/formations/gestion/catalogue/${training}/nouvelle-session`));
    await actor.visit('New session', 'new session (English)');
    // The tab and the breadcrumb agree: a new session is made from the catalogue.
    await expect(actor.page.getByRole('navigation', { name: 'Training sections' }).locator('[aria-current="page"]').textContent()).resolves.toBe('Catalogue');
    await expect(actor.page.locator('[aria-label="Breadcrumbs"] a').first().textContent()).resolves.toBe('Training catalogue');
    await actor.page.getByRole('button', { name: 'Start of slot 1', exact: true }).click();
    await expect(actor.page.getByRole('combobox', { name: 'AM or PM' }).or(actor.page.getByLabel('AM or PM')).first().isVisible()).resolves.toBe(true);
    await actor.expectAccessible('new session, time picker open (English)');

    // An invitation replaced by a newer one: the old link says to ask the office.
    const invited = await (await injectAs(server, admin))({ method: 'POST', url: '/api/users/invitations', payload: { email: 'lost.link@example.org', name: 'Paul Causse', role: 'partner', establishmentId: (await createEstablishment(server)).id } });
    expect(invited.statusCode).toBe(201);
    const { link } = await mailLink('lost.link@example.org', '/invitation/');
    expect((await (await injectAs(server, admin))({ method: 'POST', url: `/api/users/${invited.json().id}/invitation/resend` })).statusCode).toBeLessThan(300);
    const visitor = as(await newActor(await contextFor('fr-FR'), 'lien périmé'));
    await visitor.page.goto(link);
    await visitor.page.getByText('Demandez une nouvelle invitation à l’office de tourisme', { exact: false }).waitFor();
    await visitor.visit("Bienvenue sur l'Espace Pro", 'invitation périmée');
  });

  test('at 360 px the lists are cards whose status and actions are in view, without sideways scrolling', async () => {
    const asAdmin = await injectAs(server, admin);
    const staffSession = await apiSession(asAdmin, await apiTraining(asAdmin, { title: 'Photographier ses chambres' }));
    await apiSignUp(asAdmin, staffSession, (await createUser(server, 'partner', { name: 'Bruno Castanet' })).id);
    const actor = as(await newActor(await contextFor('fr-FR', admin), 'administratrice'));
    // What each card must show in view besides its title (a confirmed registrant has no status badge, only its attendance detail).
    const lists: { path: string; title: string; shot: string; slots: ('status' | 'actions')[] }[] = [
      { path: '/utilisateurs', title: 'Utilisateurs', shot: 'cartes-utilisateurs', slots: ['status', 'actions'] },
      { path: '/etablissements', title: 'Établissements', shot: 'cartes-etablissements', slots: ['status'] },
      { path: '/formations/gestion', title: 'Gestion des sessions', shot: 'cartes-sessions', slots: ['status'] },
      { path: `/formations/gestion/sessions/${staffSession}`, title: 'Photographier ses chambres', shot: 'cartes-inscrits', slots: ['actions'] },
    ];
    for (const list of lists) {
      await actor.page.setViewportSize({ width: 1280, height: 800 });
      await actor.page.goto(url(list.path));
      await actor.visit(list.title, `${list.path} (1280 px)`);
      // No badge is cut at desktop width either (« INVI… »).
      const cut = () => actor.page.evaluate(() => [...document.querySelectorAll('.mantine-Badge-root')].filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent));
      expect(await cut()).toEqual([]);
      await screenshots(actor.page, list.shot);
      await actor.page.setViewportSize({ width: 360, height: 740 });
      const card = actor.page.locator('main li.mantine-Paper-root').first();
      await card.waitFor();
      await actor.page.waitForTimeout(250);
      await actor.expectAccessible(`${list.path} (360 px, cartes)`);
      expect(await actor.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await cut()).toEqual([]);
      for (const slot of list.slots) {
        const box = await card.locator(`[data-card-slot="${slot}"]`).first().boundingBox();
        expect(box && box.width > 0 && box.x >= 0 && box.x + box.width <= 360, `${list.path} ${slot} ${JSON.stringify(box)}`).toBe(true);
      }
    }
  });
});
