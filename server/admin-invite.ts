import { resolve } from 'node:path';
import { createDb } from '../db/client';
import { ConfigError, loadConfig } from '../common/config';
import { inviteAdministrator } from './services/bootstrap';

/**
 * `npm run admin:invite EMAIL` — prints a fresh one-time link for an
 * administrator and makes the previous one void: an invitation for an
 * unknown address (a new administrator) or one still invited (the first
 * administrator's link lost or expired), a password reset for an active one.
 * Same environment as the api (DATABASE_URL, JWT_SECRET, PUBLIC_URL); sends no mail.
 * Exit status: 0 link printed, 1 configuration or database error, 2 refused or bad usage.
 */
async function main(args: string[]): Promise<number> {
  const email = args[0]?.trim();
  if (args.length !== 1 || !email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    console.error('Usage: npm run admin:invite EMAIL');
    return 2;
  }
  const config = loadConfig();
  const handle = await createDb({ url: config.DATABASE_URL, pgliteDir: resolve(config.dataDir, 'pglite'), poolSize: 2 });
  try {
    await handle.migrate();
    const result = await inviteAdministrator(handle.db, config, email);
    if (!result.ok) {
      console.error(result.message);
      return 2;
    }
    const what = result.kind === 'invitation'
      ? `Administrator ${email}${result.created ? ' (new account)' : ''}: set the password with this one-time link`
      : `Administrator ${email}: choose a new password with this one-time link`;
    console.log(`${what}, valid ${result.validHours} h; any earlier link of this kind no longer works:\n  ${result.link}`);
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
