import { UnrecoverableError } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { capturedMails, documentTexts, documentVersions, mailMessages } from '../../db/schema';
import { SEARCH_TEXT_BYTES, SEARCH_TEXT_CHARS } from '../../db/queries/documents';
import { pdfWith } from '../helpers/documents';
import { documentsJobsFile } from '../helpers/documents-app';
import { EVERYONE } from '../helpers/audience';

/** Documents jobs: text extraction, thumbnails, review reminders (the storage sweeper: documents-sweep.test.ts). Each one run twice acts once. */

const jobs = documentsJobsFile();

async function objectKeys(area: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of jobs.ctx.app.storage.list(area)) keys.push(o.key);
  return keys;
}

describe('documents.extract', () => {
  it('an upload enqueues its extraction; the text of a PDF becomes searchable, once', async () => {
    const pdf = await pdfWith(['Observatoire', 'Fréquentation des gîtes en été, hébergements insolites']);
    const doc = await jobs.upload({ title: 'Rapport 2026', status: 'published', audience: EVERYONE }, 'rapport.pdf', pdf);
    expect(await jobs.ctx.queues.schedule.getJob(`documents-extract-${doc.currentVersion.id}`)).toBeTruthy();
    expect((await jobs.asStaff({ method: 'GET', url: '/api/documents?q=insolite' })).json().total).toBe(0);

    expect(await jobs.run('documents.extract', { versionId: doc.currentVersion.id })).toEqual({ saved: true });
    expect(await jobs.run('documents.extract', { versionId: doc.currentVersion.id })).toEqual({ skipped: true });
    const [v] = await jobs.ctx.db.select().from(documentVersions).where(eq(documentVersions.id, doc.currentVersion.id));
    expect(v).toMatchObject({ textStatus: 'done', pageCount: 1 });
    expect(await jobs.ctx.db.$count(documentTexts, eq(documentTexts.versionId, doc.currentVersion.id))).toBe(1);

    const found = (await jobs.asStaff({ method: 'GET', url: '/api/documents?q=frequentation%20gite%20ete' })).json();
    expect(found.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect(found.items[0].snippet.filter((s: { mark: boolean }) => s.mark).map((s: { text: string }) => s.text.toLowerCase())).toEqual(
      expect.arrayContaining(['fréquentation']),
    );
  });

  it('text files are read as UTF-8; a damaged PDF is recorded as failed, not retried forever', async () => {
    const txt = await jobs.upload({ title: 'Notes' }, 'notes.txt', Buffer.from('Châtaignes et oignons doux des Cévennes'));
    await jobs.run('documents.extract', { versionId: txt.currentVersion.id });
    expect((await jobs.asStaff({ method: 'GET', url: '/api/documents?q=chataigne' })).json().items.map((d: { id: string }) => d.id)).toEqual([txt.id]);
    const broken = await jobs.upload({ title: 'Cassé' }, 'casse.pdf', Buffer.from('%PDF-1.7\n% truncated nonsense\n'));
    expect(await jobs.run('documents.extract', { versionId: broken.currentVersion.id })).toEqual({ saved: true });
    const [v] = await jobs.ctx.db.select({ s: documentVersions.textStatus }).from(documentVersions).where(eq(documentVersions.id, broken.currentVersion.id));
    expect(v!.s).toBe('failed');
  });

  it('the search vector stays under 1 MB whatever the script: 300,000 characters of two-letter CJK words are cut to SEARCH_TEXT_BYTES, marked truncated', async () => {
    // Two-character words of 3-byte letters, all different: the costliest text per character for a tsvector (~2 bytes of vector per byte of text).
    const words: string[] = [];
    for (let i = 0; i < 110_000; i++) words.push(String.fromCodePoint(0x4e00 + (i % 20_000), 0x4e00 + 100 + Math.floor(i / 20_000)));
    const text = words.join(' ');
    expect(text.length).toBeGreaterThan(SEARCH_TEXT_CHARS);
    const doc = await jobs.upload({ title: 'Brochure en chinois' }, 'brochure-zh.txt', Buffer.from(text));
    expect(await jobs.run('documents.extract', { versionId: doc.currentVersion.id })).toEqual({ saved: true });
    const [t] = await jobs.ctx.db.select({ text: documentTexts.text, truncated: documentTexts.truncated }).from(documentTexts).where(eq(documentTexts.versionId, doc.currentVersion.id));
    expect(t!.truncated).toBe(true);
    expect(Buffer.byteLength(t!.text)).toBeLessThanOrEqual(SEARCH_TEXT_BYTES);
    expect(text.startsWith(t!.text)).toBe(true); // cut between two characters, never inside one
    const [size] = (await jobs.ctx.db.execute(sql`select pg_column_size(search) as bytes, length(search) as lexemes from documents where id = ${doc.id}`)) as unknown as { bytes: number; lexemes: number }[];
    expect(size!.bytes).toBeLessThan(1024 * 1024);
    expect(size!.lexemes).toBeGreaterThan(50_000);
    expect((await jobs.asStaff({ method: 'GET', url: '/api/documents', query: { q: words[0]! } })).json().items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
  });

  it('a bad payload fails without retry', async () => {
    await expect(jobs.run('documents.extract', { versionId: 'nope' })).rejects.toBeInstanceOf(UnrecoverableError);
  });
});

describe('documents.thumbnail', () => {
  it('makes one 320-pixel WebP thumbnail of an image, once', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 120, b: 60 } } }).jpeg().toBuffer();
    const doc = await jobs.upload({ title: 'Photo du cirque de Navacelles' }, 'navacelles.jpg', jpeg);
    expect(await jobs.ctx.queues.schedule.getJob(`documents-thumbnail-${doc.currentVersion.id}`)).toBeTruthy();
    const first = (await jobs.run('documents.thumbnail', { versionId: doc.currentVersion.id })) as { key: string };
    expect(first.key).toMatch(/^thumbnails\//);
    expect(await jobs.run('documents.thumbnail', { versionId: doc.currentVersion.id })).toEqual({ skipped: true });
    const chunks: Buffer[] = [];
    for await (const c of await jobs.ctx.app.storage.get(first.key)) chunks.push(c as Buffer);
    const meta = await sharp(Buffer.concat(chunks)).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 213 });
    expect(await objectKeys('thumbnails/')).toEqual([first.key]);
  });
});

describe('documents.review-reminders', () => {
  it('tells the owner once when the review date has come (a mail in the outbox, French, with a plain-text part)', async () => {
    const due = await jobs.upload({ title: 'Guide de la taxe de séjour', reviewOn: '2026-01-31' }, 'taxe.csv', Buffer.from('a;b\n'));
    await jobs.upload({ title: 'Pas encore', reviewOn: '2099-01-01' }, 'plus-tard.csv', Buffer.from('a;b\n'));
    const first = (await jobs.run('documents.review-reminders', {})) as { queued: number };
    expect(first.queued).toBe(1);
    expect(await jobs.run('documents.review-reminders', {})).toEqual({ queued: 0 });
    const [message] = await jobs.ctx.db.select().from(mailMessages).where(eq(mailMessages.template, 'document-review'));
    expect(message).toMatchObject({ params: { documentId: due.id } });
    await jobs.run('mail.send', { messageId: message!.id });
    const [mail] = await jobs.ctx.db.select().from(capturedMails).where(eq(capturedMails.subject, 'Document à revoir\u00a0: Guide de la taxe de séjour'));
    expect(mail!.text).toMatch(/31\s+janvier\s+2026/);
    expect(mail!.text).toMatch(/\/documents\//);
  });
});
