/**
 * Moves the server's message catalogues from TypeScript (server/messages/<feature>.ts,
 * `export const <feature>Messages = { 'prefix.key': { fr, en }, … }`) to JSON
 * (server/messages/<feature>.json, the client's locale format), and points the
 * registry server/messages/index.ts at the JSON through its `catalogue()` check.
 *
 * Re-runnable on a merged tree: `npx tsx scripts/messages-to-json.ts`. A .ts
 * catalogue added or changed by another branch is converted (its texts win over
 * an existing .json of the same name); files already converted (index.ts and
 * those that import a .json) are left alone. A catalogue built from values
 * (a template literal) is not converted: the script names it and stops, to be
 * written by hand like visits.ts (a .json with `{placeholders}` filled in code).
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = join(import.meta.dirname, '..', 'server', 'messages');
const indexPath = join(dir, 'index.ts');
let index = readFileSync(indexPath, 'utf8');

const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
for (const file of sources) {
  const source = readFileSync(join(dir, file), 'utf8');
  if (/from '\.\/[\w-]+\.json'/.test(source)) continue;
  if (/(fr|en): `[^`]*\$\{/.test(source)) throw new Error(`server/messages/${file}: texts built from values, convert it by hand (see visits.ts)`);
  const feature = file.slice(0, -3);
  const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, Record<string, { fr: string; en: string }>>;
  const [exportName, texts] = Object.entries(module).find(([name]) => name.endsWith('Messages')) ?? [];
  if (!exportName || !texts) throw new Error(`server/messages/${file}: no …Messages export`);
  const prefixes = new Set(Object.keys(texts).map((key) => key.split('.')[0]));
  const [prefix] = prefixes;
  if (prefixes.size !== 1 || !prefix) throw new Error(`server/messages/${file}: keys under several prefixes (${[...prefixes].join(', ')})`);
  const jsonPath = join(dir, `${feature}.json`);
  let existing: Record<string, unknown> = {};
  try { existing = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>; } catch { /* first conversion */ }
  writeFileSync(jsonPath, `${JSON.stringify({ ...existing, ...texts }, null, 2)}\n`);
  rmSync(join(dir, file));

  const summary = /\/\*\*\s*(.+?)\s*\*\/\s*export const/s.exec(source)?.[1]?.replace(/\s*\n\s*\*?\s*/g, ' ');
  const comment = summary ? ` // ${summary.charAt(0).toLowerCase()}${summary.slice(1).replace(/\.$/, '')}` : '';
  const varName = feature.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  index = index
    .replace(new RegExp(`import \\{ ${exportName} \\} from '\\./${feature}';`), `import ${varName} from './${feature}.json';`)
    .replace(new RegExp(`\\.\\.\\.${exportName},`), `...catalogue('${prefix}', ${varName}),${comment}`);
  console.log(`server/messages/${file} -> ${feature}.json (${Object.keys(texts).length} texts, prefix ${prefix})`);
}
writeFileSync(indexPath, index);
