import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../common/config';

/**
 * In production every process builds links (mails, calendar feeds, the
 * administrator link): without PUBLIC_URL they would point at localhost, so
 * a process refuses to start, with a message that names the variable.
 */
const MESSAGE = 'PUBLIC_URL must be set when NODE_ENV=production';

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', script, '--', ...args], { env, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, output: stdout + stderr }));
  });
}

describe('PUBLIC_URL in production', () => {
  it('is required by the configuration in production only', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(MESSAGE);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://espace-pro.example.org/' }).PUBLIC_URL).toBe('https://espace-pro.example.org');
    expect(loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'x'.repeat(32), PORT: '3100' }).PUBLIC_URL).toBe('http://localhost:3100');
  });

  it('npm run api, npm run worker and npm run admin:invite exit with status 1 and say why, before touching the database', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32),
      // Unreachable on purpose: the refusal comes first.
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1', DATA_DIR: '/tmp/ep-test-data/public-url',
    };
    delete env.PUBLIC_URL;
    const results = await Promise.all([run('api', [], env), run('worker', [], { ...env, SMTP_URL: 'smtp://127.0.0.1:1' }), run('admin:invite', ['admin@example.org'], env)]);
    for (const r of results) {
      expect(r.code, r.output).toBe(1);
      expect(r.output).toContain(MESSAGE);
    }
  }, 90_000);
});
