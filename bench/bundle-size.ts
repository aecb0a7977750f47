/**
 * JavaScript budget of the log-in page: sums the gzipped size of every JS
 * file the /connexion route loads (the entry, its static imports, the lazy
 * LoginPage chunk and its imports, the accounts catalogue), read from Vite's manifest of the last
 * build. Builds nothing itself: run `npm run bench:bundle` (vite build + this).
 *
 * Baseline measured in the same run: all the app's JS except the password
 * dictionaries, i.e. what the log-in page would cost without route splitting.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const BUDGET_KB = 250;
const dist = resolve(import.meta.dirname, '../dist/client');
const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

const gzipCache = new Map<string, { raw: number; gz: number }>();
function size(file: string) {
  let s = gzipCache.get(file);
  if (!s) {
    const bytes = readFileSync(resolve(dist, file));
    s = { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
    gzipCache.set(file, s);
  }
  return s;
}

/** A chunk and, recursively, the chunks it imports statically (loaded together with it). */
function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the manifest: is the build current?`);
    seen.add(key);
    closure(chunk.imports ?? [], seen);
  }
  return seen;
}

function measure(keys: string[]) {
  const chunks = [...closure(keys)].map((k) => manifest[k]!);
  const js = chunks.map((c) => c.file).filter((f) => f.endsWith('.js'));
  const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
  const sum = (files: string[], pick: 'raw' | 'gz') => files.reduce((n, f) => n + size(f)[pick], 0);
  return { files: js, jsRaw: sum(js, 'raw'), jsGz: sum(js, 'gz'), cssGz: sum(css, 'gz') };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
if (!entry) throw new Error('No entry chunk in the manifest');

// Each route's page and the French catalogue of its feature, fetched together (client/features/feature.ts lazyPage).
const accounts = 'features/accounts/locales/fr.json';
const routes: [string, string[]][] = [
  ['/connexion', ['features/accounts/LoginPage.tsx', accounts]],
  ['/invitation/:token (before the dictionaries)', ['features/accounts/InvitationPage.tsx', accounts]],
  ['/ (Accueil)', ['components/HomePage.tsx', 'features/accounts/HomeTiles.tsx', accounts, 'features/trainings/NextTrainingsCard.tsx', 'features/trainings/locales/fr.json']],
  ['/profil', ['features/accounts/profile/ProfilePage.tsx', accounts]],
  ['/etablissements', ['features/accounts/EstablishmentsPage.tsx', accounts]],
  ['/utilisateurs', ['features/accounts/UsersPage.tsx', accounts]],
];

console.log('JavaScript loaded per route (gzip -9):');
let login = 0;
for (const [route, modules] of routes) {
  if (!modules.every((m) => manifest[m])) throw new Error(`${route}: ${modules.filter((m) => !manifest[m]).join(', ')} not in the manifest`);
  const m = measure([entry, ...modules]);
  if (route === '/connexion') login = m.jsGz;
  console.log(`  ${route.padEnd(52)} ${kb(m.jsGz).padStart(9)} gz  (${kb(m.jsRaw)} raw, ${m.files.length} files; CSS ${kb(m.cssGz)} gz)`);
}

const dictionaries = /@zxcvbn-ts\/language-/;
const allJs = Object.entries(manifest)
  .filter(([key, c]) => c.file.endsWith('.js') && !dictionaries.test(c.src ?? key))
  .map(([, c]) => c.file);
const baseline = [...new Set(allJs)].reduce((n, f) => n + size(f).gz, 0);

const dictionaryFiles = Object.entries(manifest)
  .filter(([key, c]) => c.file.endsWith('.js') && (dictionaries.test(c.src ?? key) || /@zxcvbn-ts\/core/.test(c.src ?? key)))
  .map(([, c]) => c.file);
console.log(`  password dictionaries (lazy, only where a password is chosen)  ${kb(dictionaryFiles.reduce((n, f) => n + size(f).gz, 0))} gz`);

console.log(`\nBaseline (all app JS without route splitting, dictionaries excluded): ${kb(baseline)} gz`);
console.log(`Log-in page: ${kb(login)} gz = ${((login / baseline) * 100).toFixed(0)} % of the baseline; budget ${BUDGET_KB} KB -> ${login <= BUDGET_KB * 1024 ? 'OK' : 'OVER BUDGET'}`);
if (login > BUDGET_KB * 1024) process.exitCode = 1;
