import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import type { BenchEnv } from './trainings-lib';

/**
 * Pieces of bench/documents.ts: a large test file, transfers made by curl in
 * a child process (so the bench process holds only the servers, and its RSS
 * is theirs), RSS sampling, and a library seeded with SQL.
 */

export const MB = 1024 * 1024;

/** A `bytes`-long file that passes the PDF content check (`%PDF-` head), random bytes after it. */
export async function writeTestPdf(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const block = randomBytes(MB);
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  out.write(head);
  let left = bytes - head.length - tail.length;
  while (left > 0) {
    const chunk = block.subarray(0, Math.min(left, MB));
    left -= chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end(tail);
  await once(out, 'finish');
}

export interface Transfer {
  status: number;
  seconds: number;
  bytes: number;
  /** The response body when it was kept (uploads), else ''. */
  body: string;
  /** MB/s of the transferred payload. */
  mbPerSecond: number;
}

function curl(args: string[], payloadBytes: (uploaded: number, downloaded: number) => number): Promise<Transfer> {
  const format = '\n%{http_code} %{time_total} %{size_upload} %{size_download}';
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-sS', '-w', format, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`curl exited with ${code}: ${out.slice(-300)}`));
      const cut = out.lastIndexOf('\n');
      const [status, seconds, up, down] = out.slice(cut + 1).split(' ').map(Number) as [number, number, number, number];
      const bytes = payloadBytes(up, down);
      resolve({ status, seconds, bytes, body: out.slice(0, cut), mbPerSecond: bytes / MB / seconds });
    });
  });
}

/**
 * A multipart upload of `file` (fields first, then the file), the body
 * streamed from disk by curl. `Expect:` is cleared so that no 100-continue
 * round trip is timed.
 */
export function uploadWithCurl(url: string, file: string, opts: { cookie?: string; fields?: Record<string, string>; filename: string }): Promise<Transfer> {
  const args = ['-H', 'Expect:'];
  if (opts.cookie) args.push('-H', `cookie: ${opts.cookie}`);
  for (const [name, value] of Object.entries(opts.fields ?? {})) args.push('--form-string', `${name}=${value}`);
  args.push('-F', `file=@${file};filename=${opts.filename};type=application/pdf`, url);
  return curl(args, (up) => up);
}

/** A GET whose body curl throws away. */
export function downloadWithCurl(url: string, cookie?: string): Promise<Transfer> {
  return curl(['-o', '/dev/null', ...(cookie ? ['-H', `cookie: ${cookie}`] : []), url], (_up, down) => down);
}

/**
 * Runs `fn` while sampling this process's RSS every 10 ms; `growthMb` is the
 * highest sample minus the RSS just before.
 */
export async function rssDuring<T>(fn: () => Promise<T>): Promise<{ result: T; growthMb: number; beforeMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growthMb: (peak - before) / MB, beforeMb: before / MB };
  } finally {
    clearInterval(timer);
  }
}

/**
 * `count` documents in 20 folders, each with one current version, with a mix
 * of statuses and audiences: everyone, staff only, partners by category,
 * by commune, by communauté, by office (so that the audience filter decides).
 */
export async function seedLibrary(env: BenchEnv, count: number, ownerId: string): Promise<void> {
  await env.db.execute(sql`
    insert into document_folders (name, audience_kind) select 'Dossier ' || g, 'everyone' from generate_series(1, 20) g`);
  await env.db.execute(sql`
    with f as (select id, row_number() over (order by id) as n from document_folders),
    c as (select insee_code, communaute_id from communes order by insee_code limit 1 offset 7),
    o as (select id from offices order by id limit 1 offset 2)
    insert into documents (folder_id, title, description, tags, status, audience_kind, audience_categories, audience_subcategories,
      audience_communes, audience_communautes, audience_offices, owner_id, published_at, created_by, created_at, updated_at)
    select f.id, 'Document ' || g || ' — guide de la taxe de séjour',
      'Fiche pratique ' || g || ' pour les partenaires : classement, accueil, randonnées et été en Cévennes.',
      array['guide', 'tag' || (g % 30)],
      (case when g % 9 = 0 then 'draft' when g % 23 = 0 then 'archived' else 'published' end)::document_status,
      (case when g % 10 < 4 then 'everyone' when g % 10 = 4 then 'staff' else 'partners' end)::audience_kind,
      case when g % 10 = 5 then '{hebergement}'::text[] when g % 10 = 6 then '{restauration}'::text[] else '{}' end,
      '{}',
      case when g % 10 = 7 then array[(select insee_code from c)] when g % 10 = 9 then array['30350'] else '{}' end,
      case when g % 10 = 8 then array[(select communaute_id from c)] else '{}' end,
      case when g % 10 = 9 then array[(select id from o)] else '{}' end,
      ${ownerId}, now() - make_interval(mins => g), ${ownerId},
      now() - make_interval(mins => g), now() - make_interval(mins => g)
    from generate_series(1, ${count}) g join f on f.n = 1 + g % 20`);
  await env.db.execute(sql`
    insert into document_versions (document_id, number, storage_key, original_name, media_type, size, sha256, text_status, uploaded_by)
    select id, 1, 'documents/2026/11/' || id, 'guide-' || left(id::text, 8) || '.pdf', 'application/pdf', 100000 + (random() * 1e6)::int,
      encode(sha256(id::text::bytea), 'hex'), 'done', ${ownerId}
    from documents where current_version_id is null`);
  await env.db.execute(sql`
    update documents d set current_version_id = v.id,
      search = to_tsvector('french_unaccent', d.title || ' ' || d.description || ' ' || array_to_string(d.tags, ' '))
    from document_versions v where v.document_id = d.id and d.current_version_id is null`);
  await env.db.execute(sql`analyze`);
}
