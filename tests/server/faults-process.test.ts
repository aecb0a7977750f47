import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { TEST_REDIS_URL } from '../helpers/env';
import { runNode } from '../helpers/processes';

/**
 * Issue 9, item 1: the policy for an error that escapes every handler
 * (server/lib/process-guards.ts): one fatal pino line, then exit code 1 for
 * the supervisor to restart the process.
 */

let database: TestDatabase | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'ep-faults-process-'));
afterAll(async () => {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const run = (args: string[], env: NodeJS.ProcessEnv = process.env) => runNode(args, env);

/** The fatal line the guards print (pino JSON, level 60). */
function fatalLine(stdout: string): { level: number; kind: string; msg: string; err: { type: string; message: string; stack: string } } | undefined {
  return stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).find((l) => l.level === 60);
}

const guarded = (body: string) => ['--import', 'tsx', '--input-type=module', '-e', `import { installProcessGuards } from './server/lib/process-guards.ts'; installProcessGuards(); ${body}`];

describe('uncaught errors', () => {
  it('an exception thrown from a timer is logged as fatal and the process exits with 1', async () => {
    const { code, stdout, stderr } = await run(guarded(`setImmediate(() => { throw new TypeError("Cannot read properties of null (reading 'write')"); }); setTimeout(() => console.log('still running'), 2000);`));
    expect(code, stderr).toBe(1);
    expect(stdout).not.toContain('still running');
    const line = fatalLine(stdout);
    expect(line, stdout).toBeDefined();
    expect(line!.kind).toBe('uncaughtException');
    expect(line!.err.type).toBe('TypeError');
    expect(line!.err.stack).toContain('processImmediate');
    expect(line!.msg).toContain('exiting with code 1');
  });

  it('a rejection nobody handles is treated the same', async () => {
    const { code, stdout, stderr } = await run(guarded(`Promise.reject(new Error('lost rejection')); setTimeout(() => console.log('still running'), 2000);`));
    expect(code, stderr).toBe(1);
    expect(stdout).not.toContain('still running');
    expect(fatalLine(stdout)).toMatchObject({ kind: 'unhandledRejection', err: { message: 'lost rejection' } });
  });

  it('the api process has the guards installed', async () => {
    database = await createTestDatabase(2);
    const port = 4900 + Math.floor(Math.random() * 90);
    const env: NodeJS.ProcessEnv = {
      ...process.env, PROCESS_ROLE: 'api', NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, PORT: String(port), HOST: '127.0.0.1',
      QUEUE_PREFIX: `ept_faults_proc_${randomBytes(4).toString('hex')}`, DATA_DIR: dataDir, SERVE_CLIENT: 'false', LOG_LEVEL: 'warn', JWT_SECRET: randomBytes(32).toString('hex'),
    };
    // Once the entry point has installed its handlers (or after 20 s without),
    // something throws from a timer.
    const fault = "data:text/javascript,let n = 0; const t = setInterval(() => { if (process.listenerCount('uncaughtException') > 0 || ++n > 1000) { clearInterval(t); setTimeout(() => { throw new Error('fault injected') }, 200) } }, 20)";
    const { code, stdout, stderr } = await run(['--import', 'tsx', '--import', fault, 'server/main.ts'], env);
    expect(code, stdout + stderr).toBe(1);
    expect(fatalLine(stdout), stdout + stderr).toMatchObject({ kind: 'uncaughtException', err: { message: 'fault injected' } });
  }, 90_000);
});
