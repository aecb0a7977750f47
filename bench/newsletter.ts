/**
 * npm run bench:newsletter — the campaign sending engine against a bare
 * nodemailer pool, and its crash safety.
 *
 * A local SMTP sink runs in a child process (bench/newsletter-sink.ts, real
 * smtp-server, counting per recipient); the app's workers run in another
 * (bench/newsletter-worker.ts), over a fresh database with N subscribers.
 *  1. Baseline: a bare nodemailer pool of the same size (SMTP_POOL_SIZE)
 *     sends the same messages (the same rendered newsletter, each with its
 *     own unsubscribe link and headers) into the same sink: messages/second.
 *  2. Engine: launch (recipients frozen in one transaction) → lanes enqueued
 *     → last mail accepted by the sink: messages/second, ≥ 0.6 × baseline;
 *     the worker's RSS at 10 % and at 100 % of the recipients: growth < 100 MB.
 *  3. Crash: the same campaign again (a second one, same recipients), the
 *     worker killed with SIGKILL at about half-way, restarted; the sink's
 *     counts per recipient: 0 duplicates, 0 missing apart from the rows
 *     marked « incertain » (printed; at most the in-flight window,
 *     NEWSLETTER_SENDING.lanes × batchSize).
 * Ends with `result: PASS` or `result: FAIL`.
 *
 * BENCH_RECIPIENTS (default 100000) runs it smaller while developing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { startBenchApp } from './trainings-lib';
import { createCampaign, launchCampaign } from '../db/queries/newsletters';
import { rowsOf } from '../db/queries/rows';
import { campaignForSending } from '../db/queries/newsletters';
import { enqueueEffects } from '../workers/jobs';
import { campaignMessages } from '../workers/handlers/newsletters/message';
import { NEWSLETTER_SENDING } from '../common/limits';
import { users } from '../db/schema';

const N = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const BASELINE_N = Math.min(N, 20_000);
const POOL = 5;
const WINDOW = NEWSLETTER_SENDING.lanes * NEWSLETTER_SENDING.batchSize;
const tsxArgs = { execArgv: ['--import', 'tsx'] };

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string } & T) => { if (m.type === type) { child.off('message', on); resolve(m); } };
    child.on('message', on);
    child.send({ type });
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

const sink = fork('bench/newsletter-sink.ts', [], tsxArgs);
const { port } = await new Promise<{ port: number }>((resolve) => sink.once('message', (m: { port: number }) => resolve(m)));
const smtpUrl = `smtp://127.0.0.1:${port}`;
const env = await startBenchApp('newsletter', 10, { SMTP_URL: smtpUrl, SMTP_POOL_SIZE: String(POOL) });
let worker: ChildProcess | null = null;
let rss: number = 0;
const failures: string[] = [];

function startWorker(): Promise<ChildProcess> {
  const c = env.app.config;
  const child = fork('bench/newsletter-worker.ts', [], {
    ...tsxArgs,
    env: {
      ...process.env, NODE_ENV: 'production', PUBLIC_URL: c.PUBLIC_URL, DATABASE_URL: c.DATABASE_URL, DATABASE_POOL_SIZE: '10', REDIS_URL: c.REDIS_URL,
      QUEUE_PREFIX: c.QUEUE_PREFIX, JWT_SECRET: c.JWT_SECRET, SMTP_URL: smtpUrl, SMTP_POOL_SIZE: String(POOL), CRON_OWNER: 'true', WORKER_CONCURRENCY: '8',
      NEWSLETTER_RATE_PER_SECOND: '100000', NEWSLETTER_LEASE_SECONDS: '5', LOG_LEVEL: 'silent', DATA_DIR: env.dataDir,
    },
  });
  child.on('message', (m: { type: string; rss?: number; message?: string }) => {
    if (m.type === 'rss') rss = m.rss!;
    if (m.type === 'log') console.log(`  worker: ${m.message}`);
  });
  return new Promise((resolve) => child.once('message', () => resolve(child)));
}

async function sentCount(campaignId: string): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: string }>(await env.db.execute(sql`select status::text as status, count(*) as n from newsletter_recipients where campaign_id = ${campaignId} group by status`));
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

try {
  // ---- data: N subscribers (contact addresses of one establishment), audience everyone ----
  const [admin] = await env.db.insert(users).values({ email: 'admin@bench.test', name: 'Admin', role: 'admin', status: 'active' }).returning({ id: users.id });
  const est = rowsOf<{ id: string }>(await env.db.execute(sql`insert into establishments (name, category, commune_insee) values ('Camping du banc', 'hebergement', '30350') returning id`))[0]!.id;
  await env.db.execute(sql`
    insert into newsletter_subscriptions (topic_id, address, establishment_id, source)
    select 'lettre-du-reseau', 'abonne' || g || '@bench.test', ${est}, 'import' from generate_series(1, ${N}) g
  `);
  await env.db.execute(sql`analyze`);
  const draft = () => createCampaign(env.db, {
    subject: 'Lettre du réseau — banc d’essai', preheader: 'Les nouvelles du mois', sender: env.app.config.MAIL_FROM,
    bodyHtml: '<h2>Les nouvelles du réseau</h2><p>Bonjour, voici la lettre du mois : formations, actualités et chiffres de fréquentation du territoire.</p><ul><li>Accueil vélo</li><li>Carte PASS</li></ul>',
    topicId: 'lettre-du-reseau', audience: { kind: 'everyone', categories: [], subcategories: [], communes: [], communautes: [], offices: [] },
  }, admin!.id);

  // ---- 1. baseline: a bare nodemailer pool, the same messages ----
  const baseCampaign = await draft();
  const build = campaignMessages(env.app.config, (await campaignForSending(env.db, baseCampaign.id))!);
  const pool = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: POOL });
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 50 }, async () => {
    while (next < BASELINE_N) {
      const i = ++next;
      const mail = await build({ id: i, address: `base${i}@bench.test`, userId: null, language: 'fr', name: null, establishment: null });
      await pool.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, headers: mail.headers, messageId: `<${mail.reference}@bench.test>` });
    }
  }));
  const baseRate = BASELINE_N / ((performance.now() - t0) / 1000);
  pool.close();
  await ask(sink, 'reset');
  console.log(`baseline (bare nodemailer pool of ${POOL}, ${BASELINE_N} messages): ${baseRate.toFixed(0)} msg/s`);

  // ---- 2. the engine ----
  worker = await startWorker();
  const c1 = await draft();
  const tLaunch = performance.now();
  const wall0 = Date.now();
  const launched = await launchCampaign(env.db, c1.id);
  if (!launched.ok) throw new Error(`launch refused: ${launched.reason}`);
  const launchMs = performance.now() - tLaunch;
  await enqueueEffects(env.app.queues, { campaigns: [c1.id] });
  let rssAt10: number | null = null;
  for (;;) {
    const s = await ask<{ accepted: number; lastAt: number }>(sink, 'stats');
    if (rssAt10 === null && s.accepted >= N / 10) rssAt10 = rss;
    if (s.accepted >= N) break;
    await sleep(100);
  }
  const s1 = await ask<{ accepted: number; lastAt: number }>(sink, 'stats');
  const rssAt100 = rss;
  const engineRate = N / ((s1.lastAt - wall0) / 1000);
  const ratio = engineRate / baseRate;
  console.log(`engine (launch ${launchMs.toFixed(0)} ms for ${launched.total} recipients, then ${NEWSLETTER_SENDING.lanes} lanes × batches of ${NEWSLETTER_SENDING.batchSize}): ${engineRate.toFixed(0)} msg/s = ${ratio.toFixed(2)} × baseline (target ≥ 0.60)`);
  const growth = (rssAt100 - (rssAt10 ?? rssAt100)) / 1024 / 1024;
  console.log(`worker RSS: ${mb(rssAt10 ?? 0)} MB at ${N / 10} recipients, ${mb(rssAt100)} MB at ${N}: growth ${growth.toFixed(0)} MB (target < 100)`);
  if (ratio < 0.6) failures.push('rate');
  if (growth >= 100) failures.push('memory');
  for (let i = 0; i < 50 && (await sentCount(c1.id)).sent !== N; i++) await sleep(100);
  const c1Counts = await sentCount(c1.id);
  console.log(`engine rows: ${JSON.stringify(c1Counts)}`);
  const dup1 = Object.values((await ask<{ counts: Record<string, number> }>(sink, 'counts')).counts).filter((n) => n > 1).length;
  if (dup1 || c1Counts.sent !== N) failures.push('engine-exactly-once');
  await ask(sink, 'reset');

  // ---- 3. crash: kill -9 at about half-way, restart ----
  const c2 = await draft();
  const l2 = await launchCampaign(env.db, c2.id);
  if (!l2.ok) throw new Error(`launch refused: ${l2.reason}`);
  await enqueueEffects(env.app.queues, { campaigns: [c2.id] });
  for (;;) {
    const s = await ask<{ accepted: number }>(sink, 'stats');
    if (s.accepted >= N / 2) break;
    await sleep(20);
  }
  worker.kill('SIGKILL');
  const atKill = (await ask<{ accepted: number }>(sink, 'stats')).accepted;
  console.log(`crash: worker killed (SIGKILL) after ${atKill} mails accepted; restarting`);
  await sleep(500);
  const tRestart = Date.now();
  worker = await startWorker();
  for (let i = 0; ; i++) {
    const [row] = rowsOf<{ status: string }>(await env.db.execute(sql`select status::text as status from newsletter_campaigns where id = ${c2.id}`));
    if (row!.status === 'finished') break;
    if (i > 3000) throw new Error('crash run: the campaign did not finish within 5 minutes');
    await sleep(100);
  }
  console.log(`crash: finished ${((Date.now() - tRestart) / 1000).toFixed(1)} s after the restart (stalled jobs are taken back after BullMQ's stall check, claims become « incertain » after the 5 s lease)`);
  const counts = (await ask<{ counts: Record<string, number> }>(sink, 'counts')).counts;
  const rows = rowsOf<{ address: string; status: string }>(await env.db.execute(sql`select address, status::text as status from newsletter_recipients where campaign_id = ${c2.id}`));
  const uncertain = rows.filter((r) => r.status === 'uncertain');
  const uncertainSet = new Set(uncertain.map((r) => r.address));
  const duplicates = Object.values(counts).filter((n) => n > 1).length;
  const missing = rows.filter((r) => !counts[r.address] && !uncertainSet.has(r.address)).length;
  const uncertainDelivered = uncertain.filter((r) => counts[r.address]).length;
  console.log(`crash: ${rows.length} recipients; duplicates ${duplicates}, missing ${missing}, « incertain » ${uncertain.length} (of which ${uncertainDelivered} had in fact reached the sink; in-flight window ${WINDOW})`);
  console.log(`crash rows: ${JSON.stringify(await sentCount(c2.id))}`);
  if (duplicates || missing || uncertain.length > WINDOW) failures.push('crash');
} catch (err) {
  failures.push(`error: ${err instanceof Error ? err.message : String(err)}`);
  console.error(err);
} finally {
  worker?.kill('SIGTERM');
  await sleep(500);
  worker?.kill('SIGKILL');
  sink.kill();
  await env.close();
}
console.log(failures.length ? `result: FAIL (${failures.join(', ')})` : 'result: PASS');
process.exit(failures.length ? 1 : 0);
