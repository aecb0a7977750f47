import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, screenshotDir, screenshots } from './browser';

export { moveSessionIntoPast } from './trainings';

/**
 * Browser helpers of the trainings journey: one Chromium with a context per
 * person (staff and each partner keep their own cookies), and the usual
 * "settle, axe, screenshot" steps bound to one page.
 */

/** Debian's Chromium (same flags as launchBrowser) with as many isolated contexts as needed. */
export async function launchBrowserWithContexts() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    newContext: (): Promise<BrowserContext> =>
      browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', reducedMotion: 'reduce', viewport: { width: 1280, height: 800 }, acceptDownloads: true }),
    close: () => browser.close(),
  };
}

export interface Actor {
  label: string;
  page: Page;
  /** Script errors of the page, shown when a step fails. */
  errors: string[];
  h1(name: string | RegExp): ReturnType<Page['getByRole']>;
  settle(title: string | RegExp): Promise<void>;
  expectAccessible(what: string, options?: { on?: Page; disableRules?: string[] }): Promise<void>;
  visit(title: string | RegExp, what: string, shot?: string): Promise<void>;
  shoot(name: string): Promise<void>;
  /** Logs in through the log-in page and lands on the home page. */
  logIn(baseUrl: string, email: string, password: string): Promise<void>;
  /** Waits for a notification containing `text`. */
  notified(text: string | RegExp): Promise<void>;
  /** A picture of the page and its errors when a step of `journey` failed (tests/.artifacts/screenshots/echec-<journey>--…). */
  report(journey: string, step: string): Promise<void>;
}

export async function newActor(context: BrowserContext, label: string): Promise<Actor> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const trace = (line: string) => process.env.E2E_TRACE && console.log(`[${new Date().toISOString().slice(11, 23)}] ${label}: ${line}`);

  const actor: Actor = {
    label, page, errors, h1,
    async settle(title) {
      trace(String(title));
      await h1(title).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .mantine-Loader-root, .mantine-Skeleton-root[data-visible]'));
      // Mantine's enter transitions (notifications, menus, modals) must end before contrast is measured.
      await page.waitForTimeout(250);
    },
    async expectAccessible(what, options = {}) {
      const target = options.on ?? page;
      const started = Date.now();
      const violations = await Promise.race([
        axeViolations(target, { disableRules: options.disableRules }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`axe did not finish on « ${what} »`)), 30_000).unref()),
      ]);
      trace(`axe ${Date.now() - started} ms — ${what}`);
      const readable = violations.map((v) => `  - ${v.id} [${v.impact}] ${v.help}\n      ${v.nodes.join('\n      ')}`).join('\n');
      expect(violations, `axe : ${violations.length} violation(s) sur « ${what} » (${label}, ${target.url()})\n${readable}`).toEqual([]);
    },
    async visit(title, what, shot) {
      await actor.settle(title);
      await actor.expectAccessible(what);
      if (shot) await actor.shoot(shot);
    },
    async shoot(name) {
      // Passing notifications would cover the header of the pictures.
      const notices = page.locator('.mantine-Notification-root');
      for (const close of await notices.getByRole('button').all()) await close.click().catch(() => {});
      await notices.first().waitFor({ state: 'detached', timeout: 2000 }).catch(() => {});
      await screenshots(page, name);
      trace(`capture ${name}`);
    },
    async logIn(baseUrl, email, password) {
      await page.goto(`${baseUrl}/connexion`);
      await actor.visit('Connexion', `connexion (${label})`);
      await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
      await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(`${baseUrl}/`);
      await actor.visit(/^Bonjour /, `accueil (${label})`);
    },
    async notified(text) {
      await page.locator('.mantine-Notification-root').filter({ hasText: text }).first().waitFor();
    },
    async report(journey, step) {
      // `echec-<journey>--…`: the double dash keeps « documents » from matching « documents-screens ».
      const path = join(screenshotDir, `echec-${journey}--${step.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}-${label.replace(/[^a-z0-9]+/gi, '-')}.png`);
      await page.screenshot({ path, fullPage: true }).catch(() => {});
      const heading = await page.locator('h1').first().textContent({ timeout: 1000 }).catch(() => null);
      console.log(`Échec (${label}) sur ${page.url()} (h1 : ${heading ?? 'aucun'}) ; capture : ${path}`);
      if (errors.length) console.log(`Erreurs de la page (${label}) :\n  ${errors.slice(-10).join('\n  ')}`);
    },
  };
  return actor;
}

