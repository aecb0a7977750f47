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

/**
 * Screenshots of the current page at desktop (1280 px) and phone (360 px) widths; at phone width,
 * nothing may be cut off (see `cutOff`): a picture nobody looks at does not show a cut label.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.screenshot({ path: join(screenshotDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(screenshotDir, `${name}-phone.png`), fullPage: true });
  const cut = await cutOff(page);
  await page.setViewportSize(size);
  if (cut.length) throw new Error(`« ${name} » à 360 px : contenu coupé\n  ${cut.join('\n  ')}`);
}

/**
 * Text and controls the page cuts off: past the right edge of the screen or of a box that hides
 * its overflow, with no scrolling to reach them, or text shortened with an ellipsis. Content in
 * a box that scrolls sideways can be reached, and a selected value's pill (Mantine shortens a
 * long one; its whole text is read out and shown in the list) is left out.
 */
export async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const name = (el: Element) => `<${el.tagName.toLowerCase()}> « ${(el.textContent ?? '').trim().slice(0, 50)} »`;
    const found: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || el.closest('.mantine-Pill-root')) continue;
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (!hasText && !el.matches('button, a, input, select, textarea, img, iframe')) continue;
      // The nearest edge that clips it; none when it is reachable by scrolling, visually hidden or in a fixed layer.
      let edge: number | null = width;
      for (let a = el.parentElement; a && a !== document.body && edge !== null; a = a.parentElement) {
        const style = getComputedStyle(a);
        const around = a.getBoundingClientRect();
        if (around.width <= 1 || style.position === 'fixed' || /auto|scroll/.test(style.overflowX)) edge = null;
        else if (style.overflowX !== 'visible') edge = Math.min(edge, around.right);
      }
      if (edge === null) continue;
      if (box.right > edge + 1) found.push(`${Math.round(box.right - edge)} px au-delà du bord : ${name(el)}`);
      if (getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) found.push(`raccourci par « … » : ${name(el)}`);
    }
    return found;
  });
}
