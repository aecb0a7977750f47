import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { TEST_REDIS_URL } from '../helpers/env';
import { freePort } from '../helpers/ports';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp';

/**
 * The README's "Separate processes and scaling", command for command: two
 * api processes (`npm run api`, each on its PORT) and one worker
 * (`npm run worker`), each a process of its own with NODE_ENV=production and
 * PUBLIC_URL, on the machine's PostgreSQL (a fresh copy of the migrated,
 * seeded template: no user yet) and Redis (a key prefix of its own), mail to a
 * real SMTP server. (`npm run build` comes first in the README; `npm test`
 * runs it before this file, and the api serves the API without it.)
 */

const PUBLIC_URL = 'https://espace-pro.example.org';
const ADMIN_EMAIL = 'direction@example.org';
const ADMIN_PASSWORD = 'Aigoual-Observatoire-1894';

interface Proc {
  name: string;
  child: ChildProcess;
  output: string;
}

let database: TestDatabase;
let smtp: SmtpCapture;
let prefix: string;
const procs: Proc[] = [];
const ports: number[] = [];

/** `VAR=… npm run <script>` in a process group of its own (stopped as a whole), nothing inherited but PATH and HOME. */
function start(name: string, script: string, vars: Record<string, string>): Proc {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...vars };
  const child = spawn('npm', ['run', script], { env, cwd: resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const proc: Proc = { name, child, output: '' };
  child.stdout!.on('data', (d: Buffer) => (proc.output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (proc.output += d.toString()));
  procs.push(proc);
  return proc;
}

async function waitForOutput(proc: Proc, text: string, ms = 120_000): Promise<void> {
  const started = Date.now();
  while (!proc.output.includes(text)) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode ?? proc.child.signalCode}):\n${proc.output}`);
    if (Date.now() - started > ms) throw new Error(`${proc.name} did not print "${text}" within ${ms} ms:\n${proc.output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(proc: Proc): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise((r) => proc.child.once('exit', r));
  process.kill(-proc.child.pid!, 'SIGTERM');
  const timer = setTimeout(() => proc.child.exitCode === null && process.kill(-proc.child.pid!, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

const alive = (proc: Proc) => proc.child.exitCode === null && proc.child.signalCode === null;

/** A client of one api process: keeps its cookies (`Secure` in production, sent by hand here over plain HTTP). */
function client(port: number, cookies = new Map<string, string>()) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) };
  };
  return { call, cookies, on: (otherPort: number) => client(otherPort, cookies) };
}

const tokenFrom = (link: string) => {
  expect(link.startsWith(`${PUBLIC_URL}/invitation/`), link).toBe(true);
  return link.slice(`${PUBLIC_URL}/invitation/`.length);
};

/** The invitation link in the text part of the mail delivered to `email`. */
async function invitationLink(email: string): Promise<string> {
  const [mail] = await smtp.waitFor((m) => m.to.includes(email), 1, 60_000);
  const parsed = await simpleParser(mail!.raw);
  const links = (parsed.text ?? '').match(/https?:\/\/\S+\/invitation\/[\w-]+/g) ?? [];
  expect(links.length, parsed.text).toBeGreaterThan(0);
  return links[0]!;
}

beforeAll(async () => {
  database = await createTestDatabase(2);
  smtp = await startSmtpCapture();
  prefix = `ept_topo_${randomBytes(4).toString('hex')}`;
  ports.push(await freePort(), await freePort());
}, 60_000);

afterAll(async () => {
  await Promise.all(procs.map(stop));
  await smtp?.close();
  await database?.drop();
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}, 60_000);

