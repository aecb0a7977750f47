import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export interface RedisTarget {
  url: string;
  /** Stops the child redis-server when this process started one. */
  stop(): Promise<void>;
}

/** REDIS_URL, else a Redis answering on 127.0.0.1:6379, else a redis-server child process keeping its data in the data directory. */
export async function resolveRedis(options: { url?: string; dataDir: string; log: (msg: string) => void }): Promise<RedisTarget> {
  if (options.url) return { url: options.url, stop: async () => {} };
  const local = 'redis://127.0.0.1:6379';
  if (await answers(local)) return { url: local, stop: async () => {} };

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
  const port = 6390;
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '60 1', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  options.log(`Started a local redis-server on port ${port} (data in ${dir}).`);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 500, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
