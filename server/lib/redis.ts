import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

export interface RedisTarget {
  url: string;
  /** Which Redis this is and why it was chosen, for the start-up message. */
  description: string;
  /** Stops the child redis-server when this process started one. */
  stop(): Promise<void>;
}

/** What `npm start` chose at the first start, kept in DATA_DIR so that every restart uses the same Redis. */
export type RememberedRedis = { kind: 'local'; url: string; chosenAt: string } | { kind: 'child'; port: number; chosenAt: string };

export const REDIS_TARGET_FILE = 'redis-target.json';
const LOCAL_URL = 'redis://127.0.0.1:6379';
const CHILD_PORT = 6390;

export interface ResolveRedisOptions {
  /** REDIS_URL: when set, used as it is. */
  url?: string;
  dataDir: string;
  log: (msg: string) => void;
  /** The Redis looked for when REDIS_URL is unset (tests point it elsewhere). */
  localUrl?: string;
  /** Port of the redis-server started when there is no local Redis. */
  childPort?: number;
  /** How long a Redis that accepts connections may take to answer PING before start-up gives up. */
  patienceMs?: number;
  /** How long one attempt waits for PONG. */
  attemptMs?: number;
}

/**
 * The Redis of this process: REDIS_URL; else the one chosen at the first start
 * and remembered in DATA_DIR/redis-target.json (a Redis answering on
 * 127.0.0.1:6379, or a redis-server child process keeping its data in
 * DATA_DIR/redis). Queued jobs and rate-limit counters live in that Redis, so
 * a restart must never switch to another one because the probe was
 * impatient: a Redis that accepts connections is waited for (up to
 * `patienceMs`), only a refused connection means there is none, and a
 * remembered Redis that does not answer stops the start with an explanation
 * instead of being replaced.
 */
export async function resolveRedis(options: ResolveRedisOptions): Promise<RedisTarget> {
  if (options.url) return { url: options.url, description: `${withoutPassword(options.url)} (REDIS_URL)`, stop: async () => {} };
  const localUrl = options.localUrl ?? LOCAL_URL;
  const patienceMs = options.patienceMs ?? 20_000;
  const attemptMs = options.attemptMs ?? 2_000;
  const file = join(options.dataDir, REDIS_TARGET_FILE);
  const shown = `${options.dataDir}/${REDIS_TARGET_FILE}`;
  const remembered = readRemembered(file);

  if (remembered?.kind === 'local') {
    const outcome = await waitForPong(remembered.url, { patienceMs, attemptMs, giveUpWhenRefused: false });
    if (outcome !== 'pong') {
      throw new Error(
        `The Redis this installation uses, ${withoutPassword(remembered.url)} (chosen ${remembered.chosenAt}, remembered in ${shown}), ` +
          `${outcome === 'refused' ? 'refuses connections' : 'does not answer'} after ${Math.round(patienceMs / 1000)} s.\n` +
          '  Its queued jobs and rate-limit counters are there: start it again rather than another one.\n' +
          `  To use another Redis on purpose, set REDIS_URL, or delete ${shown} to let the next start choose again.`,
      );
    }
    return { url: remembered.url, description: `${withoutPassword(remembered.url)} (the local Redis, remembered in ${shown})`, stop: async () => {} };
  }
  if (remembered?.kind === 'child') return startChild(options, remembered.port, `remembered in ${shown}`);

  // First start: a Redis that accepts connections is waited for; only refused
  // connections (nothing listens on that port) lead to starting our own.
  const outcome = await waitForPong(localUrl, { patienceMs, attemptMs, giveUpWhenRefused: true });
  if (outcome === 'pong') {
    remember(file, { kind: 'local', url: localUrl, chosenAt: new Date().toISOString() });
    return { url: localUrl, description: `${withoutPassword(localUrl)} (the local Redis, remembered in ${shown})`, stop: async () => {} };
  }
  if (outcome === 'silent') {
    throw new Error(
      `Something accepts connections on ${withoutPassword(localUrl)} but has not answered PING in ${Math.round(patienceMs / 1000)} s.\n` +
        '  If it is a busy Redis, start again when it answers; otherwise set REDIS_URL=redis://host:port.',
    );
  }
  const port = options.childPort ?? CHILD_PORT;
  const target = await startChild(options, port, `remembered in ${shown}`);
  remember(file, { kind: 'child', port, chosenAt: new Date().toISOString() });
  return target;
}

