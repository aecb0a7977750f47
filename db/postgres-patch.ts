import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * postgres.js 3.4.9 ends the process when PostgreSQL drops connections under
 * load (porsager/postgres #1154, #1208, #1192); patches/postgres+3.4.9.patch
 * fixes it, applied by `patch-package` on install and before every npm
 * entry point. A process started some other way on an unpatched install
 * (`npm ci --ignore-scripts`, a copied node_modules) refuses to start rather
 * than run with a driver that can crash it.
 */
export function assertPostgresPatched(): void {
  const pkgDir = resolve(dirname(createRequire(import.meta.url).resolve('postgres')), '../..'); // …/postgres/cjs/src/index.js
  for (const build of ['src', 'cjs/src']) {
    if (!readFileSync(join(pkgDir, build, 'connection.js'), 'utf8').includes('function writeClosed()')) {
      throw new Error(`The PostgreSQL driver in ${pkgDir} is not patched (patches/postgres+3.4.9.patch): run \`npx patch-package\` in the project directory.`);
    }
  }
}
