import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { FastifyServerOptions, InjectOptions, LightMyRequestResponse } from 'fastify';
import { establishments, logins, users } from '../../db/schema';
import { buildApp, type App } from '../../server/app';
import { loadConfig, type Config } from '../../common/config';
import { hashPassword } from '../../server/lib/passwords';
import type { Role } from '../../common/roles';
import { createQueues, type Queues } from '../../workers/jobs';
import { discardQueues } from './queues';
import { startWorkers, type RunningWorkers } from '../../workers/main';
import { createTestDatabase, type TestDatabase } from './db';
import { TEST_REDIS_URL } from './env';

export const TEST_PASSWORD = 'Cévennes-Navacelles-2026!';

export interface TestContext {
  app: App;
  db: TestDatabase['db'];
  database: TestDatabase;
  config: Config;
  queues: Queues;
  redis: Redis;
  /** Starts the real BullMQ workers of this test file (same Redis prefix). */
  startWorkers(): Promise<RunningWorkers>;
  close(): Promise<void>;
}

/**
 * The real app on a database of its own and a Redis prefix of its own.
 * Mail goes to `smtpUrl` (a real smtp-server capture) when given, else to the captured outbox.
 * Logs are off unless `logger` is given (e.g. `{ level: 'info', stream }` to read them).
 */
export async function createTestApp(overrides: Partial<Config> = {}, options: { smtpUrl?: string; logger?: FastifyServerOptions['logger'] } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const prefix = `ept_${randomBytes(5).toString('hex')}`;
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: TEST_REDIS_URL, DATABASE_URL: database.url, QUEUE_PREFIX: prefix, SERVE_CLIENT: 'false', DATA_DIR: `/tmp/ep-test-data/${prefix}` },
    { JWT_SECRET: randomBytes(32).toString('hex'), SMTP_URL: options.smtpUrl, CRON_OWNER: false, ...overrides },
  );
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, prefix);
  const app = await buildApp({ config, db: database.db, redis, queues }, { logger: options.logger ?? false });
  await app.ready();
  const running: RunningWorkers[] = [];
  return {
    app, db: database.db, database, config, queues, redis,
    async startWorkers() {
      const w = await startWorkers({ config, db: database.db, redisUrl: TEST_REDIS_URL, log: { info: () => {}, warn: () => {}, error: console.error } });
      running.push(w);
      return w;
    },
    async close() {
      for (const w of running) await w.close();
      await app.close();
      await discardQueues(queues, redis, prefix);
      await database.drop();
    },
  };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createEstablishment(ctx: Pick<TestContext, 'db'>, values: Partial<typeof establishments.$inferInsert> = {}) {
  const [row] = await ctx.db
    .insert(establishments)
    .values({ name: `Gîte du Test ${unique()}`, category: 'hebergement', subcategory: 'gite', communeInsee: '30350', ...values })
    .returning();
  return row!;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  establishmentId: string | null;
  password: string;
}

/** An active user with a known password (partners get an establishment of their own unless one is given). */
export async function createUser(ctx: Pick<TestContext, 'db'>, role: Role, values: Partial<typeof users.$inferInsert> = {}): Promise<TestUser> {
  const establishmentId = role === 'partner' ? (values.establishmentId ?? (await createEstablishment(ctx)).id) : (values.establishmentId ?? null);
  const [row] = await ctx.db
    .insert(users)
    .values({
      email: `${role}-${unique()}@example.test`, name: `Test ${role}`, role, status: 'active',
      passwordHash: await hashPassword(TEST_PASSWORD), ...values, establishmentId,
      ...(role === 'staff' && !values.officeId ? { officeId: 'bit-le-vigan' } : {}),
    })
    .returning();
  return { id: row!.id, email: row!.email, role: row!.role, establishmentId: row!.establishmentId, password: TEST_PASSWORD };
}

/** A log-in row and a signed access cookie for the user, without going through log-in. */
export async function accessCookieFor(ctx: Pick<TestContext, 'db' | 'app'>, user: { id: string; role: Role }): Promise<string> {
  const [login] = await ctx.db.insert(logins).values({ userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) }).returning({ id: logins.id });
  const token = ctx.app.jwt.sign({ sub: user.id, sid: login!.id, role: user.role });
  return `ep_access=${token}`;
}

export type Injector = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

/** `inject` as the given user (or anonymous with null). */
export async function injectAs(ctx: Pick<TestContext, 'db' | 'app'>, user: { id: string; role: Role } | null): Promise<Injector> {
  const cookie = user ? await accessCookieFor(ctx, user) : undefined;
  return (opts) => ctx.app.inject({ ...opts, headers: { ...(cookie ? { cookie } : {}), ...(opts.headers ?? {}) } });
}

type Person = Role | [Role, Partial<typeof users.$inferInsert>];
/** A test app and its people: each key `k` gives the user `k` and `as<K>`, an injector signed in as them. */
export type AppWithUsers<K extends string> = { ctx: TestContext } & { [P in K]: TestUser } & { [P in K as `as${Capitalize<P>}`]: Injector };

/**
 * `createTestApp` plus the users a test file signs in as, made in the order given:
 * `appWithUsers({ staff: 'staff', cook: ['partner', { establishmentId }] })` gives `ctx`, `staff`, `asStaff`, `cook`, `asCook`.
 */
export async function appWithUsers<const K extends string>(people: Record<K, Person>, overrides: Partial<Config> = {}, options: Parameters<typeof createTestApp>[1] = {}): Promise<AppWithUsers<K>> {
  const ctx = await createTestApp(overrides, options);
  const out: Record<string, unknown> = { ctx };
  for (const [key, person] of Object.entries(people) as [K, Person][]) {
    const [role, values] = typeof person === 'string' ? [person, {}] : person;
    const user = await createUser(ctx, role, values);
    out[key] = user;
    out[`as${key[0]!.toUpperCase()}${key.slice(1)}`] = await injectAs(ctx, user);
  }
  return out as AppWithUsers<K>;
}

/** Reads a Set-Cookie header into name -> { value, attributes }. */
export function parseSetCookies(res: LightMyRequestResponse) {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c]));
}
