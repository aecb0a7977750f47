import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { runNode } from '../helpers/processes';

/**
 * Issue 9, item 1, at the driver: the two ways postgres.js 3.4.9 ends the
 * process when PostgreSQL drops a connection, each reproduced
 * deterministically in a child process (so that a crash is an exit code, not
 * an error inside the test runner). Both are fixed by
 * patches/postgres+3.4.9.patch, applied by `patch-package` (postinstall,
 * and again by every npm entry point and tests/run.sh).
 */

const root = resolve(import.meta.dirname, '../..');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase(1);
});
afterAll(async () => database?.drop());

/** Runs an ES module script in the project (so `postgres` is the installed, patched one); returns its exit code and output. */
const runScript = (source: string, env: Record<string, string>) => runNode(['--input-type=module', '-e', source], { ...process.env, ...env }, 20_000);

const lastJson = (out: string) => JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop() ?? 'null');

describe('postgres.js patch', () => {
  it('is applied to every build of the driver (src, cjs, cf)', () => {
    const pkgDir = resolve(dirname(createRequire(import.meta.url).resolve('postgres')), '../..'); // …/postgres/cjs/src/index.js
    const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version as string;
    // A new postgres version needs the patch re-made (or dropped once a release has the fix).
    expect(readFileSync(join(root, `patches/postgres+${version}.patch`), 'utf8')).toContain('function writeClosed()');
    for (const build of ['src', 'cjs/src', 'cf/src']) {
      const source = readFileSync(join(pkgDir, build, 'connection.js'), 'utf8');
      expect(source, `${build}: run npx patch-package`).toContain('function writeClosed()');
      expect(source, `${build}: run npx patch-package`).toContain('return fetchArrayTypes().catch(noop)');
    }
  });

  it('a reserved connection or a transaction whose backend was terminated rejects with CONNECTION_CLOSED instead of crashing (#1208)', async () => {
    const { code, out } = await runScript(`
      import postgres from 'postgres';
      const url = process.env.PG_URL;
      const sql = postgres(url, { max: 2, onnotice: () => {} });
      const killer = postgres(url, { max: 1, onnotice: () => {} });
      const outcome = (q) => q.then(() => 'ok', (e) => e.code);

      // The issue's reproduction: a reserved connection used after its backend died.
      const reserved = await sql.reserve();
      const [{ pid }] = await reserved\`select pg_backend_pid() as pid\`;
      await killer\`select pg_terminate_backend(\${pid})\`;
      await new Promise((r) => setTimeout(r, 200));
      const first = await outcome(reserved\`select 1\`);
      const second = await outcome(reserved\`select 1\`);
      reserved.release();

      // What the app does (drizzle transactions are sql.begin): the backend dies
      // during a statement; postgres.js then sends its own ROLLBACK on the dead connection.
      let txPid = null;
      const tx = outcome(sql.begin(async (t) => {
        const [row] = await t\`select pg_backend_pid() as pid\`;
        txPid = row.pid;
        await t\`select pg_sleep(3)\`;
      }));
      while (txPid === null) await new Promise((r) => setTimeout(r, 20));
      await killer\`select pg_terminate_backend(\${txPid})\`;
      const transaction = await tx;
      // Both connections of the pool serve again, in transactions and not.
      const after = await Promise.all([1, 2, 3, 4].map(() => sql.begin((t) => t\`select 41 + 1 as x\`).then((r) => r[0].x, (e) => e.code)));
      const plain = await Promise.all([1, 2, 3, 4].map(() => sql\`select 42 as x\`.then((r) => r[0].x, (e) => e.code)));
      console.log(JSON.stringify({ first, second, transaction, after, plain }));
      process.exit(0);
    `, { PG_URL: database.url });
    expect(code, out).toBe(0);
    const result = lastJson(out);
    expect(['CONNECTION_CLOSED', '57P01']).toContain(result.first);
    expect(result.second).toBe('CONNECTION_CLOSED');
    expect(['CONNECTION_CLOSED', '57P01']).toContain(result.transaction);
    expect(result.after).toEqual([42, 42, 42, 42]);
    expect(result.plain).toEqual([42, 42, 42, 42]);
  });

  it('a connection lost while it fetches array types is opened again instead of crashing the process (#1192, #1223)', async () => {
    // A TCP relay in front of the real PostgreSQL answers the driver's first
    // array-types query as a backend terminated at that instant does
    // (ErrorResponse FATAL 57P01, then the connection closes); later
    // connections pass untouched.
    const { code, out } = await runScript(`
      import net from 'node:net';
      import postgres from 'postgres';
      const target = new URL(process.env.PG_URL);
      let cut = false;
      const relay = net.createServer((client) => {
        const server = net.connect(Number(target.port || 5432), target.hostname);
        client.on('error', () => {}); server.on('error', () => {});
        client.on('data', (d) => {
          if (!cut && d.includes('pg_catalog.pg_type')) {
            cut = true;
            const fields = Buffer.from('SFATAL\\0VFATAL\\0C57P01\\0Mterminating connection due to administrator command\\0\\0');
            const head = Buffer.alloc(5);
            head.write('E'); head.writeInt32BE(fields.length + 4, 1);
            client.end(Buffer.concat([head, fields]));
            server.destroy();
            return;
          }
          server.write(d);
        });
        server.on('data', (d) => client.write(d));
        client.on('close', () => server.destroy());
        server.on('close', () => client.destroy());
      });
      await new Promise((r) => relay.listen(0, '127.0.0.1', r));
      const url = new URL(process.env.PG_URL);
      url.host = '127.0.0.1:' + relay.address().port;
      const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const first = await sql\`select 1 as x\`.then((r) => r[0].x, (e) => e.code);
      await new Promise((r) => setTimeout(r, 300));
      const second = await sql\`select 2 as x\`.then((r) => r[0].x, (e) => e.code);
      console.log(JSON.stringify({ cut, first, second }));
      await sql.end({ timeout: 1 });
      relay.close();
    `, { PG_URL: database.url });
    expect(code, out).toBe(0);
    const result = lastJson(out);
    expect(result.cut).toBe(true);
    // The query that opened the lost connection runs on the next one (3.4.9
    // also handed it the lost backend's error, porsager/postgres #1223).
    expect(result.first).toBe(1);
    expect(result.second).toBe(2);
  });
});
