import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Environment schema. Every variable is optional: unset means the embedded
 * default (PGlite, local or child redis-server, captured mail), so that
 * `npm start` works on a fresh machine. The README's configuration table
 * mirrors this list.
 */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], { default: 'development' }),
  PROCESS_ROLE: Type.Union([Type.Literal('all'), Type.Literal('api'), Type.Literal('worker')], { default: 'all' }),
  HOST: Type.String({ default: '0.0.0.0' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  PUBLIC_URL: Type.Optional(Type.String({ format: 'uri' })),
  DATA_DIR: Type.String({ default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  REDIS_URL: Type.Optional(Type.String({ minLength: 1 })),
  /** Unset: derived from the database's identity at start (server/lib/queue-prefix.ts). */
  QUEUE_PREFIX: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-zA-Z0-9_-]+$' })),
  SMTP_URL: Type.Optional(Type.String({ minLength: 1 })),
  SMTP_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 50, default: 5 }),
  MAIL_FROM: Type.String({ default: 'Espace Pro Sud Cévennes <no-reply@espace-pro.sud-cevennes.test>' }),
  MAIL_RATE_PER_SECOND: Type.Integer({ minimum: 1, default: 50 }),
  WORKER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  /** Newsletters: mails per second for ALL worker processes together (one Redis counter). */
  NEWSLETTER_RATE_PER_SECOND: Type.Integer({ minimum: 1, maximum: 100_000, default: 20 }),
  /** Newsletters: the senders an admin may pick, separated by « ; » (unset: MAIL_FROM alone). */
  NEWSLETTER_SENDERS: Type.Optional(Type.String({ minLength: 3 })),
  /** Newsletters: a recipient claimed longer than this by a worker that stopped answering becomes « incertain ». */
  NEWSLETTER_LEASE_SECONDS: Type.Integer({ minimum: 2, maximum: 86_400, default: 300 }),
  /** DKIM signing of outgoing mail when all three are set (the key as PEM, or a path to a PEM file). */
  DKIM_DOMAIN: Type.Optional(Type.String({ minLength: 3 })),
  DKIM_SELECTOR: Type.Optional(Type.String({ minLength: 1 })),
  DKIM_PRIVATE_KEY: Type.Optional(Type.String({ minLength: 20 })),
  CRON_OWNER: Type.Optional(Type.Boolean()),
  /** How often the cron owner re-asserts the repeatable jobs (they vanish with Redis keys; re-asserting is idempotent). */
  SCHEDULES_CHECK_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 30, default: 900 }),
  REFRESH_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, default: 30 }),
  INVITATION_TTL_HOURS: Type.Integer({ minimum: 1, default: 168 }),
  RESET_TTL_MINUTES: Type.Integer({ minimum: 5, default: 60 }),
  RATE_LIMIT_LOGIN_PER_MINUTE: Type.Integer({ minimum: 1, default: 10 }),
  ADMIN_EMAIL: Type.String({ default: 'admin@localhost' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  SERVE_CLIENT: Type.Boolean({ default: true }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  S3_URL: Type.Optional(Type.String({ format: 'uri' })),
  S3_BUCKET: Type.Optional(Type.String({ minLength: 3, maxLength: 63 })),
  UPLOAD_MAX_BYTES: Type.Integer({ minimum: 1024, default: 100 * 1024 * 1024 }),
});
type Env = Static<typeof EnvSchema>;

export interface Config extends Omit<Env, 'PUBLIC_URL' | 'JWT_SECRET' | 'CRON_OWNER' | 'QUEUE_PREFIX'> {
  /**
   * Prefix of the queue and rate-limit keys. Empty until the entry point has
   * derived it from the database (when QUEUE_PREFIX is unset): queues refuse an empty one.
   */
  QUEUE_PREFIX: string;
  PUBLIC_URL: string;
  JWT_SECRET: string;
  /** Whether this process owns the repeatable (cron) jobs. */
  CRON_OWNER: boolean;
  /** Absolute data directory (PGlite, child redis, files). */
  dataDir: string;
  /** `Secure` cookies outside development and tests. */
  secureCookies: boolean;
}

/** Lifetimes of the one-time links (invitation, password reset), in milliseconds. */
export const linkTtlMs = (config: Pick<Config, 'INVITATION_TTL_HOURS' | 'RESET_TTL_MINUTES'>) => ({
  invitation: config.INVITATION_TTL_HOURS * 3_600_000,
  reset: config.RESET_TTL_MINUTES * 60_000,
});

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a readable ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw));
  if (!Value.Check(EnvSchema, converted)) {
    const problems = [...Value.Errors(EnvSchema, converted)].map((e) => `${e.instancePath.slice(1) || '(env)'}: ${e.message}`);
    throw new ConfigError(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const parsed = converted as Env;
  if (parsed.NODE_ENV === 'production' && !parsed.PUBLIC_URL) {
    // Every process builds links (mails, the first administrator's link, calendar feeds): a default would point them at localhost.
    throw new ConfigError('Invalid environment:\n  PUBLIC_URL must be set when NODE_ENV=production: links in e-mails and the administrator link are built on it (for example PUBLIC_URL=https://espace-pro.example.org).');
  }
  const dataDir = resolve(parsed.DATA_DIR);
  const config: Config = {
    ...parsed,
    PUBLIC_URL: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ''),
    JWT_SECRET: parsed.JWT_SECRET ?? persistedSecret(dataDir),
    CRON_OWNER: parsed.CRON_OWNER ?? parsed.PROCESS_ROLE !== 'api',
    QUEUE_PREFIX: parsed.QUEUE_PREFIX ?? '',
    dataDir,
    secureCookies: parsed.NODE_ENV === 'production',
    ...overrides,
  };
  return config;
}

/** A random secret generated once and kept in the data directory, so restarts keep sessions valid. */
function persistedSecret(dataDir: string): string {
  const file = resolve(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
