import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/lib/passwords';

/**
 * Issue 9, item 16: the supported Node.js lines are the ones `engines`
 * states; `.ci/run` runs this project a second time on Node 24 LTS (with
 * EXPECT_NODE_MAJOR=24), and this file makes sure that pass really ran there
 * and that the native dependency loads on it.
 */

const engines = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

/** Whether `version` (x.y.z) satisfies a range made of `^x.y.z` alternatives, the only form `engines` uses here. */
function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return range.split('||').some((alt) => {
    const m = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(alt);
    if (!m) throw new Error(`engines.node: unexpected range "${alt}"`);
    const [wMajor, wMinor, wPatch] = m.slice(1).map(Number) as [number, number, number];
    return major === wMajor && (minor > wMinor || (minor === wMinor && patch >= wPatch));
  });
}

describe('runtime', () => {
  it('engines names the supported LTS lines: 20.19+, 22 and 24', () => {
    expect(engines).toBe('^20.19.0 || ^22.12.0 || ^24.0.0');
    for (const v of ['20.19.0', '20.20.2', '22.12.0', '22.21.1', '24.0.0', '24.21.0']) expect(satisfies(v, engines), v).toBe(true);
    for (const v of ['18.20.8', '20.18.3', '21.7.3', '22.11.0', '23.11.1', '25.2.1']) expect(satisfies(v, engines), v).toBe(false);
  });

  it(`runs on a supported Node.js (${process.version})`, () => {
    expect(satisfies(process.versions.node, engines)).toBe(true);
    const expected = process.env.EXPECT_NODE_MAJOR;
    if (expected) expect(process.versions.node.split('.')[0]).toBe(expected);
  });

  it('loads the native password hasher (@node-rs/argon2) on this Node.js', async () => {
    const hash = await hashPassword('Causse-Méjean-2026');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Causse-Méjean-2026')).toBe(true);
    expect(await verifyPassword(hash, 'Causse-Noir-2026')).toBe(false);
  });
});
