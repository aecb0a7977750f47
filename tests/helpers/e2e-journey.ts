import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { screenshotDir } from './browser';
import { startE2eServer } from './e2e-server';
import { startSmtpCapture, type SmtpCapture } from './smtp';
import { launchBrowserWithContexts, newActor, type Actor } from './trainings-e2e';

export type E2eServer = Awaited<ReturnType<typeof startE2eServer>>;
export type E2eChromium = Awaited<ReturnType<typeof launchBrowserWithContexts>>;
export type BrowserJourney = ReturnType<typeof browserJourney>;

/**
 * The frame of a browser journey (tests/e2e/*.test.ts), its hooks registered
 * by this call: before the tests, the journey's failure pictures of an
 * earlier run are removed and the built app and one Chromium start; when a
 * test fails, the page of whoever acted last (`as(actor)`) is pictured under
 * `<name>-<test>`; after the tests, both are closed. Call it at the top of
 * the file: the file's own `beforeAll` (its people and data), registered
 * later, runs once the app is up, and its own `afterAll` before the close.
 * With `smtp`, the workers deliver to a real SMTP capture (tests/helpers/smtp.ts),
 * started before the app and read as `smtp`, instead of the captured_mails table.
 */
export function browserJourney(name: string, options: { timeout?: number; smtp?: boolean } = {}) {
  let current: Actor | undefined;
  const journey = {
    /** Set once the journey's `beforeAll` has run. */
    server: undefined as unknown as E2eServer,
    chromium: undefined as unknown as E2eChromium,
    smtp: undefined as unknown as SmtpCapture,
    url: (path: string) => `${journey.server.url}${path}`,
    /** `actor` acts next: their page is the one pictured if the step fails. */
    as: (actor: Actor) => ((current = actor), actor),
    /** A person with their own browser context (own cookies), waiting up to the journey's `timeout` per step. */
    async actor(label: string) {
      const actor = await newActor(await journey.chromium.newContext(), label);
      if (options.timeout) actor.page.setDefaultTimeout(options.timeout);
      return actor;
    },
  };
  beforeAll(async () => {
    if (existsSync(screenshotDir)) for (const f of readdirSync(screenshotDir)) if (f.startsWith(`echec-${name}--`)) rmSync(join(screenshotDir, f), { force: true });
    if (options.smtp) journey.smtp = await startSmtpCapture();
    [journey.server, journey.chromium] = await Promise.all([startE2eServer({ smtpUrl: journey.smtp?.url }), launchBrowserWithContexts()]);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && current) await current.report(name, ctx.task.name);
  });
  afterAll(async () => {
    await journey.chromium?.close();
    await journey.server?.close();
    await journey.smtp?.close();
  });
  return journey;
}