function readRemembered(file: string): RememberedRedis | null {
  if (!existsSync(file)) return null;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as RememberedRedis;
    if ((value.kind === 'local' && typeof value.url === 'string') || (value.kind === 'child' && Number.isInteger(value.port))) return value;
  } catch {
    // reported below
  }
  throw new Error(`${file} is not readable: it should say which Redis this installation uses. Fix or delete it (the next start then chooses again).`);
}

function remember(file: string, value: RememberedRedis): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, file);
}

async function startChild(options: ResolveRedisOptions, port: number, why: string): Promise<RedisTarget> {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error) {
    throw new Error(
      'No Redis answers on 127.0.0.1:6379 and no redis-server is installed.\n' +
        '  Install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis)\n' +
        '  or set REDIS_URL=redis://host:port.',
    );
  }
  const dir = join(options.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '60 1', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const outcome = await Promise.race([waitForPong(url, { patienceMs: 10_000, attemptMs: 1_000, giveUpWhenRefused: false }), exited.then(() => 'exited' as const)]);
  if (outcome !== 'pong') {
    child.kill('SIGTERM');
    throw new Error(`The redis-server started on port ${port} (data in ${dir}) ${outcome === 'exited' ? 'exited at once (is the port taken?)' : 'does not answer'}. Set REDIS_URL to use another Redis.`);
  }
  options.log(`Started a local redis-server on port ${port} (data in ${dir}).`);
  return {
    url,
    description: `${url} (redis-server started by this process, data in ${dir}; ${why})`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

type ProbeOutcome = 'pong' | 'refused' | 'silent';

/**
 * Sends PING until PONG or until `patienceMs` have passed. `refused`: nothing
 * listens (three refusals in a row end the wait when `giveUpWhenRefused`);
 * `silent`: something accepts connections but never answered.
 */
export async function waitForPong(url: string, opts: { patienceMs: number; attemptMs: number; giveUpWhenRefused: boolean }): Promise<ProbeOutcome> {
  const until = Date.now() + opts.patienceMs;
  let refusals = 0;
  let last: ProbeOutcome = 'silent';
  for (;;) {
    last = await ping(url, Math.max(100, Math.min(opts.attemptMs, until - Date.now())));
    if (last === 'pong') return last;
    refusals = last === 'refused' ? refusals + 1 : 0;
    if (opts.giveUpWhenRefused && refusals >= 3) return 'refused';
    if (Date.now() >= until) return last;
    await new Promise((r) => setTimeout(r, last === 'refused' ? 200 : 100));
  }
}

/** One PING over a fresh connection (RESP inline command); a NOAUTH answer is reported as an error, since only REDIS_URL can carry a password. */
function ping(url: string, timeoutMs: number): Promise<ProbeOutcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    let answer = '';
    const done = (outcome: ProbeOutcome | Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => done('silent'), timeoutMs);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      answer += d.toString();
      if (!answer.includes('\r\n')) return;
      if (answer.startsWith('+PONG')) done('pong');
      else done(new Error(`${withoutPassword(url)} answered PING with "${answer.trim().slice(0, 80)}": set REDIS_URL (with its password if it needs one).`));
    });
    socket.on('error', (err: NodeJS.ErrnoException) => done(err.code === 'ECONNREFUSED' ? 'refused' : 'silent'));
    socket.on('close', () => done('silent'));
  });
}

/** A URL as it can be printed: the password replaced, the database number explicit (`/0` when absent). */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    if (u.protocol.startsWith('redis') && (u.pathname === '' || u.pathname === '/')) u.pathname = '/0';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
