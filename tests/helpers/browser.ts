import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/** Debian's Chromium with the flags this machine needs, on a fresh profile (a test tool's own browser download cannot work here). */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'ep-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: 'fr-FR',
    // Animations off (the theme respects it): axe must not sample colours mid-transition.
    reducedMotion: 'reduce',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs axe with the WCAG 2.0/2.1 A and AA rules and returns the violations (empty when the page passes).
 * `exclude`: selectors left out, e.g. a script-less sandboxed iframe, where axe cannot run (it waits forever);
 * `disableRules`: rule ids that do not apply (say why where you use it).
 */
export async function axeViolations(page: Page, options: { exclude?: string[]; disableRules?: string[] } = {}) {
  // Legacy mode runs axe inside the page; the default opens a blank page per run to merge frame results (~3x slower).
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).slice(0, 5) }));
}

export const screenshotDir = resolve(process.env.SCREENSHOT_DIR ?? 'tests/.artifacts/screenshots');

/** Screenshots of the current page at desktop (1280 px) and phone (360 px) widths. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.screenshot({ path: join(screenshotDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(screenshotDir, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(size);
}