describe('production topology: two api processes and a worker, as the README runs them', () => {
  let api1: Proc;
  let api2: Proc;
  let worker: Proc;

  it('start at once, and the worker stays up', async () => {
    const shared = {
      NODE_ENV: 'production', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL, ADMIN_EMAIL,
      // Test isolation only: this file's keys in the shared Redis, no ./data in the working tree.
      QUEUE_PREFIX: prefix, DATA_DIR: `/tmp/ep-test-data/${prefix}`,
    };
    api1 = start('api #1', 'api', { ...shared, PORT: String(ports[0]) });
    api2 = start('api #2', 'api', { ...shared, PORT: String(ports[1]) });
    worker = start('worker', 'worker', { ...shared, SMTP_URL: smtp.url });
    await Promise.all([waitForOutput(api1, 'Espace Pro Sud Cévennes —'), waitForOutput(api2, 'Espace Pro Sud Cévennes —'), waitForOutput(worker, 'Workers started')]);
    for (const port of ports) {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
    }
    if (existsSync(resolve(import.meta.dirname, '../../dist/client/index.html'))) {
      expect((await fetch(`http://127.0.0.1:${ports[1]}/`)).headers.get('content-type')).toContain('text/html');
    }
    await new Promise((r) => setTimeout(r, 2_000));
    expect(alive(worker), worker.output).toBe(true);
  }, 180_000);

  let admin: ReturnType<typeof client>;

  it('the first administrator link is printed once, and sets the password', async () => {
    const printed = [api1, api2].map((p) => /\n\s*(https?:\/\/\S+\/invitation\/\S+)/.exec(p.output)?.[1] ?? null);
    expect(printed.filter(Boolean), `${api1.output}\n---\n${api2.output}`).toHaveLength(1);
    const token = tokenFrom(printed.find(Boolean)!);
    // The other one says how to get a fresh link instead of voiding that one.
    expect((printed[0] ? api2 : api1).output).toContain(`npm run admin:invite ${ADMIN_EMAIL}`);
    // Accepted through the process that did not print it.
    admin = client(printed[0] ? ports[1]! : ports[0]!);
    const accepted = await admin.call('POST', '/api/auth/invitation/accept', { token, password: ADMIN_PASSWORD, name: 'Sylvie Teissier' });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json().user.role).toBe('admin');
    expect((await admin.on(ports[0]!).call('GET', '/api/me')).status).toBe(200);
    expect((await admin.on(ports[1]!).call('GET', '/api/me')).status).toBe(200);
    const login = await client(ports[0]!).call('POST', '/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('an invitation created through either api process is delivered by the worker, with links on PUBLIC_URL that work', async () => {
    const staff: ReturnType<typeof client>[] = [];
    for (const [i, port] of ports.entries()) {
      const email = `agent-${i + 1}@example.org`;
      const invited = await admin.on(port).call('POST', '/api/users/invitations', { email, name: `Agent ${i + 1}`, role: 'staff', officeId: 'bit-le-vigan' });
      expect(invited.status, invited.text).toBe(201);
      const link = await invitationLink(email);
      // The other process opens the link.
      const member = client(ports[1 - i]!);
      const accepted = await member.call('POST', '/api/auth/invitation/accept', { token: tokenFrom(link), password: `Cevennes-Agent-${i + 1}-2026` });
      expect(accepted.status, accepted.text).toBe(200);
      staff.push(member);
    }
    expect(alive(worker), worker.output).toBe(true);
  }, 120_000);

  it('a change through one api process is seen by the next request through the other', async () => {
    const asAdmin1 = admin.on(ports[0]!);
    const asAdmin2 = admin.on(ports[1]!);
    // A session created through #2 shows at once in the list read (and cached) by #1.
    expect((await asAdmin1.call('GET', '/api/trainings/sessions')).status).toBe(200);
    const training = await asAdmin2.call('POST', '/api/trainings', {
      title: 'Accueil vélo', summary: 'Recevoir les cyclistes.', descriptionHtml: '<p>Programme</p>', theme: 'welcome', targetCategories: ['hebergement'], durationMinutes: 120,
    });
    expect(training.status, training.text).toBe(201);
    const day = 86_400_000;
    const startsAt = new Date(Date.now() + 10 * day);
    const session = await asAdmin2.call('POST', `/api/trainings/${training.json().id}/sessions`, {
      slots: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString() }],
      place: { kind: 'office', officeId: 'bit-le-vigan' }, capacity: 12, signupDeadline: new Date(Date.now() + 9 * day).toISOString(), status: 'open',
    });
    expect(session.status, session.text).toBe(201);
    const listed = await asAdmin1.call('GET', '/api/trainings/sessions');
    expect((listed.json().items as { id: string }[]).map((s) => s.id)).toContain(session.json().id);

    // A member disabled through #1 is refused at its next request through #2.
    const email = 'agent-1@example.org';
    const member = client(ports[1]!);
    expect((await member.call('POST', '/api/auth/login', { email, password: 'Cevennes-Agent-1-2026' })).status).toBe(200);
    expect((await member.call('GET', '/api/trainings/sessions')).status).toBe(200);
    const users = await asAdmin1.call('GET', `/api/users?search=${encodeURIComponent(email)}`);
    const id = (users.json().items as { id: string; email: string }[]).find((u) => u.email === email)!.id;
    expect((await asAdmin1.call('PATCH', `/api/users/${id}`, { status: 'disabled' })).status).toBe(200);
    expect((await member.call('GET', '/api/trainings/sessions')).status).toBe(401);
  });

  it('all three are still up', () => {
    for (const p of [api1, api2, worker]) expect(alive(p), `${p.name}:\n${p.output}`).toBe(true);
  });
});
