import { UnrecoverableError } from 'bullmq';
import type { Readable } from 'node:stream';
import { saveExtractedText, SEARCH_TEXT_CHARS, versionForProcessing } from '../../../db/queries/documents';
import type { JobHandler } from '../../jobs';
import { isUuid } from '../../../common/ids';
import { officeText } from './office-text';
import { storageFor } from './storage';

/** Office Open XML and OpenDocument types whose text is read from their XML (office-text.ts). */
const OFFICE_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/**
 * PDFs are read whole by pdf.js: above this size the text is not extracted
 * (the document stays findable by title, description and tags) so that one
 * job never holds more than this in memory.
 */
const PDF_TEXT_MAX_BYTES = 50 * 1024 * 1024;

async function readAll(stream: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= max) {
      stream.destroy();
      break;
    }
  }
  return Buffer.concat(chunks);
}

/** Text of every page, stopping at SEARCH_TEXT_CHARS, and the page count. */
async function pdfText(data: Buffer): Promise<{ text: string; truncated: boolean; pageCount: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    let text = '';
    for (let i = 1; i <= doc.numPages && text.length < SEARCH_TEXT_CHARS; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
    }
    return { text: text.slice(0, SEARCH_TEXT_CHARS), truncated: text.length > SEARCH_TEXT_CHARS, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** Extracts the searchable text of one version (PDF, office and OpenDocument files, CSV, TXT); idempotent: a version no longer 'pending' is skipped. */
export const extractDocumentText: JobHandler<'documents.extract'> = async (payload, ctx) => {
  if (!payload || !isUuid(payload.versionId)) throw new UnrecoverableError('documents.extract: bad payload');
  const version = await versionForProcessing(ctx.db, payload.versionId);
  if (!version || version.textStatus !== 'pending') return { skipped: true };
  const storage = await storageFor(ctx.config);
  let result: { text: string | null; truncated: boolean; pageCount: number | null; status: 'done' | 'none' | 'failed' };
  if (version.mediaType === 'application/pdf') {
    if (version.size > PDF_TEXT_MAX_BYTES) {
      result = { text: null, truncated: false, pageCount: null, status: 'none' };
    } else {
      try {
        const extracted = await pdfText(await readAll(await storage.get(version.storageKey), PDF_TEXT_MAX_BYTES));
        result = { ...extracted, status: 'done' };
      } catch (err) {
        // A damaged or encrypted PDF: recorded, not retried forever.
        ctx.log.warn(`documents.extract: ${version.id}: ${(err as Error).message}`);
        result = { text: null, truncated: false, pageCount: null, status: 'failed' };
      }
    }
  } else if (version.mediaType === 'text/plain' || version.mediaType === 'text/csv') {
    // UTF-8 was checked at upload; 4 bytes per character at most.
    const raw = (await readAll(await storage.get(version.storageKey), SEARCH_TEXT_CHARS * 4)).toString('utf8').replace(/^\uFEFF/, '');
    result = { text: raw.slice(0, SEARCH_TEXT_CHARS), truncated: raw.length > SEARCH_TEXT_CHARS || version.size > SEARCH_TEXT_CHARS * 4, pageCount: null, status: 'done' };
  } else if (OFFICE_TYPES.has(version.mediaType)) {
    const extracted = await officeText({ size: version.size, get: (range) => storage.get(version.storageKey, range) }, SEARCH_TEXT_CHARS);
    if (!extracted) ctx.log.warn(`documents.extract: ${version.id}: unreadable office archive`);
    result = extracted ? { ...extracted, pageCount: null, status: 'done' } : { text: null, truncated: false, pageCount: null, status: 'failed' };
  } else {
    result = { text: null, truncated: false, pageCount: null, status: 'none' };
  }
  return { saved: await saveExtractedText(ctx.db, { versionId: version.id, ...result }) };
};
